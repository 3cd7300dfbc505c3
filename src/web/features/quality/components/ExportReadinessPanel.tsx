import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { fieldText } from '../../../lib/problem-text';
import { useResource } from '../../../lib/use-resource';
import { getExportReadiness, type ReadinessCheck } from '../api/export-readiness';

function Mark({ ok }: { ok: boolean | null }) {
  const { t } = useI18n();
  if (ok === null)
    return (
      <span className="mark manual" role="img" aria-label={t('readiness.manual')}>
        ?
      </span>
    );
  return (
    <span className={ok ? 'mark ok' : 'mark fail'} role="img" aria-label={ok ? t('readiness.ok') : t('readiness.fail')}>
      {ok ? '✔' : '✘'}
    </span>
  );
}

/** A check's reason in the reader's language (a code of the shared catalogue), else the server's English. */
function Check({ check }: { check: ReadinessCheck }) {
  const { t } = useI18n();
  return (
    <li className="check">
      <Mark ok={check.ok} />
      <span>
        {fieldText({ code: check.reason, params: {}, message: check.message }, t)}
        {check.ok === null ? <span className="muted small"> ({t('readiness.manual')})</span> : null}
      </span>
    </li>
  );
}

/** Per market (JP, EU, US): ready or not, and why, check by check. `refresh` reloads it. */
export function ExportReadinessPanel({ productId, refresh }: { productId: string; refresh: number }) {
  const { t, locale } = useI18n();
  const readiness = useResource(`readiness-${productId}-${refresh}`, (signal) => getExportReadiness(productId, signal));
  return (
    <section className="panel" aria-labelledby="readiness-title" data-testid="export-readiness">
      <h2 id="readiness-title">{t('readiness.title')}</h2>
      {readiness.error ? <p role="alert">{t('error.load')}</p> : null}
      {readiness.data ? (
        <>
          <p className="muted small">{t('readiness.on', { date: formatDate(readiness.data.on, locale) })}</p>
          {readiness.data.markets.map((m) => (
            <details key={m.market} className="market">
              <summary>
                <Mark ok={m.ready} /> {t(`market.${m.market}`)} —{' '}
                {m.ready ? t('readiness.ready') : t('readiness.notReady')}
                {m.missing.length ? ` · ${t('readiness.missing', { count: m.missing.length })}` : ''}
              </summary>
              <ul className="checks">
                {m.checks.map((c) => (
                  <Check key={c.code} check={c} />
                ))}
              </ul>
            </details>
          ))}
        </>
      ) : (
        <p role="status">{t('state.loading')}</p>
      )}
    </section>
  );
}

import { useI18n } from '../../../i18n/i18n';
import type { Localized } from '../../../../shared/localized';
import type { SchemeDefinition } from '../api/schemes';

/** A localized text in the reader's language, else Indonesian, else any. */
export function useText() {
  const { locale } = useI18n();
  return (text: Localized | undefined) => (text ? (text[locale] ?? text.id ?? Object.values(text)[0] ?? '') : '');
}

/** A rating scheme, read-only: parts and criteria with their weights, gates, star thresholds. */
export function SchemeView({ definition }: { definition: SchemeDefinition }) {
  const { t } = useI18n();
  const text = useText();
  return (
    <details className="panel">
      <summary>{t('scheme.title', { name: text(definition.name) })}</summary>
      {definition.description ? <p className="muted small">{text(definition.description)}</p> : null}
      {definition.caveats ? (
        <p className="notice small">{t('scheme.caveats', { text: text(definition.caveats) })}</p>
      ) : null}
      <p className="small">{t('scheme.validity', { months: definition.validityMonths })}</p>
      {definition.minPublicStars > 1 ? (
        <p className="small">{t('scheme.minPublic', { stars: definition.minPublicStars })}</p>
      ) : null}
      {definition.parts.map((p) => (
        <div key={p.code}>
          <h3>
            {text(p.name)}
            {p.placeholder ? <span className="muted small"> ({t('scheme.unverified')})</span> : null}
          </h3>
          <ul className="small">
            {p.criteria.map((c) => (
              <li key={c.code}>
                {text(c.name)} — {t('scheme.weight', { weight: c.weight })}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <h3>{t('scheme.thresholds')}</h3>
      <ul className="small">
        {[...definition.thresholds]
          .sort((a, b) => b.stars - a.stars)
          .map((th) => (
            <li key={th.stars}>
              {t('scheme.threshold', { stars: th.stars, percent: th.minPercent })} ·{' '}
              {t(`tier.${definition.starTiers[String(th.stars) as '1']}`)}
            </li>
          ))}
      </ul>
      {definition.gates.length ? (
        <>
          <h3>{t('scheme.gates')}</h3>
          <ul className="small">
            {definition.gates.map((g) => (
              <li key={g.code}>
                {text(g.name)} —{' '}
                {g.onFail.effect === 'block' ? t('gate.blocks') : t('gate.caps', { stars: g.onFail.maxStars })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}

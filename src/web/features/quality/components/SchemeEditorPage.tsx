import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import type { SchemeAnswer } from '../../../../shared/schemas/quality';
import { getScheme, listSchemes } from '../api/schemes';
import { SchemeEditor } from './SchemeEditor';
import { SchemeView, useText } from './SchemeView';

/** Every version of the scheme's family, newest first; the one shown is marked. */
function VersionHistory({ scheme, tick }: { scheme: SchemeAnswer; tick: number }) {
  const { t, locale } = useI18n();
  const versions = useResource(`scheme-family-${scheme.familyId}-${scheme.id}-${scheme.version}-${tick}`, (signal) =>
    listSchemes({ familyId: scheme.familyId }, signal),
  );
  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('editor.history')}</h2>
      <p className="small">{t('editor.historyNote')}</p>
      {versions.error ? <p role="alert">{t('error.load')}</p> : null}
      <ol className="rows" aria-label={t('editor.history')} data-testid="scheme-versions">
        {items.map((v) => (
          <li key={v.id}>
            <Link
              href={`/schemes/${v.id}`}
              className="row-button"
              aria-current={v.id === scheme.id ? 'page' : undefined}
            >
              <span>
                <strong>{t('editor.version', { version: v.version })}</strong>
                {v.latest ? ` · ${t('editor.latest')}` : ` · ${t('editor.superseded')}`}
              </span>
              <span className="muted small">{t('editor.changedOn', { date: formatDate(v.updatedAt, locale) })}</span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A program's rating scheme: its version history, and the editor for the latest version. */
export default function SchemeEditorPage({ id }: { id: string }) {
  const { t } = useI18n();
  const text = useText();
  const [, navigate] = useLocation();
  const [tick, setTick] = useState(0);
  /** What the last save did, kept as a message key so it follows a change of language. */
  const [notice, setNotice] = useState<{ key: string; version: number } | null>(null);
  const scheme = useResource(`scheme-${id}-${tick}`, (signal) => getScheme(id, signal));
  /** A save of `shown` answered `next`: the same scheme edited in place, or a new version of it. */
  const saved = (shown: SchemeAnswer, next: SchemeAnswer) => {
    const key = next.id === shown.id ? 'editor.savedInPlace' : 'editor.savedNewVersion';
    setNotice({ key, version: next.version });
    if (next.id === shown.id) setTick((n) => n + 1);
    else navigate(`/schemes/${next.id}`);
  };
  return (
    <Loaded resource={scheme}>
      {(s) => (
        <>
          <p>
            <Link href="/schemes">← {t('schemes.title')}</Link>
          </p>
          <h1>{text(s.definition.name)}</h1>
          <p className="muted" data-testid="scheme-version">
            {t('editor.version', { version: s.version })} ·{' '}
            {s.template ? t('schemes.template') : s.latest ? t('editor.latest') : t('editor.superseded')}
          </p>
          {notice ? (
            <p className="panel" role="status" data-testid="scheme-saved">
              {t(notice.key, { version: notice.version })}
            </p>
          ) : null}
          {s.template ? null : <VersionHistory scheme={s} tick={tick} />}
          {s.latest && s.abilities.update ? (
            <SchemeEditor
              key={`${s.id}-${s.version}`}
              scheme={s}
              onSaved={(next) => saved(s, next)}
              onReload={() => setTick((n) => n + 1)}
            />
          ) : (
            <>
              {s.template || !s.latest ? (
                <p className="panel warning">{s.template ? t('schemes.templateReadOnly') : t('editor.readOnly')}</p>
              ) : null}
              <SchemeView definition={s.definition} />
            </>
          )}
        </>
      )}
    </Loaded>
  );
}

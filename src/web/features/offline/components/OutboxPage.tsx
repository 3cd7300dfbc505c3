import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { OutboxRecord, OutboxState } from '../../../lib/outbox/db';
import { clearSynced, discard, exportUnsynced, flushOutbox, keepMine, resend } from '../../../lib/outbox/outbox';
import { isAlreadyThere } from '../../../lib/outbox/rules';
import { usePrograms } from '../../programs';
import { useOutboxRecords } from '../use-outbox';
import { downloadWorkingSet, workingSetDownloadedAt } from '../working-set';
import { RecordFixer } from './RecordFixer';
import { ConflictChoice } from './ConflictChoice';
import { intlLocale } from '../../../../shared/languages';

const STATES: OutboxState[] = ['conflict', 'error', 'to-post', 'to-update', 'uploading', 'synced'];

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

function RecordItem({ record }: { record: OutboxRecord }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <li className="outbox-record" data-state={record.state} data-testid="outbox-record">
      <div className="inline wrap">
        <strong>{record.label}</strong>
        <span className="muted small">
          {t(`outbox.kind.${record.kind}`)} · {t(`outbox.state.${record.state}`)}
          {record.attempts > 1 ? ` · ${t('outbox.attempts', { count: record.attempts })}` : ''}
        </span>
      </div>
      {record.state === 'synced' && isAlreadyThere(record, record.problem) ? (
        <p className="muted small">{t('outbox.alreadyThere')}</p>
      ) : null}
      {record.state === 'error' ? (
        <>
          <p className="error" role="alert">
            {record.problem?.detail ?? record.problem?.title}
          </p>
          {open ? (
            <RecordFixer record={record} onResend={(body) => void resend(record.clientId, body)} />
          ) : (
            <div className="inline wrap">
              <button type="button" onClick={() => setOpen(true)}>
                {t('outbox.fix')}
              </button>
              <button type="button" className="secondary" onClick={() => void discard(record.clientId)}>
                {t('outbox.discard')}
              </button>
            </div>
          )}
        </>
      ) : null}
      {record.state === 'conflict' ? (
        <ConflictChoice
          record={record}
          onKeepMine={() => void keepMine(record.clientId)}
          onTakeServer={() => void discard(record.clientId)}
        />
      ) : null}
    </li>
  );
}

/** Everything recorded on this phone, by state: what waits, what was refused, what clashed, what arrived. */
export default function OutboxPage() {
  const { t, locale } = useI18n();
  const { program } = usePrograms();
  const records = useOutboxRecords();
  const [sending, setSending] = useState(false);
  const [downloadedAt, setDownloadedAt] = useState(workingSetDownloadedAt);
  useEffect(() => {
    const update = () => setDownloadedAt(workingSetDownloadedAt());
    window.addEventListener('ovop:working-set', update);
    return () => window.removeEventListener('ovop:working-set', update);
  }, []);
  // Sends what waits, then fetches the working set again for offline reading.
  const syncNow = async () => {
    setSending(true);
    try {
      await flushOutbox();
      await downloadWorkingSet(program?.id);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p className="muted">{navigator.onLine ? t('outbox.online') : t('outbox.offline')}</p>
      <p className="small" data-testid="working-set">
        {downloadedAt
          ? t('outbox.downloadedAt', {
              time: new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
                new Date(downloadedAt),
              ),
            })
          : t('outbox.notDownloaded')}
      </p>
      <div className="inline wrap">
        <button type="button" onClick={() => void syncNow()} disabled={sending}>
          {t('outbox.syncNow')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void exportUnsynced().then((blob) => download(blob, 'ovop-belum-terkirim.json'))}
        >
          {t('outbox.export')}
        </button>
        <button type="button" className="secondary" onClick={() => void clearSynced()}>
          {t('outbox.clearSynced')}
        </button>
      </div>
      {records?.length === 0 ? <p>{t('outbox.empty')}</p> : null}
      {STATES.map((state) => {
        const list = records?.filter((r) => r.state === state) ?? [];
        if (!list.length) return null;
        return (
          <section key={state} className="panel" aria-labelledby={`outbox-${state}`}>
            <h2 id={`outbox-${state}`}>
              {t(`outbox.state.${state}`)} ({list.length})
            </h2>
            <ul className="rows">
              {list.map((r) => (
                <RecordItem key={r.clientId} record={r} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

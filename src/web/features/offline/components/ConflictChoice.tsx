import { useI18n } from '../../../i18n/i18n';
import type { OutboxRecord } from '../../../lib/outbox/db';

const shown = (value: unknown) =>
  value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/**
 * A change that met a newer version on the server: both versions of each field it changes, side by
 * side, and the user's choice: send mine on top of the server's version, or take the server's.
 */
export function ConflictChoice({
  record,
  onKeepMine,
  onTakeServer,
}: {
  record: OutboxRecord;
  onKeepMine: () => void;
  onTakeServer: () => void;
}) {
  const { t } = useI18n();
  const mine = (record.body ?? {}) as Record<string, unknown>;
  const server = (record.problem?.current ?? {}) as Record<string, unknown>;
  const fields = Object.keys(mine).filter((k) => k !== 'version' && k !== 'id');
  const canKeep = typeof server.version === 'number' && record.method !== 'POST';
  return (
    <div className="conflict" data-testid="outbox-conflict">
      <p role="alert">{t('outbox.conflictExplained')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('outbox.field')}</th>
            <th scope="col">{t('outbox.mine')}</th>
            <th scope="col">{t('outbox.server')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((k) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{shown(mine[k])}</td>
              <td>{shown(server[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="inline wrap">
        {canKeep ? (
          <button type="button" onClick={onKeepMine}>
            {t('outbox.keepMine')}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={onTakeServer}>
          {t('outbox.takeServer')}
        </button>
      </div>
    </div>
  );
}

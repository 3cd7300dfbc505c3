import { useI18n } from '../../../i18n/i18n';
import type { OutboxRecord } from '../../../lib/outbox/db';

interface Score {
  criterion: string;
  points: number;
  comment?: string | null;
}

const isScores = (value: unknown): value is Score[] =>
  Array.isArray(value) && value.every((s) => typeof s === 'object' && s !== null && 'criterion' in s);

/** Scores read as "criterion: points (comment)", one after the other, in criterion order. */
const scoresText = (scores: Score[]) =>
  [...scores]
    .sort((a, b) => a.criterion.localeCompare(b.criterion))
    .map((s) => `${s.criterion}: ${s.points}${s.comment ? ` (${s.comment})` : ''}`)
    .join(', ');

const shown = (value: unknown) =>
  value === null || value === undefined
    ? '—'
    : isScores(value)
      ? scoresText(value)
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

/**
 * The server's version in the shape of what was sent. An edit is answered with the record itself;
 * scores with the whole assessment, of which the user's own panel scores (or the group's
 * self-assessment) are what the record would set.
 */
function serverVersion(record: OutboxRecord): Record<string, unknown> {
  const current = (record.problem?.current ?? {}) as Record<string, unknown>;
  if (record.kind === 'scores') {
    const panel = (current.panelScores ?? []) as (Score & { assessorId: string })[];
    return { ...current, scores: panel.filter((s) => s.assessorId === record.userId) };
  }
  if (record.kind === 'self-scores') {
    return { ...current, scores: (current.selfAssessment as { scores: Score[] } | null)?.scores };
  }
  return current;
}

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
  const server = serverVersion(record);
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

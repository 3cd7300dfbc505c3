import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { Field, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import type { OutboxRecord } from '../../../lib/outbox/db';
import { discard, redraft } from '../../../lib/outbox/outbox';
import { isRedraftable } from '../../../lib/outbox/rules';
import { fieldText, problemText } from '../../../lib/problem-text';
import { usePendingWrites } from '../../offline';
import { intlLocale } from '../../../../shared/languages';

type DraftField = 'title' | 'body';

/** The server's refusal in the reader's language, with each field's reason (a link on a first day). */
function refusalText(record: OutboxRecord, t: ReturnType<typeof useI18n>['t']): string {
  const problem = record.problem ?? { title: t('error.status.other'), status: 0 };
  return [problemText(problem, t), ...(problem.errors ?? []).map((e) => fieldText(e, t))].join(' ');
}

/**
 * A post written on this phone that has not reached the server: marked "waiting to send" with the
 * time it was written, changed or dropped while it waits. One the server refused (thread locked
 * meanwhile, writer muted, a new member's limit) stays with the reason, to copy, change or drop.
 */
function Draft({ record, fields, schema }: { record: OutboxRecord; fields: readonly DraftField[]; schema: z.ZodType }) {
  const { t, locale } = useI18n();
  const form = useFormState();
  const body = record.body as Record<DraftField, string>;
  const [editing, setEditing] = useState<Record<DraftField, string> | null>(null);
  const refused = record.state === 'error' || record.state === 'conflict';
  const text = fields.map((f) => body[f]).join('\n\n');
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const next = { ...body, ...editing };
    const ok = await form.submit(schema, next, async () => {
      await redraft(record.clientId, next);
    });
    if (ok) setEditing(null);
  };
  return (
    <li className="card draft" data-state={record.state} data-testid="draft" aria-label={body.title ?? body.body}>
      <div className={refused ? 'error' : 'muted'}>
        <strong>{t(refused ? 'drafts.refused' : 'drafts.waiting')}</strong> ·{' '}
        {t('drafts.writtenAt', { time: new Date(record.createdAt).toLocaleString(intlLocale(locale)) })}
      </div>
      {editing ? (
        <form onSubmit={(e) => void save(e)} noValidate aria-label={t('drafts.edit')}>
          {fields.map((f) => (
            <Field
              key={f}
              label={t(f === 'title' ? 'spaces.threadTitle' : 'spaces.body')}
              name={`draft-${f}-${record.clientId}`}
              error={form.errors[f]}
            >
              {(p) =>
                f === 'title' ? (
                  <input
                    {...p}
                    value={editing.title}
                    onChange={(e) => setEditing({ ...editing, title: e.target.value })}
                  />
                ) : (
                  <textarea
                    {...p}
                    rows={4}
                    value={editing.body}
                    onChange={(e) => setEditing({ ...editing, body: e.target.value })}
                  />
                )
              }
            </Field>
          ))}
          <button type="submit" disabled={form.busy}>
            {t('drafts.save')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setEditing(null)}>
            {t('action.cancel')}
          </button>
        </form>
      ) : (
        <>
          {fields.includes('title') ? <strong style={{ overflowWrap: 'anywhere' }}>{body.title}</strong> : null}
          <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{body.body}</p>
        </>
      )}
      {refused ? (
        <p className="error" role="alert">
          {refusalText(record, t)}
        </p>
      ) : null}
      {isRedraftable(record.state) && !editing ? (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setEditing({ ...body })}>
            {t('drafts.edit')}
          </button>{' '}
          {refused ? (
            <>
              <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(text)}>
                {t('drafts.copy')}
              </button>{' '}
            </>
          ) : null}
          <button type="button" className="secondary" onClick={() => void discard(record.clientId)}>
            {t('drafts.discard')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/**
 * A refusal with no field to show it beside (thread locked, writer muted, a new member's limit),
 * said under the composer in the reader's language: the text stays in the composer to copy.
 */
export function useRefusal() {
  const { t } = useI18n();
  const [refusal, setRefusal] = useState<string | null>(null);
  const watch = async <T,>(send: () => Promise<T>): Promise<T> => {
    setRefusal(null);
    try {
      return await send();
    } catch (error) {
      if (error instanceof ApiError && !error.problem.errors?.length) setRefusal(problemText(error.problem, t));
      throw error;
    }
  };
  const note = refusal ? (
    <p className="error" role="alert">
      {refusal}
    </p>
  ) : null;
  return { watch, note };
}

interface DraftsProps {
  /** Where the posts go: a space's threads or a thread's replies. */
  url: string;
  fields: readonly DraftField[];
  schema: z.ZodType;
  /** Called when one of them has arrived, so the screen shows it as posted. */
  onArrived: () => void;
}

/** The posts written on this phone for one place (a space's new threads, a thread's replies), oldest first. */
export function Drafts({ url, fields, schema, onArrived }: DraftsProps) {
  const { t } = useI18n();
  const drafts = usePendingWrites(url);
  const before = useRef<string[]>([]);
  useEffect(() => {
    const now = drafts.map((r) => r.clientId);
    if (before.current.some((id) => !now.includes(id))) onArrived();
    before.current = now;
  });
  if (drafts.length === 0) return null;
  return (
    <ul className="stack" aria-label={t('drafts.onDevice')}>
      {drafts.map((record) => (
        <Draft key={record.clientId} record={record} fields={fields} schema={schema} />
      ))}
    </ul>
  );
}

import type { z } from 'zod';
import type { JournalEntryAnswer, reverseEntryBody, simpleTransactionBody } from '../../../../shared/schemas/business';
import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import { sendOrQueue } from '../../../lib/outbox/outbox';

export type SimpleTransaction = z.input<typeof simpleTransactionBody>;
export type TransactionKind = SimpleTransaction['kind'];

/** Newest first, a page at a time. */
export const listJournal = (groupId: string, cursor?: string, signal?: AbortSignal) =>
  api<Page<JournalEntryAnswer>>(withQuery(`/api/v1/groups/${groupId}/journal`, { cursor, limit: 20 }), { signal });

/**
 * 201 for a new entry, 200 when the same `id` was posted before (a retry): the same entry either
 * way. Through the outbox: without a network the entry waits on the phone and is posted later.
 */
export const recordTransaction = (groupId: string, body: SimpleTransaction & { id: string }) =>
  sendOrQueue<JournalEntryAnswer>({
    clientId: body.id,
    kind: 'transaction',
    label: [body.date, body.amount.amount, body.memo].filter(Boolean).join(' · '),
    method: 'POST',
    url: `/api/v1/groups/${groupId}/transactions`,
    body,
  });

export const reverseEntry = (groupId: string, entryId: string, body: z.input<typeof reverseEntryBody>) =>
  api<JournalEntryAnswer>(`/api/v1/groups/${groupId}/journal/${entryId}/reverse`, {
    method: 'POST',
    body,
    quiet: formQuiet,
  });

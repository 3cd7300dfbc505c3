import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type { JournalEntry, SimpleTransaction } from './books.types';

/** 201 for a new entry, 200 when the same `id` was posted before (a retry): the same entry either way. */
export const recordTransaction = (groupId: string, body: SimpleTransaction) =>
  api<JournalEntry>(`/api/v1/groups/${groupId}/transactions`, { method: 'POST', body, quiet: formQuiet });

import { api, withQuery, type Page } from '../../../lib/http';
import type { JournalEntry } from './books.types';

/** Newest first, a page at a time. */
export const listJournal = (groupId: string, cursor?: string, signal?: AbortSignal) =>
  api<Page<JournalEntry>>(withQuery(`/api/v1/groups/${groupId}/journal`, { cursor, limit: 20 }), { signal });

import { api, withQuery } from '../../../lib/http';
import type { Notes } from './books.types';

export const getNotes = (groupId: string, query: { from: string; to: string; locale: string }, signal?: AbortSignal) =>
  api<Notes>(withQuery(`/api/v1/groups/${groupId}/reports/notes`, query), { signal, quiet: (e) => e.status === 400 });

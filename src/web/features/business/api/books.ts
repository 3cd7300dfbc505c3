import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type { Books } from './books.types';

export const getBooks = (groupId: string, signal?: AbortSignal) =>
  api<Books>(`/api/v1/groups/${groupId}/books`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

/** Closes the books through the end of `month` (YYYY-MM); answers the books as they now stand. */
export const closePeriod = (groupId: string, month: string) =>
  api<Books>(`/api/v1/groups/${groupId}/periods/close`, { method: 'POST', body: { month }, quiet: formQuiet });

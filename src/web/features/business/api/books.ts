import type { BooksAnswer } from '../../../../shared/schemas/business';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

/** A group's books with what the caller may do with them; 404 for those who may not read them. */
export const getBooks = (groupId: string, signal?: AbortSignal) =>
  api<BooksAnswer>(`/api/v1/groups/${groupId}/books`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

/** Closes the books through the end of `month` (YYYY-MM); answers the books as they now stand. */
export const closePeriod = (groupId: string, month: string) =>
  api<BooksAnswer>(`/api/v1/groups/${groupId}/periods/close`, { method: 'POST', body: { month }, quiet: formQuiet });

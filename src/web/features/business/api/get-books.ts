import { api } from '../../../lib/http';
import type { Books } from './books.types';

export const getBooks = (groupId: string, signal?: AbortSignal) =>
  api<Books>(`/api/v1/groups/${groupId}/books`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

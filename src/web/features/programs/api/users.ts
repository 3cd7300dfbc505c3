import type { UserAnswer } from '../../../../shared/schemas/platform';
import { api, withQuery, type Page } from '../../../lib/http';

/** Accounts whose name, email or phone number contains `q`, among those the user may see. */
export const searchUsers = (q: string, signal?: AbortSignal) =>
  api<Page<UserAnswer>>(withQuery('/api/v1/users', { q, limit: 20 }), { signal, quiet: () => true });

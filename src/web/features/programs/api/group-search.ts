import type { GroupAnswer } from '../../../../shared/schemas/registry';
import { api, withQuery, type Page } from '../../../lib/http';

/** The program's groups whose name contains `q`, among those the user may see (for the group picker). */
export const searchGroups = (programId: string, q: string, signal?: AbortSignal) =>
  api<Page<GroupAnswer>>(withQuery('/api/v1/groups', { programId, q, limit: 20 }), { signal, quiet: () => true });

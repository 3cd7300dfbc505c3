import type { MyCommunities } from '../../../../shared/schemas/community-spaces';
import { api } from '../../../lib/http';

/**
 * The communities the caller is in, as a member or as community staff. A module of its own: the
 * app's menu asks for it through the feature's index, and the rest of the spaces' API brings the
 * outbox and its schemas (about 60 KB gzip), which no public page needs before it is usable.
 */
export const myCommunities = (signal?: AbortSignal) => api<MyCommunities>('/api/v1/community/mine', { signal });

import type { CommunityRulesAnswer, JoinBody } from '../../../../shared/schemas/community';
import { api } from '../../../lib/http';

/** The community rules in force for a program (public): the join page shows them and sends back their version. */
export const getCommunityRules = (programId: string, signal?: AbortSignal) =>
  api<CommunityRulesAnswer>(`/api/v1/community/${programId}/rules`, { signal });

/** A request to join, waiting for a community manager. */
export const requestToJoin = (programId: string, body: JoinBody) =>
  api<{ id: string; status: 'pending' }>(`/api/v1/community/${programId}/joins`, { method: 'POST', body });

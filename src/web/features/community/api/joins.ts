import type { CommunityRulesAnswer, JoinAnswer, JoinBody } from '../../../../shared/schemas/community';
import { api } from '../../../lib/http';

/** The community rules in force for a program (public): the join page shows them and sends back their version. */
export const getCommunityRules = (programId: string, signal?: AbortSignal) =>
  api<CommunityRulesAnswer>(`/api/v1/community/${programId}/rules`, { signal });

/** A request to join, waiting for a community manager. */
export const requestToJoin = (programId: string, body: JoinBody) =>
  api<{ id: string; status: 'pending' }>(`/api/v1/community/${programId}/joins`, { method: 'POST', body });

/** The pending requests in the caller's scope, oldest first. */
export const listPendingJoins = (programId: string, signal?: AbortSignal) =>
  api<{ items: JoinAnswer[]; nextCursor: string | null }>(`/api/v1/community/${programId}/joins`, { signal });

/** Welcome (opens the account, answers the invitation link) or decline a request. */
export const decideJoin = (id: string, decision: 'welcome' | 'decline') =>
  api<{ join: JoinAnswer; invitation: { path: string; expiresAt: string } | null }>(
    `/api/v1/community/joins/${id}/${decision}`,
    { method: 'POST' },
  );

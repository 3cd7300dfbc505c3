import type {
  ModerationLog,
  ReportQueue,
  SanctionAnswer,
  SanctionBody,
} from '../../../../shared/schemas/community-moderation';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

/** Open reports grouped by post, in the spaces the caller moderates. */
export const listReports = (programId: string, signal?: AbortSignal) =>
  api<ReportQueue>(`/api/v1/community/${programId}/reports`, { signal });

/** Who did what in the spaces the caller moderates, newest first. */
export const listModerationLog = (programId: string, signal?: AbortSignal) =>
  api<ModerationLog>(`/api/v1/community/${programId}/moderation-log`, { signal });

/** Resolves a post's reports: hide the post, or dismiss them. */
export const resolveReports = (postId: string, action: 'hide' | 'dismiss') =>
  api<{ postId: string; resolved: number; hidden: boolean }>(`/api/v1/community/posts/${postId}/resolve`, {
    method: 'POST',
    body: { action },
  });

/** The mutes and suspensions in force over the members the caller moderates. */
export const listSanctions = (programId: string, signal?: AbortSignal) =>
  api<{ items: SanctionAnswer[] }>(`/api/v1/community/${programId}/sanctions`, { signal });

export const imposeSanction = (programId: string, body: SanctionBody) =>
  api<SanctionAnswer>(`/api/v1/community/${programId}/sanctions`, { method: 'POST', body, quiet: formQuiet });

export const liftSanction = (id: string) =>
  api<SanctionAnswer>(`/api/v1/community/sanctions/${id}/lift`, { method: 'POST', body: {} });

/** People of the community whose name starts with what was typed after an @. */
export const suggestMembers = (programId: string, q: string, signal?: AbortSignal) =>
  api<{ items: { id: string; name: string }[] }>(withQuery(`/api/v1/community/${programId}/members`, { q }), {
    signal,
  });

/** A space's appointed moderators. */
export const listModerators = (spaceId: string, signal?: AbortSignal) =>
  api<{ items: { id: string; name: string }[] }>(`/api/v1/community/spaces/${spaceId}/moderators`, { signal });

/** Appoints (or removes) a member as a moderator of the space. */
export const setModerator = (spaceId: string, userId: string, appoint: boolean) =>
  api<{ items: { id: string; name: string }[] }>(`/api/v1/community/spaces/${spaceId}/moderators/${userId}`, {
    method: appoint ? 'PUT' : 'DELETE',
  });

import type { PublicEventAnswer } from '../../../../shared/schemas/community-events';
import type { PublicProfileAnswer } from '../../../../shared/schemas/community-profiles';
import { api } from '../../../lib/http';

/** A program's public events that have not ended, soonest first (called-off ones marked). */
export const listPublicEvents = (programId: string, signal?: AbortSignal) =>
  api<{ items: PublicEventAnswer[] }>(`/api/v1/community/${programId}/public-events`, { signal });

export const getPublicEvent = (id: string, signal?: AbortSignal) =>
  api<PublicEventAnswer>(`/api/v1/community/public-events/${id}`, { signal });

/** The calendar file of a public event, for a calendar app (a plain link: no script needed). */
export const publicEventCalendarUrl = (id: string) => `/api/v1/community/public-events/${id}/calendar`;

/** A member's public page: only the fields she made public are there. */
export const getPublicProfile = (id: string, signal?: AbortSignal) =>
  api<PublicProfileAnswer>(`/api/v1/community/people/${id}`, { signal });

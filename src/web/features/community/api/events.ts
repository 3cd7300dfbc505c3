import type {
  AnnouncementAnswer,
  CheckInAnswer,
  EventAnswer,
  EventChange,
  TicketAnswer,
} from '../../../../shared/schemas/community-events';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

/** A program's events that have not ended, soonest first; `near` keeps those in the caller's regency. */
export const listEvents = (programId: string, near: boolean, signal?: AbortSignal) =>
  api<{ items: EventAnswer[] }>(withQuery(`/api/v1/community/${programId}/events`, { near: near ? 'true' : null }), {
    signal,
  });

export const getEvent = (id: string, signal?: AbortSignal) =>
  api<EventAnswer>(`/api/v1/community/events/${id}`, { signal });

/** An organiser's change: field errors (capacity below those going, end before start) are shown beside the fields. */
export const editEvent = (id: string, body: EventChange) =>
  api<EventAnswer>(`/api/v1/community/events/${id}`, { method: 'PATCH', body, quiet: formQuiet });

/** Calls the event off: everyone going or waiting is told. */
export const cancelEvent = (id: string, reason: string) =>
  api<EventAnswer>(`/api/v1/community/events/${id}/cancel`, { method: 'POST', body: { reason }, quiet: formQuiet });

/** Going or not: seated while there is room, else queued. */
export const answerEvent = (id: string, going: boolean) =>
  api<{ status: 'going' | 'waitlisted' | 'not_going'; waitlistPosition: number | null }>(
    `/api/v1/community/events/${id}/rsvp`,
    { method: 'PUT', body: { going } },
  );

/** The caller's door ticket (its code and QR), while they are going. */
export const getTicket = (id: string, signal?: AbortSignal) =>
  api<TicketAnswer>(`/api/v1/community/events/${id}/ticket`, { signal });

/** An organiser checks a scanned or typed ticket in; the screen shows refusals itself. */
export const checkIn = (id: string, code: string) =>
  api<CheckInAnswer>(`/api/v1/community/events/${id}/check-in`, { method: 'POST', body: { code }, quiet: () => true });

/** A new secret calendar-feed URL for the caller (the old one stops). */
export const renewCalendarFeed = () =>
  api<{ active: boolean; url: string | null }>('/api/v1/community/calendar-feed', { method: 'POST' });

/** The announcements aimed at the caller, pinned first, newest first. */
export const listAnnouncements = (programId: string, signal?: AbortSignal) =>
  api<{ items: AnnouncementAnswer[] }>(`/api/v1/community/${programId}/announcements`, { signal });

export const markAnnouncementRead = (id: string) =>
  api<AnnouncementAnswer>(`/api/v1/community/announcements/${id}/read`, { method: 'POST' });

import type {
  FeedbackBody,
  MentorAnswer,
  MentorProfileBody,
  MentorshipAnswer,
  MentorshipRequestBody,
  SessionBody,
} from '../../../../shared/schemas/community-mentoring';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

/** The mentors a member may ask this month (at capacity: not offered), on a topic or any. */
export const listMentors = (programId: string, topic: string | null, signal?: AbortSignal) =>
  api<{ items: MentorAnswer[] }>(withQuery(`/api/v1/community/${programId}/mentors`, { topic }), { signal });

/** The caller's own mentor profile, and whether they may write one (a trainer of the program). */
export const myMentorProfile = (programId: string, signal?: AbortSignal) =>
  api<{ mentor: MentorAnswer | null; mayMentor: boolean }>(`/api/v1/community/${programId}/mentors/me`, { signal });

export const writeMentorProfile = (programId: string, body: MentorProfileBody) =>
  api<MentorAnswer>(`/api/v1/community/${programId}/mentors/me`, { method: 'PUT', body, quiet: formQuiet });

/** A request for mentoring; a mentor at capacity is refused with a toast saying so. */
export const requestMentoring = (mentorId: string, body: MentorshipRequestBody) =>
  api<MentorshipAnswer>(`/api/v1/community/mentors/${mentorId}/requests`, {
    method: 'POST',
    body,
    quiet: (e) => e.status === 400,
  });

export const listMentorships = (programId: string, signal?: AbortSignal) =>
  api<{ items: MentorshipAnswer[] }>(`/api/v1/community/${programId}/mentorships`, { signal });

export const getMentorship = (id: string, signal?: AbortSignal) =>
  api<MentorshipAnswer>(`/api/v1/community/mentorships/${id}`, { signal });

export const acceptMentorship = (id: string) =>
  api<MentorshipAnswer>(`/api/v1/community/mentorships/${id}/accept`, { method: 'POST' });

export const declineMentorship = (id: string, reason: string) =>
  api<MentorshipAnswer>(`/api/v1/community/mentorships/${id}/decline`, {
    method: 'POST',
    body: { reason },
    quiet: formQuiet,
  });

export const addSession = (mentorshipId: string, body: SessionBody) =>
  api<MentorshipAnswer>(`/api/v1/community/mentorships/${mentorshipId}/sessions`, {
    method: 'POST',
    body,
    quiet: formQuiet,
  });

export const addFollowUp = (sessionId: string, text: string) =>
  api<MentorshipAnswer>(`/api/v1/community/mentoring-sessions/${sessionId}/follow-ups`, {
    method: 'POST',
    body: { text },
    quiet: formQuiet,
  });

export const setFollowUpDone = (sessionId: string, followUpId: string, done: boolean) =>
  api<MentorshipAnswer>(`/api/v1/community/mentoring-sessions/${sessionId}/follow-ups/${followUpId}`, {
    method: 'PATCH',
    body: { done },
  });

export const giveFeedback = (sessionId: string, body: FeedbackBody) =>
  api<MentorshipAnswer>(`/api/v1/community/mentoring-sessions/${sessionId}/feedback`, {
    method: 'POST',
    body,
    quiet: formQuiet,
  });

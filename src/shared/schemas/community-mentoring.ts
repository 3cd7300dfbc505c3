import { z } from 'zod';
import { abilitiesOf, isoDate, isoDateAnswer, timestamp, uuid } from '../common.schemas.js';
import { POST_LANGUAGES, TOPIC_SPACES } from './community-spaces.js';

/** Mentoring in a program's community (decision 019): mentors, requests, sessions, follow-ups, feedback. */

export const MENTORSHIP_STATUSES = ['requested', 'accepted', 'declined'] as const;
export const SESSION_MODES = ['in_person', 'phone', 'online'] as const;

/** A trainer's mentor profile: the topic spaces they mentor in, their languages, when, and how many requests a month. */
export const mentorProfileBody = z.strictObject({
  topics: z.array(z.enum(TOPIC_SPACES)).min(1).max(TOPIC_SPACES.length),
  languages: z.array(z.enum(POST_LANGUAGES)).min(1).max(POST_LANGUAGES.length),
  availability: z.string().trim().max(500).default(''),
  monthlyCapacity: z.number().int().min(0).max(100),
  active: z.boolean().default(true),
});
export type MentorProfileBody = z.infer<typeof mentorProfileBody>;

export const mentorsQuery = z.object({ topic: z.enum(TOPIC_SPACES).optional() });
export type MentorsQuery = z.infer<typeof mentorsQuery>;

export const mentorAnswer = z.object({
  id: uuid,
  programId: uuid,
  user: z.object({ id: uuid, name: z.string() }),
  topics: z.array(z.string()),
  languages: z.array(z.string()),
  availability: z.string(),
  monthlyCapacity: z.number().int(),
  /** Requests received this month that are waiting or accepted: what counts against the capacity. */
  takenThisMonth: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type MentorAnswer = z.infer<typeof mentorAnswer>;
export const mentorList = z.object({ items: z.array(mentorAnswer) });
/** The caller's own profile, or null before they wrote one. */
export const myMentorAnswer = z.object({ mentor: mentorAnswer.nullable(), mayMentor: z.boolean() });

export const mentorshipRequestBody = z.strictObject({
  topic: z.enum(TOPIC_SPACES),
  message: z.string().trim().min(1).max(1000),
});
export type MentorshipRequestBody = z.infer<typeof mentorshipRequestBody>;
export const declineBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const sessionBody = z.strictObject({
  heldOn: isoDate,
  mode: z.enum(SESSION_MODES),
  notes: z.string().trim().max(5000).default(''),
});
export type SessionBody = z.infer<typeof sessionBody>;
export const followUpBody = z.strictObject({ text: z.string().trim().min(1).max(500) });
export const followUpPatch = z.strictObject({ done: z.boolean() });
export const feedbackBody = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).default(''),
});
export type FeedbackBody = z.infer<typeof feedbackBody>;

export const followUpAnswer = z.object({ id: uuid, sessionId: uuid, text: z.string(), done: z.boolean() });
export const mentoringSessionAnswer = z.object({
  id: uuid,
  mentorshipId: uuid,
  heldOn: isoDateAnswer,
  mode: z.enum(SESSION_MODES),
  notes: z.string(),
  feedback: z.object({ rating: z.number().int(), comment: z.string(), at: timestamp }).nullable(),
  followUps: z.array(followUpAnswer),
});
export type MentoringSessionAnswer = z.infer<typeof mentoringSessionAnswer>;

export const mentorshipAbilities = abilitiesOf(['read', 'decide', 'record', 'feedback']);
export const mentorshipAnswer = z.object({
  id: uuid,
  programId: uuid,
  mentor: z.object({ id: uuid, userId: uuid, name: z.string() }),
  mentee: z.object({ id: uuid, name: z.string() }),
  topic: z.string(),
  message: z.string(),
  status: z.enum(MENTORSHIP_STATUSES),
  declineReason: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  createdAt: timestamp,
  /** The caller's side: the mentor, the mentee, or neither (a community manager overseeing). */
  side: z.enum(['mentor', 'mentee', 'overseer']),
  sessions: z.array(mentoringSessionAnswer),
  abilities: mentorshipAbilities,
});
export type MentorshipAnswer = z.infer<typeof mentorshipAnswer>;
export const mentorshipList = z.object({ items: z.array(mentorshipAnswer) });
export const mentoringParams = z.object({ programId: uuid });
export const followUpParams = z.object({ id: uuid, followUpId: uuid });

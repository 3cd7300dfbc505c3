import { z } from 'zod';
import { abilitiesOf, localizedAnswer, localizedText, timestamp, uuid } from '../common.schemas.js';
import { ROLES } from '../roles.js';

/** The kinds of community event (decision 019): a training session's event is the session, linked. */
export const EVENT_KINDS = ['fair_expo', 'training_session', 'online_meeting', 'field_visit'] as const;

/** An IANA time zone the runtime knows (Asia/Makassar), as the event's times are told in. */
const timeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'is not a time zone');
const instant = z.iso.datetime({ offset: true });

/** What only events of their own (not a training session's) say, and what only a training session's names. */
const OWN_FIELDS = ['title', 'startsAt', 'endsAt', 'areaCode', 'address'] as const;

export const eventBody = z
  .strictObject({
    kind: z.enum(EVENT_KINDS),
    trainingSessionId: uuid.optional(),
    title: localizedText(200).optional(),
    description: localizedText(4000).optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    timeZone,
    areaCode: z.string().max(40).optional(),
    address: z.string().trim().max(500).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    spaceId: uuid.optional(),
    capacity: z.number().int().min(1).max(100_000).optional(),
    public: z.boolean().default(false),
  })
  .superRefine((d, ctx) => {
    const issue = (path: string, message: string, code: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, params: { code } });
    if (d.kind === 'training_session') {
      if (!d.trainingSessionId) issue('trainingSessionId', 'is required for a training session', 'required');
      for (const field of OWN_FIELDS)
        if (d[field] !== undefined) issue(field, 'comes from the training session', 'not_allowed_here');
    } else {
      if (d.trainingSessionId) issue('trainingSessionId', 'only for a training session', 'not_allowed_here');
      if (!d.title) issue('title', 'is required', 'required');
      if (!d.startsAt) issue('startsAt', 'is required', 'required');
      if (!d.endsAt) issue('endsAt', 'is required', 'required');
      else if (d.startsAt && Date.parse(d.endsAt) <= Date.parse(d.startsAt))
        issue('endsAt', 'is before the start', 'before_start');
      if (d.kind !== 'online_meeting' && !d.areaCode)
        issue('areaCode', 'is required for a meeting in a place', 'required');
    }
    if (d.kind === 'online_meeting' && !d.url) issue('url', 'is required for an online meeting', 'required');
    if (d.kind !== 'online_meeting' && d.url) issue('url', 'only for an online meeting', 'not_allowed_here');
  });
export type EventBody = z.infer<typeof eventBody>;

/** A change to an event of its own (not a training session's): only the fields given change. */
export const eventChange = z.strictObject({
  title: localizedText(200).optional(),
  description: localizedText(4000).optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  areaCode: z.string().max(40).optional(),
  address: z.string().trim().max(500).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  public: z.boolean().optional(),
});
export type EventChange = z.infer<typeof eventChange>;

/** Calling an event off, with the reason told to those going and on its pages (optional: no body at all too). */
export const cancelBody = z.strictObject({ reason: z.string().trim().max(500).default('') }).nullish();

export const eventsQuery = z.object({
  /** Only the events whose place is in the caller's regency. */
  near: z.enum(['true', 'false']).optional(),
  spaceId: uuid.optional(),
  /** Events that end after this instant (default: now): the upcoming ones. */
  from: instant.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type EventsQuery = z.infer<typeof eventsQuery>;

export const RSVP_STATUSES = ['going', 'waitlisted', 'not_going'] as const;
export const rsvpBody = z.strictObject({ going: z.boolean() });

export const eventAbilities = abilitiesOf(['read', 'rsvp', 'organise']);
export const eventAnswer = z.object({
  id: uuid,
  programId: uuid,
  kind: z.enum(EVENT_KINDS),
  trainingSessionId: uuid.nullable(),
  title: localizedAnswer,
  description: localizedAnswer,
  startsAt: timestamp,
  endsAt: timestamp,
  /** A training session's days: the event lasts whole days. */
  allDay: z.boolean(),
  timeZone: z.string(),
  area: z.object({ code: z.string(), name: z.string() }).nullable(),
  address: z.string(),
  url: z.string().nullable(),
  spaceId: uuid.nullable(),
  capacity: z.number().int().nullable(),
  public: z.boolean(),
  cancelled: z.boolean(),
  /** Why it was called off, as the organiser said ('' when not said or not called off). */
  cancelReason: z.string(),
  going: z.number().int(),
  waitlisted: z.number().int(),
  /** The caller's RSVP, and their place on the waitlist (1 = next). */
  myRsvp: z.enum(RSVP_STATUSES).nullable(),
  waitlistPosition: z.number().int().nullable(),
  near: z.boolean(),
  abilities: eventAbilities,
});
export type EventAnswer = z.infer<typeof eventAnswer>;
export const eventList = z.object({ items: z.array(eventAnswer) });

/** What an event says of itself, whoever asks: the part the public page and the members' page share. */
const eventFacts = eventAnswer.pick({
  id: true,
  kind: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  allDay: true,
  timeZone: true,
  area: true,
  address: true,
  url: true,
});
export type EventFacts = z.infer<typeof eventFacts>;

/** An event as the public page shows it: the seats left and whether it was called off, nothing about who comes. */
export const publicEventAnswer = eventFacts.extend({
  programId: uuid,
  cancelled: z.boolean(),
  cancelReason: z.string(),
  /** Seats not yet taken (null: no limit). */
  capacityLeft: z.number().int().nullable(),
});
export type PublicEventAnswer = z.infer<typeof publicEventAnswer>;
export const publicEventList = z.object({ items: z.array(publicEventAnswer) });

export const rsvpAnswer = z.object({
  eventId: uuid,
  status: z.enum(RSVP_STATUSES),
  waitlistPosition: z.number().int().nullable(),
});

/** The caller's door ticket: the code the QR carries (typed at the door when the camera fails). */
export const ticketAnswer = z.object({
  eventId: uuid,
  code: z.string(),
  /** The QR code as a PNG data URL. */
  qr: z.string(),
  checkedInAt: timestamp.nullable(),
});
export type TicketAnswer = z.infer<typeof ticketAnswer>;

/** A ticket code as a scanner reads it or a person types it: spaces and dashes do not matter. */
export const checkInBody = z.strictObject({ code: z.string().trim().min(4).max(64) });
export const checkInAnswer = z.object({
  eventId: uuid,
  attendee: z.object({ id: uuid, name: z.string() }),
  checkedInAt: timestamp,
});
export type CheckInAnswer = z.infer<typeof checkInAnswer>;

export const attendeeList = z.object({
  items: z.array(
    z.object({
      user: z.object({ id: uuid, name: z.string() }),
      status: z.enum(RSVP_STATUSES),
      waitlistPosition: z.number().int().nullable(),
      checkedInAt: timestamp.nullable(),
    }),
  ),
});

/** The caller's calendar feed: its URL only when it was just made (the server keeps only a hash). */
export const calendarFeedAnswer = z.object({ active: z.boolean(), url: z.string().nullable() });
export const calendarParams = z.object({ token: z.string().min(20).max(100) });
export const spaceCalendarParams = calendarParams.extend({ spaceId: uuid });

/** Who an announcement is for: everyone in the community, or one area subtree, role, or space. */
export const ANNOUNCEMENT_ROLES = [...ROLES, 'member'] as const;
export const announcementBody = z
  .strictObject({
    title: localizedText(200),
    body: localizedText(10_000),
    pinned: z.boolean().default(false),
    areaCode: z.string().max(40).optional(),
    role: z.enum(ANNOUNCEMENT_ROLES).optional(),
    spaceId: uuid.optional(),
  })
  .superRefine((d, ctx) => {
    const targets = (['areaCode', 'role', 'spaceId'] as const).filter((k) => d[k] !== undefined);
    for (const extra of targets.slice(1))
      ctx.addIssue({ code: 'custom', path: [extra], message: 'one target only', params: { code: 'not_allowed_here' } });
  });
export type AnnouncementBody = z.infer<typeof announcementBody>;

export const announcementAbilities = abilitiesOf(['read', 'manage']);
export const announcementAnswer = z.object({
  id: uuid,
  programId: uuid,
  title: localizedAnswer,
  body: localizedAnswer,
  pinned: z.boolean(),
  target: z.object({
    area: z.object({ code: z.string(), name: z.string() }).nullable(),
    role: z.enum(ANNOUNCEMENT_ROLES).nullable(),
    spaceId: uuid.nullable(),
  }),
  author: z.object({ id: uuid, name: z.string() }),
  read: z.boolean(),
  /** How many of those it is for have read it: told to those who manage it (null to others). */
  reach: z.object({ read: z.number().int(), targeted: z.number().int() }).nullable(),
  createdAt: timestamp,
  abilities: announcementAbilities,
});
export type AnnouncementAnswer = z.infer<typeof announcementAnswer>;
export const announcementList = z.object({ items: z.array(announcementAnswer) });

import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type Actor, type Ctx } from '../../http/context.js';
import { invalid, notFound, ruleBroken, type FieldError } from '../../http/errors.js';
import type {
  EventAnswer,
  EventBody,
  EventChange,
  EventFacts,
  EventsQuery,
} from '../../../shared/schemas/community-events.js';
import { authorize, can, notify, recordAudit, type Target } from '../platform/index.js';
import { eventPolicy } from './community.policy.js';
import { eventNotice } from './events.notices.js';
import { eventsRepository, type EventRow, type ViewedEventRow } from './events.repository.js';
import { rsvpsRepository } from './rsvps.repository.js';
import { spacesRepository } from './spaces.repository.js';
import { areaPlace, spacePlace } from './places.js';
import { newTicketCode } from './tickets.js';
import { isCommunityStaff, viewerIn, type Viewer } from './spaces.service.js';
import type { Queryable } from '../../db/database.js';

export const eventTarget = (row: Pick<EventRow, 'program_id' | 'area_path'>): Target => ({
  programId: row.program_id,
  areaPath: row.area_path,
});

/**
 * What the viewer may do with an event: staff and facilitators by the policy; a welcomed member
 * reads and answers the events of their community that are in no space or in a space of theirs.
 */
async function eventReach(actor: Actor, db: Queryable, viewer: Viewer, row: EventRow) {
  const target = eventTarget(row);
  let member = !!viewer.member;
  if (member && row.space_id) {
    const space = await spacesRepository.byId(db, row.space_id);
    member = !!space && (space.kind === 'topic' || viewer.member!.area_path.startsWith(space.area_path));
  }
  return {
    read: member || can(actor, eventPolicy, 'read', target),
    rsvp: member || can(actor, eventPolicy, 'rsvp', target),
    organise: can(actor, eventPolicy, 'organise', target),
  };
}

export function presentFacts(row: EventRow): EventFacts {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    allDay: row.all_day,
    timeZone: row.time_zone,
    area: row.area_code ? { code: row.area_code, name: row.area_name ?? '' } : null,
    address: row.address,
    url: row.url,
  };
}

function presentEvent(row: ViewedEventRow, abilities: EventAnswer['abilities']): EventAnswer {
  return {
    ...presentFacts(row),
    programId: row.program_id,
    trainingSessionId: row.training_session_id,
    spaceId: row.space_id,
    capacity: row.capacity,
    public: row.public,
    cancelled: row.cancelled,
    cancelReason: row.cancel_reason,
    going: row.going,
    waitlisted: row.waitlisted,
    myRsvp: row.my_status,
    waitlistPosition: row.waitlist_position,
    near: row.near,
    abilities,
  };
}

/** An event the caller may read (404 otherwise: outside one's community nobody learns what exists), as they see it. */
export async function readableEvent(ctx: Pick<Ctx, 'actor' | 'clock'>, db: Queryable, id: string) {
  const bare = await eventsRepository.viewed(db, id, null, null);
  if (!bare) throw notFound('Event');
  const viewer = await viewerIn(ctx, db, bare.program_id);
  const reach = await eventReach(ctx.actor, db, viewer, bare);
  if (!reach.read) throw notFound('Event');
  const row = (await eventsRepository.viewed(db, id, viewer.user.id, viewer.member?.area_path ?? null))!;
  return { row, viewer, reach };
}

/** Where the new event is placed, checked field by field: its area, its training session, its space. */
async function placeOf(db: Queryable, programId: string, input: EventBody) {
  const errors: FieldError[] = [];
  const area = input.areaCode ? await areaPlace(db, input.areaCode, errors) : undefined;
  let session: string | undefined;
  if (input.trainingSessionId) {
    const found = await eventsRepository.trainingSession(db, input.trainingSessionId);
    if (!found || found.program_id !== programId)
      errors.push({ path: 'trainingSessionId', code: 'unknown_reference', message: 'no such training session' });
    else session = found.area_path;
  }
  const space = input.spaceId ? await spacePlace(db, programId, input.spaceId, errors) : undefined;
  if (errors.length > 0) throw invalid(errors);
  // An event of an area space without a place of its own is placed in the space's area.
  return session ?? area ?? space ?? '';
}

/** A new event, by an organiser whose area holds its place (the program manager anywhere in the program). */
export async function createEvent(ctx: Ctx, programId: string, input: EventBody): Promise<EventAnswer> {
  return inTransaction(ctx, async (tx) => {
    const path = await placeOf(tx.db, programId, input);
    const user = authorize(tx.actor, eventPolicy, 'organise', { programId, areaPath: path });
    const id = uuidv7();
    await eventsRepository.insert(tx.db, {
      id,
      program_id: programId,
      kind: input.kind,
      training_session_id: input.trainingSessionId ?? null,
      title: input.title ?? null,
      description: input.description ?? {},
      starts_at: input.startsAt ?? null,
      ends_at: input.endsAt ?? null,
      time_zone: input.timeZone,
      area_code: input.areaCode ?? null,
      area_path: path,
      address: input.address ?? '',
      url: input.url ?? null,
      space_id: input.spaceId ?? null,
      capacity: input.capacity ?? null,
      public: input.public,
      created_by: user.id,
    });
    const { row, reach } = await readableEvent(tx, tx.db, id);
    const event = presentEvent(row, reach);
    await recordAudit(tx.db, tx, {
      action: 'community.event.create',
      entity: 'community_event',
      entityId: id,
      after: event,
    });
    return event;
  });
}

export async function showEvent(ctx: Ctx, id: string): Promise<EventAnswer> {
  const { row, reach } = await readableEvent(ctx, ctx.db, id);
  return presentEvent(row, reach);
}

/**
 * The program's events that have not ended, soonest first: a member's (in no space or in their
 * spaces), or every one for staff; `near` keeps those in the member's regency. Someone in neither
 * the community nor its staff gets 404, as for its spaces.
 */
export async function listEvents(ctx: Ctx, programId: string, query: EventsQuery): Promise<{ items: EventAnswer[] }> {
  const viewer = await viewerIn(ctx, ctx.db, programId);
  const staff =
    isCommunityStaff(ctx.actor, programId) || can(ctx.actor, eventPolicy, 'read', { programId, areaPath: '' });
  if (!viewer.member && !staff) throw notFound('Community');
  const rows = await eventsRepository.list(ctx.db, {
    programId,
    userId: viewer.user.id,
    memberPath: viewer.member?.area_path ?? null,
    staff,
    from: query.from ? new Date(query.from) : ctx.clock.now(),
    spaceId: query.spaceId ?? null,
    near: query.near === 'true',
    limit: query.limit,
  });
  const items = [];
  for (const row of rows) items.push(presentEvent(row, await eventReach(ctx.actor, ctx.db, viewer, row)));
  return { items };
}

/**
 * Going or not. Going takes a seat while there is one, else the end of the waitlist; giving up a
 * seat hands it to the first on the waitlist, who is told. The event's row lock puts RSVPs of one
 * event in a line, so two people racing for the last seat cannot both get it.
 */
export async function answerEvent(ctx: Ctx, id: string, going: boolean) {
  return inTransaction(ctx, async (tx) => {
    if (!(await eventsRepository.lock(tx.db, id))) throw notFound('Event');
    const { row, viewer, reach } = await readableEvent(tx, tx.db, id);
    if (!reach.rsvp) throw notFound('Event');
    if (row.cancelled) throw ruleBroken('session-cancelled', 'This event was called off.');
    const user = viewer.user;
    const current = await rsvpsRepository.get(tx.db, id, user.id);
    const now = current?.status ?? 'not_going';
    if (going && now === 'not_going') {
      const seats = row.capacity === null || (await rsvpsRepository.goingCount(tx.db, id)) < row.capacity;
      await rsvpsRepository.join(tx.db, {
        eventId: id,
        userId: user.id,
        status: seats ? 'going' : 'waitlisted',
        ticketCode: newTicketCode(),
      });
    } else if (!going && now !== 'not_going') {
      await rsvpsRepository.leave(tx.db, id, user.id);
      const promoted = now === 'going' ? await rsvpsRepository.promoteFirst(tx.db, id) : undefined;
      if (promoted) await notify(tx.db, eventNotice('community.event.promoted', [promoted], row));
    }
    const after = await rsvpsRepository.get(tx.db, id, user.id);
    return { eventId: id, status: after?.status ?? 'not_going', waitlistPosition: after?.waitlist_position ?? null };
  });
}

/**
 * Calls an event off, by an organiser whose area holds it (the program manager anywhere): RSVPs
 * close, everyone going or waiting is told (in-app, and by email as each chose), and the feeds
 * keep it as STATUS:CANCELLED with a higher SEQUENCE. A training session's event is called off in
 * training (its status is read from the session).
 */
export async function cancelEvent(ctx: Ctx, id: string, reason: string): Promise<EventAnswer> {
  return inTransaction(ctx, async (tx) => {
    if (!(await eventsRepository.lock(tx.db, id))) throw notFound('Event');
    const { row: before, reach } = await readableEvent(tx, tx.db, id);
    authorize(tx.actor, eventPolicy, 'organise', eventTarget(before));
    if (before.training_session_id)
      throw ruleBroken('event-linked-session', 'A training session is called off in training.');
    if (before.cancelled) throw ruleBroken('session-cancelled', 'This event was called off.');
    await eventsRepository.cancel(tx.db, id, tx.clock.now(), reason);
    const audience = await eventsRepository.audience(tx.db, id);
    if (audience.length > 0)
      await notify(tx.db, eventNotice('community.event.cancelled', audience, { ...before, cancel_reason: reason }));
    const { row } = await readableEvent(tx, tx.db, id);
    const event = presentEvent(row, reach);
    await recordAudit(tx.db, tx, {
      action: 'community.event.cancel',
      entity: 'community_event',
      entityId: id,
      before: presentEvent(before, reach),
      after: event,
    });
    return event;
  });
}

/**
 * Changes an event of its own, by an organiser over its place before and after. Lowering the
 * capacity below those already going is refused (nobody loses a seat they were given without
 * being asked; the organiser asks people to give it up). A changed time or place raises the feeds'
 * SEQUENCE and tells everyone going or waiting. A training session's event changes in training.
 */
export async function editEvent(ctx: Ctx, id: string, input: EventChange): Promise<EventAnswer> {
  return inTransaction(ctx, async (tx) => {
    if (!(await eventsRepository.lock(tx.db, id))) throw notFound('Event');
    const { row: before, reach } = await readableEvent(tx, tx.db, id);
    authorize(tx.actor, eventPolicy, 'organise', eventTarget(before));
    if (before.training_session_id)
      throw ruleBroken('event-linked-session', 'A training session is changed in training.');
    if (before.cancelled) throw ruleBroken('session-cancelled', 'This event was called off.');
    const errors: FieldError[] = [];
    const startsAt = input.startsAt ?? before.starts_at.toISOString();
    const endsAt = input.endsAt ?? before.ends_at.toISOString();
    if (Date.parse(endsAt) <= Date.parse(startsAt))
      errors.push({ path: 'endsAt', code: 'before_start', message: 'is before the start' });
    if (before.kind === 'online_meeting' && (input.areaCode !== undefined || input.address !== undefined))
      errors.push({ path: 'areaCode', code: 'not_allowed_here', message: 'an online meeting has a link' });
    if (before.kind !== 'online_meeting' && input.url !== undefined)
      errors.push({ path: 'url', code: 'not_allowed_here', message: 'only for an online meeting' });
    let path = before.area_path;
    if (input.areaCode !== undefined && errors.length === 0)
      path = (await areaPlace(tx.db, input.areaCode, errors)) ?? path;
    if (errors.length > 0) throw invalid(errors);
    authorize(tx.actor, eventPolicy, 'organise', { programId: before.program_id, areaPath: path });
    const capacity = input.capacity === undefined ? before.capacity : input.capacity;
    if (capacity !== null && capacity < before.going)
      throw ruleBroken(
        'capacity-below-going',
        `${before.going} people are already going.`,
        [{ path: 'capacity', code: 'below_going', params: { going: before.going }, message: 'below those going' }],
        undefined,
        { going: before.going },
      );
    const moved =
      Date.parse(startsAt) !== before.starts_at.getTime() ||
      Date.parse(endsAt) !== before.ends_at.getTime() ||
      path !== before.area_path ||
      (input.address !== undefined && input.address !== before.address) ||
      (input.url !== undefined && input.url !== before.url);
    await eventsRepository.update(tx.db, id, {
      title: input.title ?? before.title,
      description: input.description ?? before.description,
      starts_at: startsAt,
      ends_at: endsAt,
      area_code: input.areaCode ?? before.area_code,
      area_path: path,
      address: input.address ?? before.address,
      url: input.url ?? before.url,
      capacity,
      public: input.public ?? before.public,
      bump: moved,
    });
    const { row } = await readableEvent(tx, tx.db, id);
    if (moved) {
      const audience = await eventsRepository.audience(tx.db, id);
      if (audience.length > 0) await notify(tx.db, eventNotice('community.event.changed', audience, row));
    }
    const event = presentEvent(row, reach);
    await recordAudit(tx.db, tx, {
      action: 'community.event.update',
      entity: 'community_event',
      entityId: id,
      before: presentEvent(before, reach),
      after: event,
    });
    return event;
  });
}

import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import { dateIn } from '../../../shared/dates.js';
import { localized } from '../../../shared/localized.js';
import { inTransaction, type Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { actorOfAccount, requireUser } from '../platform/index.js';
import { calendarRepository } from './calendar.repository.js';
import { eventsRepository, type EventRow } from './events.repository.js';
import { readableSpace } from './spaces.service.js';

/**
 * iCal feeds (decision 019): a calendar app subscribes without a cookie, by a URL holding a secret
 * of the account's (only its hash is kept; a new one replaces it, and revoking ends it). The same
 * secret opens the account's own feed (the events it is going to) and the feed of any space it
 * may read. Written with ical-generator (decision 022).
 */
const FEED_PATH = '/api/v1/community/calendar';
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function feedStatus(ctx: Ctx) {
  const user = requireUser(ctx.actor);
  return { active: await calendarRepository.active(ctx.db, user.id), url: null };
}

/** A new feed secret for the caller: its URL, shown this once. */
export async function renewFeed(ctx: Ctx, origin: string) {
  const user = requireUser(ctx.actor);
  const token = randomBytes(24).toString('base64url');
  await inTransaction(ctx, (tx) => calendarRepository.replace(tx.db, user.id, hashOf(token)));
  return { active: true, url: `${origin}${FEED_PATH}/${token}` };
}

export async function revokeFeed(ctx: Ctx) {
  const user = requireUser(ctx.actor);
  await inTransaction(ctx, (tx) => calendarRepository.revoke(tx.db, user.id));
  return { active: false, url: null };
}

/** The account the feed secret belongs to, acting as itself; 404 for an unknown or revoked secret. */
async function feedOwner(ctx: Ctx, token: string) {
  const userId = await calendarRepository.ownerOf(ctx.db, hashOf(token));
  const actor = userId ? await actorOfAccount(ctx.db, userId) : undefined;
  if (!actor) throw notFound('Calendar');
  return actor;
}

/** The events as an iCalendar text (RFC 5545): a training session's days as whole days in its time zone. */
function icsOf(name: string, rows: EventRow[], link: (row: EventRow) => string): string {
  const calendar = ical({ name, prodId: { company: 'OVOP', product: 'community', language: 'ID' } });
  for (const row of rows) {
    const title = localized(row.title, 'id') ?? '';
    const place = [row.address, row.area_name].filter(Boolean).join(', ');
    calendar.createEvent({
      id: `${row.id}@ovop`,
      summary: row.cancelled ? `[X] ${title}` : title,
      description: localized(row.description, 'id') ?? '',
      ...(row.all_day
        ? { allDay: true, start: dateIn(row.starts_at, row.time_zone), end: dateIn(row.ends_at, row.time_zone) }
        : { start: row.starts_at, end: row.ends_at }),
      location: row.url ?? (place || null),
      url: link(row),
      status: row.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: row.sequence,
    });
  }
  return calendar.toString();
}

const memberLink = (origin: string) => (row: EventRow) => `${origin}/app/community/events/${row.id}`;

/** The feed of the events the account is going to, in every program. */
export async function myFeed(ctx: Ctx, token: string, origin: string): Promise<string> {
  const actor = await feedOwner(ctx, token);
  return icsOf('OVOP', await eventsRepository.goingOf(ctx.db, actor.id), memberLink(origin));
}

/** A space's events, for an account that may read the space. */
export async function spaceFeed(ctx: Ctx, token: string, spaceId: string, origin: string): Promise<string> {
  const actor = await feedOwner(ctx, token);
  const { space } = await readableSpace({ actor, clock: ctx.clock }, ctx.db, spaceId);
  return icsOf(
    localized(space.name, 'id') ?? 'OVOP',
    await eventsRepository.ofSpace(ctx.db, spaceId),
    memberLink(origin),
  );
}

/** One public event as a calendar file, for anyone (a members-only one is 404): its link is the public page. */
export async function publicEventFile(ctx: Ctx, id: string, origin: string): Promise<string> {
  const row = await eventsRepository.publicOne(ctx.db, id);
  if (!row) throw notFound('Event');
  return icsOf(localized(row.title, 'id') ?? 'OVOP', [row], (r) => `${origin}/events/${r.id}`);
}

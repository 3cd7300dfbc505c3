import { inTransaction, type Ctx } from '../../http/context.js';
import { conflict, forbidden, notFound, ruleBroken } from '../../http/errors.js';
import type { Queryable } from '../../db/database.js';
import type { CheckInAnswer, TicketAnswer } from '../../../shared/schemas/community-events.js';
import { qrPng } from '../../documents/index.js';
import { eventsRepository } from './events.repository.js';
import { readableEvent } from './events.service.js';
import { rsvpsRepository } from './rsvps.repository.js';
import { normalizeTicketCode, showTicketCode } from './tickets.js';

/** An event the caller organises: 404 when they may not see it, 403 when they may but do not organise it. */
async function organisable(ctx: Pick<Ctx, 'actor' | 'clock'>, db: Queryable, eventId: string) {
  const found = await readableEvent(ctx, db, eventId);
  if (!found.reach.organise) throw forbidden('Only the event’s organisers check tickets in.');
  return found;
}

/** The caller's door ticket, while they are going: the code, and its QR to show on their phone. */
export async function myTicket(ctx: Ctx, eventId: string): Promise<TicketAnswer> {
  const { viewer } = await readableEvent(ctx, ctx.db, eventId);
  const rsvp = await rsvpsRepository.get(ctx.db, eventId, viewer.user.id);
  if (rsvp?.status !== 'going') throw ruleBroken('ticket-not-going', 'Only those going to the event have a ticket.');
  const code = showTicketCode(rsvp.ticket_code);
  const png = await qrPng(code, 320);
  return {
    eventId,
    code,
    qr: `data:image/png;base64,${png.toString('base64')}`,
    checkedInAt: rsvp.checked_in_at?.toISOString() ?? null,
  };
}

/**
 * Checks a ticket in at the door, by an organiser of the event: once. A second scan answers 409
 * with when it was checked in; a ticket of another event, or of someone no longer going, is refused
 * with its own code, and a code that is no ticket at all too.
 */
export async function checkIn(ctx: Ctx, eventId: string, typed: string): Promise<CheckInAnswer> {
  return inTransaction(ctx, async (tx) => {
    if (!(await eventsRepository.lock(tx.db, eventId))) throw notFound('Event');
    const user = (await organisable(tx, tx.db, eventId)).viewer.user;
    const rsvp = await rsvpsRepository.byTicket(tx.db, normalizeTicketCode(typed));
    if (!rsvp) throw ruleBroken('ticket-unknown', 'This code is no ticket.');
    if (rsvp.event_id !== eventId) throw ruleBroken('ticket-other-event', 'This ticket is for another event.');
    if (rsvp.status !== 'going') throw ruleBroken('ticket-not-going', 'This person is not going to the event.');
    const attendee = { id: rsvp.user_id, name: rsvp.user_name };
    const now = tx.clock.now();
    if (!(await rsvpsRepository.checkIn(tx.db, eventId, rsvp.user_id, user.id, now)))
      throw conflict(
        'This ticket was checked in already.',
        { current: { eventId, attendee, checkedInAt: rsvp.checked_in_at!.toISOString() } },
        { code: 'ticket-used' },
      );
    return { eventId, attendee, checkedInAt: now.toISOString() };
  });
}

/** Who answered, for the organisers: going (checked in or not), then the waitlist in order. */
export async function listAttendees(ctx: Ctx, eventId: string) {
  await organisable(ctx, ctx.db, eventId);
  const rows = await rsvpsRepository.ofEvent(ctx.db, eventId);
  return {
    items: rows.map((r) => ({
      user: { id: r.user_id, name: r.user_name },
      status: r.status,
      waitlistPosition: r.waitlist_position,
      checkedInAt: r.checked_in_at?.toISOString() ?? null,
    })),
  };
}

import { systemClock, type Clock } from '../../http/context.js';
import type { Database } from '../../db/database.js';
import { notify } from '../platform/index.js';
import { eventNotice } from './events.notices.js';
import { rsvpsRepository } from './rsvps.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The day-before reminder: everyone going to an event that starts within the next day is told
 * once. Each RSVP is marked as it is claimed, in the same transaction as its notification, so a
 * second run (or two servers running it at once) tells nobody twice. Returns how many were told.
 */
export async function remindEvents(db: Database, clock: Clock = systemClock): Promise<number> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const due = await rsvpsRepository.claimReminders(tx, now, new Date(now.getTime() + DAY_MS));
    const byEvent = new Map<string, typeof due>();
    for (const d of due) byEvent.set(d.event_id, [...(byEvent.get(d.event_id) ?? []), d]);
    for (const [id, rows] of byEvent) {
      const first = rows[0]!;
      const event = { id, title: first.title, starts_at: first.starts_at, time_zone: first.time_zone };
      await notify(
        tx,
        eventNotice(
          'community.event.reminder',
          rows.map((r) => r.user_id),
          event,
        ),
      );
    }
    return due.length;
  });
}

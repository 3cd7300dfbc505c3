import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { communityEventsWorld } from '../../../../test/community-events-fixtures.js';

const t = useTestApp();

/** The rule of RSVPs as a list: seats while there are any, then a queue, first come first promoted. */
function model(capacity: number) {
  const going: number[] = [];
  const waiting: number[] = [];
  return {
    going,
    waiting,
    answer(who: number, yes: boolean) {
      const seated = going.indexOf(who);
      const queued = waiting.indexOf(who);
      if (yes) {
        if (seated >= 0 || queued >= 0) return;
        if (going.length < capacity) going.push(who);
        else waiting.push(who);
      } else if (seated >= 0) {
        going.splice(seated, 1);
        const next = waiting.shift();
        if (next !== undefined) going.push(next);
      } else if (queued >= 0) waiting.splice(queued, 1);
    },
  };
}

describe('RSVPs, for any sequence of answers', () => {
  it('never seat more than the capacity, and keep the waitlist in the order people came', async () => {
    const w = await communityEventsWorld(t);
    const people = [w.ayu, w.rina, w.as.karangasem, w.as.trainer, w.as.facilitator];
    const ids = people.map((p) => p.userId);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: people.length - 1 }), fc.boolean()), { maxLength: 12 }),
        async (capacity, answers) => {
          const event = await w.event({ capacity });
          const expected = model(capacity);
          for (const [who, yes] of answers) {
            const r = await w.rsvp(event.id, people[who]!, yes);
            expect(r.statusCode).toBe(200);
            expected.answer(who, yes);
          }
          const list = (await w.ok('GET', `/api/v1/community/events/${event.id}/attendees`, w.as.manager)).items as {
            user: { id: string };
            status: string;
            waitlistPosition: number | null;
          }[];
          const going = list.filter((a) => a.status === 'going').map((a) => a.user.id);
          const waiting = list.filter((a) => a.status === 'waitlisted').map((a) => a.user.id);
          expect(going.length).toBeLessThanOrEqual(capacity);
          expect(going.sort()).toEqual(expected.going.map((i) => ids[i]).sort());
          expect(waiting).toEqual(expected.waiting.map((i) => ids[i]));
          expect(list.filter((a) => a.status === 'waitlisted').map((a) => a.waitlistPosition)).toEqual(
            waiting.map((_, i) => i + 1),
          );
        },
      ),
      { numRuns: 15 },
    );
  });
});

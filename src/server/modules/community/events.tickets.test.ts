import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { communityEventsWorld } from '../../../../test/community-events-fixtures.js';
import { pngQrCode } from '../../../../test/documents.js';
import { packagingCourse } from '../../../../test/training-fixtures.js';
import { BANYUMULEK, SIBETAN } from '../../../../test/registry-fixtures.js';
import { remindEvents } from './index.js';

const t = useTestApp();

/** The events of an iCalendar text, read with ical.js (not the library that wrote it). */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      location: event.location,
    };
  });
}

describe('door tickets and check-in', () => {
  it('give each attendee going a QR ticket; an organiser checks it in once, and refuses another event’s', async () => {
    const w = await communityEventsWorld(t);
    const fair = await w.event({ capacity: 1 });
    const other = await w.event({ title: { id: 'Kunjungan lapangan' }, kind: 'field_visit' });
    await w.rsvp(fair.id, w.ayu);
    await w.rsvp(fair.id, w.rina); // waitlisted: no ticket yet
    await w.rsvp(other.id, w.rina);
    const ticket = await w.ok('GET', `/api/v1/community/events/${fair.id}/ticket`, w.ayu);
    expect(ticket.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    // The QR on her phone carries the code a scanner reads.
    const png = Buffer.from(ticket.qr.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(await pngQrCode(png)).toBe(ticket.code);
    const waiting = await w.request('GET', `/api/v1/community/events/${fair.id}/ticket`, w.rina);
    expect(waiting.statusCode).toBe(422);
    expect(waiting.json().code).toBe('ticket-not-going');
    const rinasOther = await w.ok('GET', `/api/v1/community/events/${other.id}/ticket`, w.rina);

    const scan = (code: string, who = w.as.karangasem) =>
      w.request('POST', `/api/v1/community/events/${fair.id}/check-in`, who, { code });
    // Neither the attendee herself nor an organiser of another area checks in.
    expect((await scan(ticket.code, w.ayu)).statusCode).toBe(403);
    expect((await scan(ticket.code, w.as.lombok)).statusCode).toBe(403);
    expect((await scan(ticket.code, w.as.otherManager)).statusCode).toBe(404);
    // Typed at the door in lower case without the dash, it is the same ticket.
    const first = await scan(ticket.code.replace('-', '').toLowerCase());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ eventId: fair.id, attendee: { id: w.ayu.userId, name: 'Ni Made Ayu' } });
    const again = await scan(ticket.code);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ticket-used', current: { checkedInAt: first.json().checkedInAt } });
    const elsewhere = await scan(rinasOther.code);
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().code).toBe('ticket-other-event');
    const nonsense = await scan('ZZZZZ-ZZZZZ');
    expect([nonsense.statusCode, nonsense.json().code]).toEqual([422, 'ticket-unknown']);
    const shown = await w.ok('GET', `/api/v1/community/events/${fair.id}/ticket`, w.ayu);
    expect(shown.checkedInAt).toBe(first.json().checkedInAt);
  });
});

describe('reminders', () => {
  it('tell everyone going, the day before, exactly once however often the job runs', async () => {
    const w = await communityEventsWorld(t);
    const fair = await w.event({ capacity: 1 });
    const later = await w.event({ startsAt: '2027-03-05T09:00:00+08:00', endsAt: '2027-03-05T12:00:00+08:00' });
    await w.rsvp(fair.id, w.ayu);
    await w.rsvp(fair.id, w.rina); // waitlisted: not reminded
    await w.rsvp(later.id, w.rina);
    const db = t.database.db;
    const at = (iso: string) => ({ now: () => new Date(iso) });
    // Two days before: too early.
    expect(await remindEvents(db, at('2027-02-28T09:00:00+08:00'))).toBe(0);
    // The day before, by two servers at once, then again: one reminder.
    const racing = await Promise.all([
      remindEvents(db, at('2027-03-01T10:00:00+08:00')),
      remindEvents(db, at('2027-03-01T10:00:00+08:00')),
    ]);
    expect(racing.sort()).toEqual([0, 1]);
    expect(await remindEvents(db, at('2027-03-01T11:00:00+08:00'))).toBe(0);
    const told = await db.query<{ user_id: string; params: Record<string, string> }>(
      `SELECT user_id, params FROM notifications WHERE kind = 'community.event.reminder'`,
    );
    expect(told).toEqual([
      { user_id: w.ayu.userId, params: { event: 'Pameran produk desa', startsAt: '2027-03-02 09:00 (Asia/Makassar)' } },
    ]);
    const mail = await db.query<{ subject: string }>(
      `SELECT subject FROM email_outbox WHERE kind = 'community.event.reminder'`,
    );
    expect(mail.map((m) => m.subject)).toEqual([
      'Pengingat: Pameran produk desa mulai 2027-03-02 09:00 (Asia/Makassar)',
    ]);
    // Rina's event comes in its own time.
    expect(await remindEvents(db, at('2027-03-04T12:00:00+08:00'))).toBe(1);
  });
});

describe('iCal feeds', () => {
  it('list the events a person is going to, at a secret URL a calendar app reads without a cookie; renewing or revoking ends the old one', async () => {
    const w = await communityEventsWorld(t);
    const course = await w.ok('POST', '/api/v1/courses', w.as.manager, packagingCourse(w.program.id));
    const session = await w.ok('POST', '/api/v1/sessions', w.as.manager, {
      courseId: course.id,
      areaCode: SIBETAN,
      address: 'Balai Desa Sibetan',
      startsOn: '2027-03-02',
      endsOn: '2027-03-03',
      trainerId: w.as.trainer.userId,
      capacity: 30,
    });
    const fair = await w.event();
    const training = await w.event({
      kind: 'training_session',
      trainingSessionId: session.id,
      title: undefined,
      startsAt: undefined,
      endsAt: undefined,
      areaCode: undefined,
      address: undefined,
    });
    const skipped = await w.event({ title: { id: 'Tidak ikut' } });
    await w.rsvp(fair.id, w.ayu);
    await w.rsvp(training.id, w.ayu);
    await w.rsvp(skipped.id, w.ayu);
    await w.rsvp(skipped.id, w.ayu, false);

    expect(await w.ok('GET', '/api/v1/community/calendar-feed', w.ayu)).toEqual({ active: false, url: null });
    const { url } = await w.ok('POST', '/api/v1/community/calendar-feed', w.ayu);
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/v1\/community\/calendar\/[\w-]{32}$/);
    const path = new URL(url).pathname;
    const feed = await t.request({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(parseFeed(feed.body)).toEqual([
      {
        uid: `${training.id}@ovop`,
        summary: 'Pengemasan produk pangan',
        start: '2027-03-02',
        end: '2027-03-04',
        allDay: true,
        location: 'Balai Desa Sibetan, Sibetan',
      },
      {
        uid: `${fair.id}@ovop`,
        summary: 'Pameran produk desa',
        start: '2027-03-02T01:00:00Z',
        end: '2027-03-02T07:00:00Z',
        allDay: false,
        location: 'Balai Desa Sibetan, Sibetan',
      },
    ]);
    expect(await w.ok('GET', '/api/v1/community/calendar-feed', w.ayu)).toEqual({ active: true, url: null });

    // A new URL ends the old one; revoking ends it too.
    const renewed = new URL((await w.ok('POST', '/api/v1/community/calendar-feed', w.ayu)).url).pathname;
    expect((await t.request({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: renewed })).statusCode).toBe(200);
    await w.ok('DELETE', '/api/v1/community/calendar-feed', w.ayu);
    expect((await t.request({ method: 'GET', url: renewed })).statusCode).toBe(404);
  });

  it('list a space’s events to those who may read the space', async () => {
    const w = await communityEventsWorld(t);
    const spaces = (await w.ok('GET', `/api/v1/community/${w.program.id}/spaces`, w.as.manager)).items as {
      id: string;
      topic: string | null;
      area: { code: string } | null;
    }[];
    const packaging = spaces.find((s) => s.topic === 'packaging')!;
    const karangasem = spaces.find((s) => s.area?.code === '51.07')!;
    const talk = await w.event({
      kind: 'online_meeting',
      areaCode: undefined,
      address: undefined,
      url: 'https://meet.example.org/kemasan',
      spaceId: packaging.id,
    });
    await w.event({ spaceId: karangasem.id });
    const feedOf = async (who: typeof w.ayu) =>
      new URL((await w.ok('POST', '/api/v1/community/calendar-feed', who)).url).pathname;
    const ayu = await feedOf(w.ayu);
    const feed = await t.request({ method: 'GET', url: `${ayu}/spaces/${packaging.id}` });
    expect(parseFeed(feed.body).map((e) => [e.uid, e.location])).toEqual([
      [`${talk.id}@ovop`, 'https://meet.example.org/kemasan'],
    ]);
    // Rina (Lombok Barat) is not in Karangasem's space: its feed is not found for her secret.
    const rina = await feedOf(w.rina);
    expect((await t.request({ method: 'GET', url: `${rina}/spaces/${karangasem.id}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `${ayu}/spaces/${karangasem.id}` })).statusCode).toBe(200);
    const guessed = `/api/v1/community/calendar/${'x'.repeat(32)}/spaces/${packaging.id}`;
    expect((await t.request({ method: 'GET', url: guessed })).statusCode).toBe(404);
  });
});

describe('calling an event off', () => {
  it('by an organiser over its area: tells everyone going or waiting, closes RSVP, and the feed shows it CANCELLED', async () => {
    const w = await communityEventsWorld(t);
    const fair = await w.event({ capacity: 1 });
    await w.rsvp(fair.id, w.ayu);
    await w.rsvp(fair.id, w.rina); // waitlisted
    const { url } = await w.ok('POST', '/api/v1/community/calendar-feed', w.ayu);
    const feedPath = new URL(url).pathname;
    const vevent = async () => {
      const text = (await t.request({ method: 'GET', url: feedPath })).body;
      const [v] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
      return { status: v!.getFirstPropertyValue('status'), sequence: v!.getFirstPropertyValue('sequence') };
    };
    expect(await vevent()).toEqual({ status: 'CONFIRMED', sequence: 0 });

    const cancel = (who: Parameters<typeof w.request>[2]) =>
      w.request('POST', `/api/v1/community/events/${fair.id}/cancel`, who);
    // A member (no role in the program: 404, as for making one), the trainer, another regency's
    // manager, another program's manager and an assessor may not.
    expect((await cancel(w.ayu)).statusCode).toBe(404);
    expect((await cancel(w.as.trainer)).statusCode).toBe(403);
    expect((await cancel(w.as.lombok)).statusCode).toBe(403);
    expect((await cancel(w.as.otherManager)).statusCode).toBe(404);
    expect((await cancel(w.as.assessor)).statusCode).toBe(404);
    expect(await t.database.db.query(`SELECT 1 FROM notifications WHERE kind = 'community.event.cancelled'`)).toEqual(
      [],
    );

    const done = await cancel(w.as.karangasem);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ cancelled: true, going: 1, waitlisted: 1 });
    expect(await vevent()).toEqual({ status: 'CANCELLED', sequence: 1 });
    const told = await t.database.db.query<{ user_id: string }>(
      `SELECT user_id FROM notifications WHERE kind = 'community.event.cancelled' ORDER BY user_id`,
    );
    expect(told.map((n) => n.user_id)).toEqual([w.ayu.userId, w.rina.userId].sort());
    const mail = await t.database.db.query<{ subject: string }>(
      `SELECT subject FROM email_outbox WHERE user_id = $1 AND subject LIKE '%dibatalkan'`,
      [w.ayu.userId],
    );
    expect(mail.map((m) => m.subject)).toEqual([
      'Pameran produk desa pada 2027-03-02 09:00 (Asia/Makassar) dibatalkan',
    ]);
    const audit = await t.database.db.query<{ before: { cancelled: boolean }; after: { cancelled: boolean } }>(
      `SELECT before, after FROM audit_log WHERE action = 'community.event.cancel'`,
    );
    expect(audit.map((a) => [a.before.cancelled, a.after.cancelled])).toEqual([[false, true]]);

    // RSVP is closed, calling it off twice is refused, and the public list no longer shows it.
    const late = await w.rsvp(fair.id, w.ayu);
    expect([late.statusCode, late.json().code]).toEqual([422, 'session-cancelled']);
    expect((await cancel(w.as.manager)).json().code).toBe('session-cancelled');
  });
});

describe('changing an event', () => {
  it('by an organiser over its place: a new time tells everyone going or waiting and raises SEQUENCE; capacity never drops below those going', async () => {
    const w = await communityEventsWorld(t);
    const fair = await w.event({ capacity: 2 });
    await w.rsvp(fair.id, w.ayu);
    await w.rsvp(fair.id, w.rina);
    const edit = (who: Parameters<typeof w.request>[2], body: object) =>
      w.request('PATCH', `/api/v1/community/events/${fair.id}`, who, body);
    const later = { startsAt: '2027-03-03T09:00:00+08:00', endsAt: '2027-03-03T15:00:00+08:00' };
    expect((await edit(w.ayu, later)).statusCode).toBe(404);
    expect((await edit(w.as.lombok, later)).statusCode).toBe(403);
    expect((await edit(w.as.otherManager, later)).statusCode).toBe(404);
    // Moving it into Lombok is out of the Karangasem manager's reach.
    expect((await edit(w.as.karangasem, { areaCode: BANYUMULEK })).statusCode).toBe(403);
    const bad = await edit(w.as.karangasem, { endsAt: '2027-03-01T09:00:00+08:00', url: 'https://x.example' });
    expect(bad.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['endsAt', 'before_start'],
      ['url', 'not_allowed_here'],
    ]);
    const below = await edit(w.as.karangasem, { capacity: 1 });
    expect([below.statusCode, below.json().code, below.json().params]).toEqual([
      422,
      'capacity-below-going',
      { going: 2 },
    ]);
    // Beside the field, the web words it as "at least 2: 2 are already going".
    expect(below.json().errors).toMatchObject([{ path: 'capacity', code: 'below_going', params: { going: 2 } }]);
    expect(await t.database.db.query(`SELECT 1 FROM notifications WHERE kind = 'community.event.changed'`)).toEqual([]);

    const moved = await edit(w.as.karangasem, { ...later, capacity: 3 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: '2027-03-03T01:00:00.000Z', capacity: 3, going: 2 });
    const told = await t.database.db.query<{ user_id: string }>(
      `SELECT user_id FROM notifications WHERE kind = 'community.event.changed' ORDER BY user_id`,
    );
    expect(told.map((n) => n.user_id)).toEqual([w.ayu.userId, w.rina.userId].sort());
    const seq = await t.database.db.query<{ sequence: number }>(`SELECT sequence FROM community_events WHERE id = $1`, [
      fair.id,
    ]);
    expect(seq).toEqual([{ sequence: 1 }]);
    // A new capacity alone tells nobody and keeps the SEQUENCE.
    await w.ok('PATCH', `/api/v1/community/events/${fair.id}`, w.as.karangasem, { capacity: 2 });
    expect(
      await t.database.db.query(`SELECT 1 FROM notifications WHERE kind = 'community.event.changed'`),
    ).toHaveLength(2);
    const audit = await t.database.db.query(`SELECT 1 FROM audit_log WHERE action = 'community.event.update'`);
    expect(audit).toHaveLength(2);
  });
});

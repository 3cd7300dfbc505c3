import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { communityEventsWorld } from '../../../../test/community-events-fixtures.js';
import { packagingCourse } from '../../../../test/training-fixtures.js';
import { LOMBOK_BARAT, paths, SIBETAN, BANYUMULEK } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

describe('community events', () => {
  it('are made by organisers in their area, with every bad field named and nothing half-written', async () => {
    const w = await communityEventsWorld(t);
    const url = `/api/v1/community/${w.program.id}/events`;
    const bad = await w.request('POST', url, w.as.manager, {
      kind: 'online_meeting',
      title: {},
      startsAt: '2027-03-02T09:00:00+08:00',
      endsAt: '2027-03-02T08:00:00+08:00',
      timeZone: 'Mars/Olympus',
      capacity: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['capacity', 'endsAt', 'timeZone', 'title', 'url']);
    const training = await w.request('POST', url, w.as.manager, w.eventBody({ kind: 'training_session' }));
    expect(paths(training)).toEqual(['address', 'areaCode', 'endsAt', 'startsAt', 'title', 'trainingSessionId']);
    const unknown = await w.request(
      'POST',
      url,
      w.as.manager,
      w.eventBody({ areaCode: '99.99', spaceId: crypto.randomUUID() }),
    );
    expect(paths(unknown)).toEqual(['areaCode', 'spaceId']);
    expect(unknown.json().errors.map((e: { code: string }) => e.code)).toEqual([
      'unknown_reference',
      'unknown_reference',
    ]);
    expect(await t.database.db.query('SELECT 1 FROM community_events')).toHaveLength(0);

    // A Karangasem community manager and a Karangasem facilitator organise in Karangasem only.
    const fair = await w.event({}, w.as.karangasem);
    expect(fair).toMatchObject({
      kind: 'fair_expo',
      title: { en: 'Village product fair' },
      startsAt: '2027-03-02T01:00:00.000Z',
      endsAt: '2027-03-02T07:00:00.000Z',
      allDay: false,
      timeZone: 'Asia/Makassar',
      area: { code: SIBETAN },
      address: 'Balai Desa Sibetan',
      capacity: null,
      going: 0,
      abilities: { read: true, rsvp: true, organise: true },
    });
    await w.event({ kind: 'field_visit' }, w.as.facilitator);
    const inLombok = await w.request('POST', url, w.as.karangasem, w.eventBody({ areaCode: BANYUMULEK }));
    expect(inLombok.statusCode).toBe(403);
    const online = w.eventBody({
      kind: 'online_meeting',
      areaCode: undefined,
      address: undefined,
      url: 'https://meet.example.org/ovop',
    });
    expect((await w.request('POST', url, w.as.karangasem, online)).statusCode).toBe(403);
    expect((await w.request('POST', url, w.as.manager, online)).statusCode).toBe(201);
    // Neither a member, a trainer, another program's manager nor an assessor makes one.
    expect((await w.request('POST', url, w.ayu, w.eventBody())).statusCode).toBe(404);
    expect((await w.request('POST', url, w.as.trainer, w.eventBody())).statusCode).toBe(403);
    expect((await w.request('POST', url, w.as.otherManager, w.eventBody())).statusCode).toBe(404);
    expect((await w.request('POST', url, w.as.assessor, w.eventBody())).statusCode).toBe(404);
    const audit = await t.database.db.query(`SELECT 1 FROM audit_log WHERE action = 'community.event.create'`);
    expect(audit).toHaveLength(3);
  });

  it('link a training session: title, days and place are read from the session, never copied', async () => {
    const w = await communityEventsWorld(t);
    const course = await w.ok('POST', '/api/v1/courses', w.as.manager, packagingCourse(w.program.id));
    const session = await w.ok('POST', '/api/v1/sessions', w.as.manager, {
      courseId: course.id,
      areaCode: SIBETAN,
      address: 'Balai Desa Sibetan',
      startsOn: '2027-03-02',
      endsOn: '2027-03-04',
      trainerId: w.as.trainer.userId,
      capacity: 30,
    });
    const event = await w.event({
      kind: 'training_session',
      trainingSessionId: session.id,
      title: undefined,
      startsAt: undefined,
      endsAt: undefined,
      areaCode: undefined,
      address: undefined,
    });
    expect(event).toMatchObject({
      kind: 'training_session',
      trainingSessionId: session.id,
      title: { en: 'Food product packaging' },
      // whole days in Bali's time: from 2 March 00:00 to the end of 4 March
      startsAt: '2027-03-01T16:00:00.000Z',
      endsAt: '2027-03-04T16:00:00.000Z',
      allDay: true,
      area: { code: SIBETAN },
      address: 'Balai Desa Sibetan',
    });
    // The session moves (training has no route for it yet: as its table would be changed): the event follows.
    await t.database.db.query(
      `UPDATE training_sessions SET starts_on = '2027-03-09', ends_on = '2027-03-09', address = 'Aula Kecamatan Selat'
       WHERE id = $1`,
      [session.id],
    );
    const moved = await w.ok('GET', `/api/v1/community/events/${event.id}`, w.ayu);
    expect(moved).toMatchObject({ startsAt: '2027-03-08T16:00:00.000Z', address: 'Aula Kecamatan Selat' });
    // A session of another program is no session here.
    const foreign = await w.request('POST', `/api/v1/community/${w.other.id}/events`, w.as.otherManager, {
      kind: 'training_session',
      trainingSessionId: session.id,
      timeZone: 'Asia/Makassar',
    });
    expect(foreign.statusCode).toBe(400);
    expect(paths(foreign)).toEqual(['trainingSessionId']);
  });

  it('are listed to members and staff, upcoming and near; events of a space only to those in it', async () => {
    const w = await communityEventsWorld(t);
    const spaces = (await w.ok('GET', `/api/v1/community/${w.program.id}/spaces`, w.as.manager)).items as {
      id: string;
      area: { code: string } | null;
    }[];
    const lombokSpace = spaces.find((s) => s.area?.code === LOMBOK_BARAT)!;
    const fair = await w.event();
    const lombokVisit = await w.event(
      { kind: 'field_visit', areaCode: BANYUMULEK, spaceId: lombokSpace.id },
      w.as.lombok,
    );
    await w.event({ startsAt: '2025-03-02T09:00:00+08:00', endsAt: '2025-03-02T10:00:00+08:00' });
    const list = async (who: Session, query = '') =>
      (
        (await w.ok('GET', `/api/v1/community/${w.program.id}/events${query}`, who)).items as {
          id: string;
          near: boolean;
        }[]
      ).map((e) => [e.id, e.near]);
    expect(await list(w.ayu)).toEqual([[fair.id, true]]);
    expect(await list(w.rina)).toEqual([
      [fair.id, false],
      [lombokVisit.id, true],
    ]);
    expect(await list(w.rina, '?near=true')).toEqual([[lombokVisit.id, true]]);
    expect((await list(w.as.karangasem)).map(([id]) => id)).toEqual([fair.id, lombokVisit.id]);
    // Ayu is not in Lombok Barat's space: its event is not found for her.
    expect((await w.request('GET', `/api/v1/community/events/${lombokVisit.id}`, w.ayu)).statusCode).toBe(404);
    expect((await w.rsvp(lombokVisit.id, w.ayu)).statusCode).toBe(404);
    expect((await w.request('GET', `/api/v1/community/${w.program.id}/events`, w.as.otherManager)).statusCode).toBe(
      404,
    );
    expect((await w.request('GET', `/api/v1/community/${w.program.id}/events`, w.as.assessor)).statusCode).toBe(404);
    expect((await w.request('GET', `/api/v1/community/events/${fair.id}`, w.as.otherManager)).statusCode).toBe(404);
    expect((await w.request('GET', `/api/v1/community/${w.program.id}/events`)).statusCode).toBe(401);
  });

  it('show only public ones on the public page, with the seats left and nothing about who comes', async () => {
    const w = await communityEventsWorld(t);
    const open = await w.event({ public: true, capacity: 3 });
    const closed = await w.event();
    expect(closed.public).toBe(false);
    await w.rsvp(open.id, w.ayu);
    const page = await w.request('GET', `/api/v1/community/${w.program.id}/public-events`);
    expect(page.statusCode).toBe(200);
    expect(page.json().items.map((e: { id: string }) => e.id)).toEqual([open.id]);
    expect(Object.keys(page.json().items[0]).sort()).toEqual(
      [
        'address',
        'allDay',
        'area',
        'cancelReason',
        'cancelled',
        'capacityLeft',
        'description',
        'endsAt',
        'id',
        'kind',
        'programId',
        'startsAt',
        'timeZone',
        'title',
        'url',
      ].sort(),
    );
    expect(page.json().items[0]).toMatchObject({ capacityLeft: 2, cancelled: false, area: { code: SIBETAN } });
    const one = await w.request('GET', `/api/v1/community/public-events/${open.id}`);
    expect(one.json()).toEqual(page.json().items[0]);
    // A members-only event is not there by its id either, nor as a calendar file.
    expect((await w.request('GET', `/api/v1/community/public-events/${closed.id}`)).statusCode).toBe(404);
    expect((await w.request('GET', `/api/v1/community/public-events/${closed.id}/calendar`)).statusCode).toBe(404);
    expect((await w.request('GET', `/api/v1/community/public-events/${crypto.randomUUID()}`)).statusCode).toBe(404);
    // Made members-only again, it leaves the public page.
    await w.ok('PATCH', `/api/v1/community/events/${open.id}`, w.as.manager, { public: false });
    expect((await w.request('GET', `/api/v1/community/${w.program.id}/public-events`)).json().items).toEqual([]);
    expect((await w.request('GET', `/api/v1/community/public-events/${open.id}`)).statusCode).toBe(404);
  });

  it('keep a called-off public event on the public page, marked cancelled, and in its calendar file', async () => {
    const w = await communityEventsWorld(t);
    const open = await w.event({ public: true });
    const file = await w.request('GET', `/api/v1/community/public-events/${open.id}/calendar`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/calendar/);
    expect(file.body).toContain('SUMMARY:Pameran produk desa');
    expect(file.body).toContain('STATUS:CONFIRMED');
    // Long lines are folded (RFC 5545 §3.1): unfolded, the link is the public page.
    expect(file.body.replace(/\r?\n /g, '')).toMatch(new RegExp(`URL[^:]*:http://[^/]+/events/${open.id}`));
    await w.rsvp(open.id, w.ayu);
    const long = await w.request('POST', `/api/v1/community/events/${open.id}/cancel`, w.as.manager, {
      reason: 'x'.repeat(501),
    });
    expect(paths(long)).toEqual(['reason']);
    await w.ok('POST', `/api/v1/community/events/${open.id}/cancel`, w.as.manager, { reason: ' Hujan lebat. ' });
    const page = await w.request('GET', `/api/v1/community/${w.program.id}/public-events`);
    expect(page.json().items).toMatchObject([
      { id: open.id, cancelled: true, cancelReason: 'Hujan lebat.', capacityLeft: null },
    ]);
    // Those going read the reason in their email too.
    const mail = await t.database.db.query<{ body: string }>(
      `SELECT body FROM email_outbox WHERE user_id = $1 AND kind = 'community.event.cancelled'`,
      [w.ayu.userId],
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).toContain('\n\nHujan lebat.\n\n');
    expect((await w.request('GET', `/api/v1/community/public-events/${open.id}`)).json().cancelled).toBe(true);
    const after = await w.request('GET', `/api/v1/community/public-events/${open.id}/calendar`);
    expect(after.body).toContain('STATUS:CANCELLED');
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildProgram, buildStaff, signedIn } from '../../../../test/factories.js';
import { KARANGASEM, LOMBOK_BARAT, paths } from '../../../../test/registry-fixtures.js';
import { packagingCourse, trainingWorld } from '../../../../test/training-fixtures.js';

const t = useTestApp();

describe('training sessions', () => {
  it('are planned by the program manager for a trainer of the program, with bad input named field by field', async () => {
    const w = await trainingWorld(t);
    const session = await w.session();
    expect(session).toMatchObject({
      area: { code: '51.07.06.2004' },
      trainer: { id: w.trainer.userId },
      capacity: 30,
      status: 'scheduled',
      enrolled: 0,
      course: { topic: 'packaging' },
    });
    const course = await w.course();
    const facilitator = await w.staff('facilitator', { areaCode: KARANGASEM });
    const bad = await w.request('POST', '/api/v1/sessions', w.admin, {
      courseId: course.id,
      areaCode: '51.07.06.2004',
      address: '',
      startsOn: '2026-03-06',
      endsOn: '2026-03-02',
      trainerId: facilitator.userId,
      capacity: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(paths(bad)).toEqual(['address', 'capacity', 'endsOn']);
    const notTrainer = await w.request('POST', '/api/v1/sessions', w.admin, {
      courseId: course.id,
      areaCode: '99.99',
      address: 'Balai',
      startsOn: '2026-03-02',
      endsOn: '2026-03-02',
      trainerId: facilitator.userId,
      capacity: 10,
    });
    expect(paths(notTrainer)).toEqual(['areaCode', 'trainerId']);
    expect(await t.database.db.query('SELECT 1 FROM training_sessions')).toHaveLength(1);
  });

  it('let a trainer plan only their own sessions and keep other programs out', async () => {
    const w = await trainingWorld(t);
    const course = await w.course();
    const other = await w.staff('trainer');
    const payload = {
      courseId: course.id,
      areaCode: '51.07.06.2004',
      address: 'Balai Desa',
      startsOn: '2026-03-02',
      endsOn: '2026-03-02',
      capacity: 10,
    };
    const own = await w.request('POST', '/api/v1/sessions', other, { ...payload, trainerId: other.userId });
    expect(own.statusCode).toBe(201);
    const forOther = await w.request('POST', '/api/v1/sessions', other, { ...payload, trainerId: w.trainer.userId });
    expect(forOther.statusCode).toBe(403);
    const outsider = await signedIn(t.app, (await buildStaff(t.database.db, 'program_manager')).user);
    expect((await w.request('GET', `/api/v1/sessions/${own.json().id}`, outsider)).statusCode).toBe(404);
    const list = await w.request('GET', `/api/v1/sessions?programId=${w.program.id}`, outsider);
    expect(list.statusCode).toBe(404);
    const mine = await w.request('GET', `/api/v1/sessions?programId=${w.program.id}&mine=true`, other);
    expect(mine.json().items.map((s: { id: string }) => s.id)).toEqual([own.json().id]);
  });

  it('answer a create reusing another program’s session id with a bare conflict, showing nothing of it', async () => {
    const w = await trainingWorld(t);
    const session = await w.session({ id: '01936a3e-7b7c-7cc0-8000-0000000c5001', address: 'Rumah Ibu Kadek' });
    const other = await buildProgram(t.database.db);
    const { user } = await buildStaff(t.database.db, 'program_manager', { programId: other.id });
    const manager = await signedIn(t.app, user);
    const course = (await w.request('POST', '/api/v1/courses', manager, packagingCourse(other.id))).json();
    const taken = await w.request('POST', '/api/v1/sessions', manager, {
      id: session.id,
      courseId: course.id,
      areaCode: '51.07.06.2004',
      address: 'Balai',
      startsOn: '2026-03-02',
      endsOn: '2026-03-02',
      trainerId: user.id,
      capacity: 10,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().detail).toBe('This id is already in use; create the record with another id.');
    expect(taken.json()).not.toHaveProperty('current');
    expect(taken.body).not.toContain('Rumah Ibu Kadek');
  });

  it('enrol up to capacity, then waitlist, and promote the first waiting when a place frees up', async () => {
    const w = await trainingWorld(t);
    const session = await w.session({ capacity: 2 });
    const members = [];
    for (let i = 0; i < 4; i++) members.push(await w.member(w.groups.bali.id));
    const enrolments = [];
    for (const m of members) {
      const r = await w.enrol(session.id, m.id);
      expect(r.statusCode).toBe(201);
      enrolments.push(r.json());
    }
    expect(enrolments.map((e) => e.status)).toEqual(['enrolled', 'enrolled', 'waitlisted', 'waitlisted']);
    const again = await w.enrol(session.id, members[0]!.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(enrolments[0].id);

    const cancel = await w.request(
      'POST',
      `/api/v1/sessions/${session.id}/enrolments/${enrolments[1].id}/cancel`,
      w.admin,
    );
    expect(cancel.json()).toMatchObject({ enrolment: { status: 'cancelled' }, promoted: { id: enrolments[2].id } });
    const repeat = await w.request(
      'POST',
      `/api/v1/sessions/${session.id}/enrolments/${enrolments[1].id}/cancel`,
      w.admin,
    );
    expect(repeat.json()).toMatchObject({ enrolment: { status: 'cancelled' }, promoted: null });
    const list = await w.request('GET', `/api/v1/sessions/${session.id}/enrolments`, w.admin);
    expect(list.json().items.map((e: { status: string }) => e.status)).toEqual([
      'enrolled',
      'cancelled',
      'enrolled',
      'waitlisted',
    ]);
    expect((await w.request('GET', `/api/v1/sessions/${session.id}`, w.admin)).json()).toMatchObject({
      enrolled: 2,
      waitlisted: 1,
    });
  });

  it('enrol once under a client id sent twice, and refuse a second enrolment of the same member', async () => {
    const w = await trainingWorld(t);
    const session = await w.session();
    const [sari, rai] = [await w.member(w.groups.bali.id), await w.member(w.groups.bali.id)];
    const url = `/api/v1/sessions/${session.id}/enrolments`;
    const id = '5d1c9e2a-7b3f-4e6a-8c2d-1f0a9b8c7d6e';
    const first = await w.request('POST', url, w.admin, { id, memberId: sari.id });
    expect(first.statusCode).toBe(201);
    const replay = await w.request('POST', url, w.admin, { id, memberId: sari.id });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ id, status: 'enrolled' });
    const other = await w.request('POST', url, w.admin, { id, memberId: rai.id });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'id-other-content', current: { id } });
    // Another id for a member already in the session: the form says "already enrolled".
    const again = await w.request('POST', url, w.admin, {
      id: '6e2d0f3b-8c4a-4f7b-9d3e-2a1b0c9d8e7f',
      memberId: sari.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already-enrolled');
    const rows = await t.database.db.query('SELECT id FROM enrolments WHERE session_id = $1', [session.id]);
    expect(rows).toEqual([{ id }]);
  });

  it('hold capacity when many enrol at the same moment', async () => {
    const w = await trainingWorld(t);
    const session = await w.session({ capacity: 3 });
    const members = await Promise.all(Array.from({ length: 10 }, () => w.member(w.groups.bali.id)));
    const results = await Promise.all(members.map((m) => w.enrol(session.id, m.id)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const statuses = results.map((r) => r.json().status as string);
    expect(statuses.filter((s) => s === 'enrolled')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(7);
    const twice = await Promise.all([w.enrol(session.id, members[0]!.id), w.enrol(session.id, members[0]!.id)]);
    expect(twice.map((r) => r.statusCode)).toEqual([200, 200]);
    const rows = await t.database.db.query('SELECT 1 FROM enrolments WHERE member_id = $1', [members[0]!.id]);
    expect(rows).toHaveLength(1);
  });

  it('let the facilitator of the area and the group manager enrol, but nobody outside their scope', async () => {
    const w = await trainingWorld(t);
    const session = await w.session();
    const bali = await w.member(w.groups.bali.id);
    const lombok = await w.member(w.groups.lombok.id);
    const karangasem = await w.staff('facilitator', { areaCode: KARANGASEM });
    const lombokBarat = await w.staff('facilitator', { areaCode: LOMBOK_BARAT });
    const baliManager = await w.staff('group_manager', { groupId: w.groups.bali.id });
    const otherTrainer = await w.staff('trainer');
    const member = await w.staff('group_member', { groupId: w.groups.bali.id });

    expect((await w.enrol(session.id, bali.id, lombokBarat)).statusCode).toBe(403);
    expect((await w.enrol(session.id, lombok.id, baliManager)).statusCode).toBe(403);
    expect((await w.enrol(session.id, bali.id, otherTrainer)).statusCode).toBe(403);
    expect((await w.enrol(session.id, bali.id, member)).statusCode).toBe(403);
    expect((await w.enrol(session.id, bali.id, baliManager)).statusCode).toBe(201);
    expect((await w.enrol(session.id, lombok.id, karangasem)).statusCode).toBe(403);
    expect((await w.enrol(session.id, lombok.id, lombokBarat)).statusCode).toBe(201);

    const seenByLombok = await w.request('GET', `/api/v1/sessions/${session.id}/enrolments`, lombokBarat);
    expect(seenByLombok.json().items.map((e: { member: { id: string } }) => e.member.id)).toEqual([lombok.id]);
    const seenByTrainer = await w.request('GET', `/api/v1/sessions/${session.id}/enrolments`, w.trainer);
    expect(seenByTrainer.json().items).toHaveLength(2);

    const otherProgram = await buildProgram(t.database.db);
    const foreign = await signedIn(
      t.app,
      (await buildStaff(t.database.db, 'program_manager', { programId: otherProgram.id })).user,
    );
    expect((await w.enrol(session.id, bali.id, foreign)).statusCode).toBe(404);
    expect(paths(await w.enrol(session.id, '01936a3e-7b7c-7cc0-8000-000000000001'))).toEqual(['memberId']);
  });

  it('refuse enrolment and attendance once the whole session is cancelled', async () => {
    const w = await trainingWorld(t);
    const session = await w.session();
    const m = await w.member(w.groups.bali.id);
    await w.enrol(session.id, m.id);
    const other = await w.staff('trainer');
    expect((await w.request('POST', `/api/v1/sessions/${session.id}/cancel`, other)).statusCode).toBe(403);
    const cancelled = await w.request('POST', `/api/v1/sessions/${session.id}/cancel`, w.trainer);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect((await w.enrol(session.id, (await w.member(w.groups.bali.id)).id)).statusCode).toBe(409);
    expect((await w.mark(session.id, '2026-03-02', [{ memberId: m.id, present: true }])).statusCode).toBe(409);
  });
});

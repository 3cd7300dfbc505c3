import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { paths } from '../../../../test/registry-fixtures.js';
import { right, trainingWorld, type TrainingWorld } from '../../../../test/training-fixtures.js';
import { sessionDays } from './completion.js';

const t = useTestApp();

const rows = async () => (await t.database.db.query('SELECT * FROM attendance')).length;
const certificates = async () => (await t.database.db.query('SELECT id FROM training_certificates')).length;

async function enrolled(w: TrainingWorld, sessionId: string, count: number) {
  const members = [];
  for (let i = 0; i < count; i++) {
    const m = await w.member(w.groups.bali.id);
    const e = (await w.enrol(sessionId, m.id)).json();
    members.push({ ...m, enrolmentId: e.id as string });
  }
  return members;
}

describe('attendance', () => {
  it('is idempotent: a retried day gives the same state and no extra rows', async () => {
    const w = await trainingWorld(t);
    const session = await w.session();
    const [a, b] = await enrolled(w, session.id, 2);
    const items = [
      { memberId: a!.id, present: true },
      { memberId: b!.id, present: false },
    ];
    const first = await w.mark(session.id, '2026-03-02', items);
    expect(first.statusCode).toBe(200);
    const retries = await Promise.all([1, 2, 3].map(() => w.mark(session.id, '2026-03-02', items)));
    for (const r of retries) expect(r.json()).toEqual(first.json());
    expect(await rows()).toBe(2);
    expect(
      first
        .json()
        .items.map((i: { present: boolean }) => i.present)
        .sort(),
    ).toEqual([false, true]);
    const toggled = await w.mark(session.id, '2026-03-02', [{ memberId: b!.id, present: true }]);
    expect(toggled.json().items.every((i: { present: boolean }) => i.present)).toBe(true);
    expect(await rows()).toBe(2);
    const sheet = await w.request('GET', `/api/v1/sessions/${session.id}/attendance/2026-03-03`, w.trainer);
    expect(sheet.json().items.map((i: { present: null }) => i.present)).toEqual([null, null]);
  });

  it('keeps the newest tap: a retry of an older tap arriving late changes nothing', async () => {
    const w = await trainingWorld(t);
    const session = await w.session();
    const [a] = await enrolled(w, session.id, 1);
    const t1 = '2026-03-02T08:00:00.000+08:00';
    const t2 = '2026-03-02T00:00:05.000Z';
    const newer = [{ memberId: a!.id, present: true, markedAt: t2 }];
    const older = [{ memberId: a!.id, present: false, markedAt: t1 }];
    expect((await w.mark(session.id, '2026-03-02', newer)).statusCode).toBe(200);
    const late = await w.mark(session.id, '2026-03-02', older);
    expect(late.statusCode).toBe(200);
    expect(late.json().items[0].present).toBe(true);
    const again = await w.mark(session.id, '2026-03-02', newer);
    expect(again.json()).toEqual(late.json());
    expect(await rows()).toBe(1);
    // Without markedAt (an API client) the server's clock stands in: a mark made now is newer.
    const now = await w.mark(session.id, '2026-03-02', [{ memberId: a!.id, present: false }]);
    expect(now.json().items[0].present).toBe(false);
    expect((await w.mark(session.id, '2026-03-02', newer)).json().items[0].present).toBe(false);
    expect(await rows()).toBe(1);
  });

  it('refuses a day later than today, and a tap time from a clock days ahead', async () => {
    const w = await trainingWorld(t);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const session = await w.session({ startsOn: day(-1), endsOn: day(3) });
    const [a] = await enrolled(w, session.id, 1);
    const ahead = await w.mark(session.id, day(3), [{ memberId: a!.id, present: true }]);
    expect(ahead.statusCode).toBe(400);
    expect(paths(ahead)).toEqual(['params.date']);
    const skewed = await w.mark(session.id, day(-1), [
      { memberId: a!.id, present: true, markedAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    ]);
    expect(paths(skewed)).toEqual(['items.0.markedAt']);
    expect(await rows()).toBe(0);
    expect((await w.mark(session.id, day(-1), [{ memberId: a!.id, present: true }])).statusCode).toBe(200);
    expect((await w.mark(session.id, day(0), [{ memberId: a!.id, present: true }])).statusCode).toBe(200);
  });

  it('is recorded only by the session’s own trainer or the program manager', async () => {
    const w = await trainingWorld(t);
    const session = await w.session();
    const [a] = await enrolled(w, session.id, 1);
    const items = [{ memberId: a!.id, present: true }];
    const otherTrainer = await w.staff('trainer');
    const facilitator = await w.staff('facilitator');
    expect((await w.mark(session.id, '2026-03-02', items, otherTrainer)).statusCode).toBe(403);
    expect((await w.mark(session.id, '2026-03-02', items, facilitator)).statusCode).toBe(403);
    // The session is theirs to read, its sheet is not: 403, as for every read-only caller.
    const read = await w.request('GET', `/api/v1/sessions/${session.id}/attendance/2026-03-02`, otherTrainer);
    expect(read.statusCode).toBe(403);
    expect(await rows()).toBe(0);
    expect((await w.mark(session.id, '2026-03-02', items, w.admin)).statusCode).toBe(200);
  });

  it('refuses days outside the session and people not enrolled, writing nothing', async () => {
    const w = await trainingWorld(t);
    const session = await w.session({ capacity: 1 });
    const [a, waiting] = await enrolled(w, session.id, 2);
    const outside = await w.mark(session.id, '2026-03-07', [{ memberId: a!.id, present: true }]);
    expect(outside.statusCode).toBe(400);
    expect(paths(outside)).toEqual(['params.date']);
    const mixed = await w.mark(session.id, '2026-03-02', [
      { memberId: a!.id, present: true },
      { memberId: waiting!.id, present: true },
    ]);
    expect(paths(mixed)).toEqual(['items.1.memberId']);
    const schema = await w.request('PUT', `/api/v1/sessions/${session.id}/attendance/2026-13-01`, w.trainer, {
      items: [{ memberId: 'x', present: 'yes' }],
    });
    expect(schema.statusCode).toBe(400);
    expect(await rows()).toBe(0);
  });
});

describe('completion', () => {
  it('passes at exactly 80 % attendance and 60 % on the post-test, and issues one certificate', async () => {
    const w = await trainingWorld(t);
    const session = await w.session();
    const [a, b] = await enrolled(w, session.id, 2);
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) {
      await w.mark(session.id, day, [
        { memberId: a!.id, present: true },
        { memberId: b!.id, present: true },
      ]);
    }
    expect((await w.postTest(session.id, a!.enrolmentId, right(3))).json()).toMatchObject({ percent: 60 });
    expect((await w.postTest(session.id, b!.enrolmentId, right(2))).json()).toMatchObject({ percent: 40 });
    expect(await certificates()).toBe(0);
    await w.mark(session.id, '2026-03-05', [
      { memberId: a!.id, present: true },
      { memberId: b!.id, present: true },
    ]);
    await w.mark(session.id, '2026-03-05', [{ memberId: a!.id, present: true }]);
    const list = (await w.request('GET', `/api/v1/sessions/${session.id}/enrolments`, w.trainer)).json().items;
    expect(list[0]).toMatchObject({ attendancePercent: 80, postTestPercent: 60, complete: true });
    expect(list[0].certificateId).toEqual(expect.any(String));
    expect(list[1]).toMatchObject({ attendancePercent: 80, postTestPercent: 40, complete: false, certificateId: null });
    expect(await certificates()).toBe(1);
  });

  it('fails at 79.x % attendance until one more day is marked', async () => {
    const w = await trainingWorld(t);
    const course = await w.course({ postTest: null });
    const session = await w.session({ courseId: course.id, startsOn: '2026-04-01', endsOn: '2026-04-24' });
    const [a] = await enrolled(w, session.id, 1);
    const days = sessionDays('2026-04-01', '2026-04-24');
    expect(days).toHaveLength(24);
    for (const day of days.slice(0, 19)) await w.mark(session.id, day, [{ memberId: a!.id, present: true }]);
    const before = (await w.request('GET', `/api/v1/sessions/${session.id}/enrolments`, w.trainer)).json().items[0];
    expect(before).toMatchObject({ attendancePercent: 79.1, complete: false, certificateId: null });
    await w.mark(session.id, days[19]!, [{ memberId: a!.id, present: true }]);
    const after = (await w.request('GET', `/api/v1/sessions/${session.id}/enrolments`, w.trainer)).json().items[0];
    expect(after).toMatchObject({ attendancePercent: 83.3, complete: true, certificateId: expect.any(String) });
  });

  it('follows the rule a course configures', async () => {
    const w = await trainingWorld(t);
    const course = await w.course({ completionRule: { minAttendancePercent: 100, minPostTestPercent: 80 } });
    const session = await w.session({ courseId: course.id, startsOn: '2026-03-02', endsOn: '2026-03-02' });
    const [a] = await enrolled(w, session.id, 1);
    await w.mark(session.id, '2026-03-02', [{ memberId: a!.id, present: true }]);
    await w.postTest(session.id, a!.enrolmentId, right(3));
    expect(await certificates()).toBe(0);
    await w.postTest(session.id, a!.enrolmentId, right(4));
    expect(await certificates()).toBe(1);
  });
});

describe('test attempts', () => {
  it('are scored by the server, replayed by id, and refused to people outside the participant’s scope', async () => {
    const w = await trainingWorld(t);
    const session = await w.session();
    const [a] = await enrolled(w, session.id, 1);
    const test = await w.request('GET', `/api/v1/sessions/${session.id}/tests/post`, w.trainer);
    expect(test.json().questions).toHaveLength(5);
    expect(JSON.stringify(test.json())).not.toContain('answer');
    const url = `/api/v1/sessions/${session.id}/enrolments/${a!.enrolmentId}/tests/post`;
    const payload = { id: '01936a3e-7b7c-7cc0-8000-00000000a001', answers: right(5) };
    const first = await w.request('POST', url, w.trainer, payload);
    expect(first.json()).toMatchObject({ correct: 5, total: 5, percent: 100 });
    expect(first.statusCode).toBe(201);
    const replay = await w.request('POST', url, w.trainer, payload);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    const [b] = await enrolled(w, session.id, 1);
    const elsewhere = `/api/v1/sessions/${session.id}/enrolments/${b!.enrolmentId}/tests/post`;
    const taken = await w.request('POST', elsewhere, w.trainer, payload);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).not.toHaveProperty('current');
    expect((await w.request('POST', url, w.trainer, { ...payload, answers: right(1) })).statusCode).toBe(409);
    expect(paths(await w.request('POST', url, w.trainer, { answers: [0, 1] }))).toEqual(['answers']);
    // A participant outside the caller's area is not theirs to see (404); a group member may see but not record (403).
    const lombok = await w.staff('facilitator', { areaCode: '52.01' });
    expect((await w.request('POST', url, lombok, { answers: right(5) })).statusCode).toBe(404);
    const member = await w.staff('group_member', { groupId: w.groups.bali.id });
    expect((await w.request('POST', url, member, { answers: right(5) })).statusCode).toBe(403);
    const pre = await w.request('POST', url.replace('/post', '/pre'), w.trainer, { answers: right(5) });
    expect(pre.statusCode).toBe(422);
    expect((await t.database.db.query('SELECT 1 FROM test_attempts')).length).toBe(1);
  });
});

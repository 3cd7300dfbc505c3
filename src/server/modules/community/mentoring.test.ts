import { describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../../test/app.js';
import { useTestApp } from '../../../../test/app.js';
import { buildProgram, buildStaff, buildUser, signedIn, STRONG_PASSWORD } from '../../../../test/factories.js';
import { BANYUMULEK, KARANGASEM, LOMBOK_BARAT, SIBETAN } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/**
 * A program's community with mentors: two trainers (Wayan, who mentors packaging and marketing for
 * two requests a month, and Ketut, full at one), community managers over Karangasem and Lombok
 * Barat, a facilitator, members Ayu (Karangasem, a woman) and Rina (Lombok Barat), and a trainer
 * of another program.
 */
async function mentoringWorld(app: TestApp) {
  const db = app.database.db;
  const program = await buildProgram(db);
  const session = async (s: { user: { email: string; id: string } }) => ({
    ...(await signedIn(app.app, s.user)),
    id: s.user.id,
  });
  const staff = {
    manager: await session(await buildStaff(db, 'program_manager', { programId: program.id })),
    karangasem: await session(
      await buildStaff(db, 'community_manager', { programId: program.id, areaCode: KARANGASEM }),
    ),
    lombok: await session(await buildStaff(db, 'community_manager', { programId: program.id, areaCode: LOMBOK_BARAT })),
    wayan: await session(await buildStaff(db, 'trainer', { programId: program.id })),
    ketut: await session(await buildStaff(db, 'trainer', { programId: program.id, areaCode: KARANGASEM })),
    facilitator: await session(await buildStaff(db, 'facilitator', { programId: program.id })),
    otherTrainer: await session(await buildStaff(db, 'trainer')),
  };
  const request = (method: Method, url: string, who?: Session, payload?: object) =>
    app.request({ method, url, as: who, payload });
  const ok = async (method: Method, url: string, who: Session, payload?: object) => {
    const r = await request(method, url, who, payload);
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  await ok('POST', `/api/v1/community/${program.id}/rules`, staff.manager, { text: { id: 'Saling menghormati.' } });

  let n = 0;
  async function member(name: string, areaCode: string, sex?: 'female' | 'male') {
    n += 1;
    const email = `mentee${n}-${crypto.randomUUID().slice(0, 8)}@example.id`;
    const join = await request('POST', `/api/v1/community/${program.id}/joins`, undefined, {
      name,
      email,
      areaCode,
      rulesVersion: 1,
      acceptRules: true,
      ...(sex ? { sex } : {}),
    });
    const decided = await ok('POST', `/api/v1/community/joins/${join.json().id}/welcome`, staff.manager);
    const token = decided.invitation.path.split('#')[1];
    await app.request({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, password: STRONG_PASSWORD },
    });
    return { ...(await signedIn(app.app, { email })), id: decided.join.userId as string, sex: decided.join.sex };
  }
  const ayu = await member('Ni Made Ayu', SIBETAN, 'female');
  const rina = await member('Baiq Rina', BANYUMULEK);
  const stranger = await signedIn(app.app, await buildUser(db));

  const wayan = await ok('PUT', `/api/v1/community/${program.id}/mentors/me`, staff.wayan, {
    topics: ['packaging', 'marketing'],
    languages: ['id', 'en'],
    availability: 'Selasa dan Kamis sore',
    monthlyCapacity: 2,
  });
  const ketut = await ok('PUT', `/api/v1/community/${program.id}/mentors/me`, staff.ketut, {
    topics: ['packaging'],
    languages: ['id'],
    monthlyCapacity: 1,
  });
  return { db, program, staff, ayu, rina, stranger, wayan, ketut, request, ok };
}

const notices = async (app: TestApp, userId: string) =>
  (
    await app.database.db.query<{ kind: string }>(
      'SELECT kind FROM notifications WHERE user_id = $1 ORDER BY created_at',
      [userId],
    )
  ).map((r) => r.kind);

describe('mentoring', () => {
  it('runs a mentorship from request to feedback, telling the other party at each step', async () => {
    const w = await mentoringWorld(t);
    expect(w.ayu.sex).toBe('female');
    const offered = await w.ok('GET', `/api/v1/community/${w.program.id}/mentors?topic=marketing`, w.ayu);
    expect(offered.items.map((m: { id: string }) => m.id)).toEqual([w.wayan.id]);

    const asked = await w.ok('POST', `/api/v1/community/mentors/${w.wayan.id}/requests`, w.ayu, {
      topic: 'packaging',
      message: 'Kemasan keripik saya mudah lembap.',
    });
    expect(asked).toMatchObject({ status: 'requested', side: 'mentee', mentee: { id: w.ayu.id } });
    expect(await notices(t, w.staff.wayan.id)).toContain('mentoring.requested');

    const accepted = await w.ok('POST', `/api/v1/community/mentorships/${asked.id}/accept`, w.staff.wayan);
    expect(accepted).toMatchObject({
      status: 'accepted',
      side: 'mentor',
      abilities: { record: true, feedback: false },
    });
    expect(await notices(t, w.ayu.id)).toContain('mentoring.accepted');

    const held = await w.request('POST', `/api/v1/community/mentorships/${asked.id}/sessions`, w.staff.wayan, {
      heldOn: '2026-03-10',
      mode: 'phone',
      notes: 'Coba standing pouch dengan zip.',
    });
    expect(held.statusCode).toBe(201);
    const sessionId = held.json().sessions[0].id as string;
    expect(await notices(t, w.ayu.id)).toContain('mentoring.session');

    const todo = await w.ok('POST', `/api/v1/community/mentoring-sessions/${sessionId}/follow-ups`, w.ayu, {
      text: 'Tanya harga pouch ke pemasok',
    });
    const followUp = todo.sessions[0].followUps[0];
    expect(followUp).toMatchObject({ text: 'Tanya harga pouch ke pemasok', done: false });
    const ticked = await w.ok(
      'PATCH',
      `/api/v1/community/mentoring-sessions/${sessionId}/follow-ups/${followUp.id}`,
      w.staff.wayan,
      { done: true },
    );
    expect(ticked.sessions[0].followUps[0].done).toBe(true);

    const rated = await w.ok('POST', `/api/v1/community/mentoring-sessions/${sessionId}/feedback`, w.ayu, {
      rating: 5,
      comment: 'Sangat membantu',
    });
    expect(rated.sessions[0].feedback).toMatchObject({ rating: 5, comment: 'Sangat membantu' });
    expect(await notices(t, w.staff.wayan.id)).toContain('mentoring.feedback');

    const again = await w.request('POST', `/api/v1/community/mentoring-sessions/${sessionId}/feedback`, w.ayu, {
      rating: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('feedback-given');

    const mine = await w.ok('GET', `/api/v1/community/${w.program.id}/mentorships`, w.ayu);
    expect(mine.items.map((m: { id: string }) => m.id)).toEqual([asked.id]);
    const audit = await w.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'community_mentorship' AND entity_id = $1 ORDER BY id",
      [asked.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'community.mentoring.request',
      'community.mentoring.accept',
      'community.mentoring.session',
      'community.mentoring.feedback',
    ]);
  });

  it('keeps a declined request from sessions, and lets only the mentor decide, once', async () => {
    const w = await mentoringWorld(t);
    const asked = await w.ok('POST', `/api/v1/community/mentors/${w.wayan.id}/requests`, w.rina, {
      topic: 'marketing',
      message: 'Bagaimana menjual ke hotel?',
    });
    const byMentee = await w.request('POST', `/api/v1/community/mentorships/${asked.id}/accept`, w.rina);
    expect(byMentee.statusCode).toBe(403);
    const byManager = await w.request('POST', `/api/v1/community/mentorships/${asked.id}/decline`, w.staff.manager, {
      reason: 'Penuh',
    });
    expect(byManager.statusCode).toBe(403);

    const noReason = await w.request('POST', `/api/v1/community/mentorships/${asked.id}/decline`, w.staff.wayan, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    const declined = await w.ok('POST', `/api/v1/community/mentorships/${asked.id}/decline`, w.staff.wayan, {
      reason: 'Bulan ini saya di luar kota.',
    });
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'Bulan ini saya di luar kota.' });
    expect(await notices(t, w.rina.id)).toContain('mentoring.declined');

    const session = await w.request('POST', `/api/v1/community/mentorships/${asked.id}/sessions`, w.staff.wayan, {
      heldOn: '2026-03-10',
      mode: 'online',
    });
    expect(session.statusCode).toBe(422);
    expect(session.json()).toMatchObject({ code: 'mentorship-not-accepted', params: { status: 'declined' } });
    const twice = await w.request('POST', `/api/v1/community/mentorships/${asked.id}/accept`, w.staff.wayan);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('mentorship-decided');
  });

  it('stops offering a mentor at capacity and refuses a request over it', async () => {
    const w = await mentoringWorld(t);
    await w.ok('POST', `/api/v1/community/mentors/${w.ketut.id}/requests`, w.ayu, {
      topic: 'packaging',
      message: 'Label halal?',
    });
    const offered = await w.ok('GET', `/api/v1/community/${w.program.id}/mentors?topic=packaging`, w.rina);
    expect(offered.items.map((m: { id: string }) => m.id)).toEqual([w.wayan.id]);
    const over = await w.request('POST', `/api/v1/community/mentors/${w.ketut.id}/requests`, w.rina, {
      topic: 'packaging',
      message: 'Saya juga',
    });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'mentor-at-capacity', params: { capacity: 1 } });
    const offTopic = await w.request('POST', `/api/v1/community/mentors/${w.wayan.id}/requests`, w.rina, {
      topic: 'export',
      message: 'Ekspor ke Jepang?',
    });
    expect(offTopic.statusCode).toBe(400);
    expect(offTopic.json().errors[0]).toMatchObject({ path: 'topic', code: 'not_mentor_topic' });
  });

  it('shows the notes to the two parties and the community manager over the mentee’s village only', async () => {
    const w = await mentoringWorld(t);
    const asked = await w.ok('POST', `/api/v1/community/mentors/${w.wayan.id}/requests`, w.ayu, {
      topic: 'packaging',
      message: 'Kemasan?',
    });
    await w.ok('POST', `/api/v1/community/mentorships/${asked.id}/accept`, w.staff.wayan);
    await w.ok('POST', `/api/v1/community/mentorships/${asked.id}/sessions`, w.ayu, {
      heldOn: '2026-03-11',
      mode: 'in_person',
      notes: 'Catatan rahasia',
    });
    const url = `/api/v1/community/mentorships/${asked.id}`;
    for (const who of [w.ayu, w.staff.wayan, w.staff.karangasem, w.staff.manager]) {
      const r = await w.request('GET', url, who);
      expect(r.statusCode).toBe(200);
      expect(r.json().sessions[0].notes).toBe('Catatan rahasia');
    }
    for (const who of [w.rina, w.staff.lombok, w.staff.ketut, w.staff.facilitator, w.staff.otherTrainer, w.stranger]) {
      expect((await w.request('GET', url, who)).statusCode).toBe(404);
      const listed = await w.request('GET', `/api/v1/community/${w.program.id}/mentorships`, who);
      expect(listed.body).not.toContain('Catatan rahasia');
    }
    expect((await w.request('GET', url)).statusCode).toBe(401);
    const byOverseer = await w.request('POST', `${url}/sessions`, w.staff.karangasem, {
      heldOn: '2026-03-12',
      mode: 'phone',
    });
    expect(byOverseer.statusCode).toBe(403);
    const sessionId = (await w.ok('GET', url, w.ayu)).sessions[0].id;
    const byMentor = await w.request(
      'POST',
      `/api/v1/community/mentoring-sessions/${sessionId}/feedback`,
      w.staff.wayan,
      {
        rating: 5,
      },
    );
    expect(byMentor.statusCode).toBe(403);
    expect(byMentor.json().code).toBe('mentee-gives-feedback');
  });

  it('lets only welcomed members ask, and only trainers of the program mentor', async () => {
    const w = await mentoringWorld(t);
    const body = { topic: 'packaging', message: 'Tolong' };
    const byStaff = await w.request(
      'POST',
      `/api/v1/community/mentors/${w.wayan.id}/requests`,
      w.staff.karangasem,
      body,
    );
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.json().code).toBe('community-members-only');
    for (const who of [w.stranger, w.staff.facilitator, w.staff.otherTrainer]) {
      expect((await w.request('POST', `/api/v1/community/mentors/${w.wayan.id}/requests`, who, body)).statusCode).toBe(
        404,
      );
      expect((await w.request('GET', `/api/v1/community/${w.program.id}/mentors`, who)).statusCode).toBe(404);
    }
    const own = await w.request('POST', `/api/v1/community/mentors/${w.wayan.id}/requests`, w.staff.wayan, body);
    expect(own.statusCode).toBe(403);

    const profile = { topics: ['export'], languages: ['ja'], monthlyCapacity: 3 };
    const byManager = await w.request(
      'PUT',
      `/api/v1/community/${w.program.id}/mentors/me`,
      w.staff.karangasem,
      profile,
    );
    expect(byManager.statusCode).toBe(403);
    expect(byManager.json().code).toBe('mentors-are-trainers');
    const byMember = await w.request('PUT', `/api/v1/community/${w.program.id}/mentors/me`, w.ayu, profile);
    expect(byMember.statusCode).toBe(404);
    const byOtherProgram = await w.request(
      'PUT',
      `/api/v1/community/${w.program.id}/mentors/me`,
      w.staff.otherTrainer,
      profile,
    );
    expect(byOtherProgram.statusCode).toBe(404);
    const bad = await w.request('PUT', `/api/v1/community/${w.program.id}/mentors/me`, w.staff.wayan, {
      topics: [],
      languages: ['xx'],
      monthlyCapacity: -1,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['languages.0', 'monthlyCapacity', 'topics']);
    const mine = await w.ok('GET', `/api/v1/community/${w.program.id}/mentors/me`, w.staff.wayan);
    expect(mine).toMatchObject({ mayMentor: true, mentor: { monthlyCapacity: 2, version: 1 } });
  });

  it('lets only one of two requests racing for a mentor’s last place have it', async () => {
    const w = await mentoringWorld(t);
    const body = { topic: 'packaging', message: 'Kemasan' };
    const url = `/api/v1/community/mentors/${w.ketut.id}/requests`;
    const answers = await Promise.all([w.request('POST', url, w.ayu, body), w.request('POST', url, w.rina, body)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422]);
  });
});

import type { Session, TestApp } from './app.js';
import { buildProgram, buildStaff, signedIn, STRONG_PASSWORD } from './factories.js';
import { BANYUMULEK, KARANGASEM, LOMBOK_BARAT, SIBETAN } from './registry-fixtures.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A clock that tests move forward: the real time plus what they added. */
export function movableClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms: number) {
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}

/**
 * A program's community: its manager, community managers over the whole program, Karangasem and
 * Lombok Barat, a trainer (a mentor), and members welcomed a month ago from a Karangasem village
 * (Ayu) and a Lombok Barat one (Rina), so the new-member limits do not apply to them.
 */
export async function communityWorld(app: TestApp) {
  const db = app.database.db;
  const program = await buildProgram(db);
  const session = async (s: { user: { email: string } }) => signedIn(app.app, s.user);
  const trainer = await buildStaff(db, 'trainer', { programId: program.id, areaCode: KARANGASEM });
  const staff = {
    manager: await session(await buildStaff(db, 'program_manager', { programId: program.id })),
    community: await session(await buildStaff(db, 'community_manager', { programId: program.id })),
    karangasem: await session(
      await buildStaff(db, 'community_manager', { programId: program.id, areaCode: KARANGASEM }),
    ),
    lombok: await session(await buildStaff(db, 'community_manager', { programId: program.id, areaCode: LOMBOK_BARAT })),
    trainer: await session(trainer),
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
  /** Joins and is welcomed by the program manager a month ago; signs in with the account opened. */
  async function member(name: string, areaCode: string) {
    n += 1;
    const email = `member${n}-${crypto.randomUUID().slice(0, 8)}@example.id`;
    const join = await request('POST', `/api/v1/community/${program.id}/joins`, undefined, {
      name,
      email,
      areaCode,
      rulesVersion: 1,
      acceptRules: true,
    });
    const id = join.json().id as string;
    const decided = await ok('POST', `/api/v1/community/joins/${id}/welcome`, staff.manager);
    await db.query(`UPDATE community_joins SET decided_at = now() - interval '30 days' WHERE id = $1`, [id]);
    const token = decided.invitation.path.split('#')[1];
    await app.request({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, password: STRONG_PASSWORD },
    });
    return { id, email, userId: decided.join.userId as string, session: await signedIn(app.app, { email }) };
  }
  const ayu = await member('Ni Made Ayu', SIBETAN);
  const rina = await member('Baiq Rina', BANYUMULEK);
  const all = (await ok('GET', `/api/v1/community/${program.id}/spaces`, staff.manager)).items as {
    id: string;
    topic: string | null;
    area: { code: string } | null;
  }[];
  const space = (key: string) => all.find((s) => s.topic === key || s.area?.code === key)!.id;
  const thread = async (spaceId: string, who: Session, body: Record<string, unknown> = {}) =>
    (await ok('POST', `/api/v1/community/spaces/${spaceId}/threads`, who, {
      title: 'Kemasan keripik salak',
      body: 'Plastik apa yang bagus untuk keripik salak?',
      kind: 'question',
      ...body,
    })) as { id: string; posts: { id: string }[] };
  return { program, staff, trainerUser: trainer.user, request, ok, member, ayu, rina, space, thread };
}

import type { Role } from '../src/server/http/context.js';
import type { TestApp, Session } from './app.js';
import { buildProgram, buildStaff, buildUser, signedIn, system } from './factories.js';
import { grantRole } from '../src/server/modules/programs/index.js';

/** Real villages of the test provinces: two in Karangasem (Bali), one in Lombok Barat (NTB). */
export const SIBETAN = '51.07.06.2004';
export const KARANGASEM = '51.07';
export const BANYUMULEK = '52.01.02.2006';
export const LOMBOK_BARAT = '52.01';

/**
 * A program with a village and a producer group in Karangasem and another in Lombok Barat, and
 * a signed-in session for any role, scoped as asked.
 */
export async function registryWorld(t: TestApp) {
  const db = t.database.db;
  const program = await buildProgram(db);
  const admin = await signedIn(t.app, await buildUser(db, { isAdmin: true }));
  const post = async (url: string, payload: object) => {
    const r = await t.request({ method: 'POST', url, as: admin, payload });
    if (r.statusCode !== 201) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const secondVillage = await db.query<{ code: string }>(
    `SELECT code FROM geography_areas WHERE parent_code = '51.07.06' AND code <> $1 ORDER BY code LIMIT 1`,
    [SIBETAN],
  );
  const bali = await post('/api/v1/villages', {
    programId: program.id,
    areaCode: SIBETAN,
    profile: { population: 6000, potentials: ['salak'] },
  });
  const bali2 = await post('/api/v1/villages', {
    programId: program.id,
    areaCode: secondVillage[0]!.code,
    profile: {},
  });
  const lombok = await post('/api/v1/villages', {
    programId: program.id,
    areaCode: BANYUMULEK,
    profile: { potentials: ['gerabah'] },
  });
  const baliGroup = await post('/api/v1/groups', {
    programId: program.id,
    villageId: bali.id,
    name: 'Kelompok Tani Salak Sibetan',
    kind: 'farmer_group',
  });
  const lombokGroup = await post('/api/v1/groups', {
    programId: program.id,
    villageId: lombok.id,
    name: 'KWT Gerabah Banyumulek',
    kind: 'women_group',
  });

  /** A signed-in user with one role in the program, narrowed to an area or a group. */
  async function as(role: Role, scope: { areaCode?: string; groupId?: string } = {}): Promise<Session> {
    const { user } = await buildStaff(db, role, { programId: program.id, ...scope });
    return signedIn(t.app, user);
  }
  async function alsoGrant(userId: string, role: Role, scope: { areaCode?: string; groupId?: string } = {}) {
    await grantRole(system(db), program.id, { userId, role, ...scope });
  }
  return {
    program,
    admin,
    villages: { bali, bali2, lombok },
    groups: { bali: baliGroup, lombok: lombokGroup },
    as,
    alsoGrant,
    post,
  };
}

export const paths = (r: { json(): { errors?: { path: string }[] } }) =>
  (r.json().errors ?? []).map((e) => e.path).sort();

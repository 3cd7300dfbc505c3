import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/server/db/database.js';
import { systemActor, type Role } from '../src/server/http/context.js';
import { createProgram, grantRole } from '../src/server/modules/programs/index.js';
import { createUser } from '../src/server/modules/platform/index.js';
import { ORIGIN, testConfig, type Session } from './app.js';
import { PersonalDataCipher } from '../src/server/crypto/personal-data.js';

export const testCipher = new PersonalDataCipher(testConfig.secret);

export const system = (db: Database) => ({ db, actor: systemActor, requestId: 'test', cipher: testCipher });
const unique = () => randomBytes(4).toString('hex');

export const STRONG_PASSWORD = 'kopi-salak-Karangasem-2026';

export async function buildUser(db: Database, overrides: { email?: string; name?: string; isAdmin?: boolean } = {}) {
  const { user } = await createUser(system(db), {
    email: overrides.email ?? `user-${unique()}@example.id`,
    name: overrides.name ?? 'Ni Luh Putu Sari',
    password: STRONG_PASSWORD,
    locale: 'id',
    isAdmin: overrides.isAdmin ?? false,
  });
  return user;
}

export async function buildProgram(db: Database, overrides: { code?: string; country?: string } = {}) {
  const { program } = await createProgram(system(db), {
    code: overrides.code ?? `OVOP-${unique().toUpperCase()}`,
    name: 'OVOP Indonesia (test)',
    country: overrides.country ?? 'ID',
    currency: 'IDR',
    locales: ['id', 'en', 'ja'],
    startedOn: '2026-01-01',
    categories: [{ code: 'food', name: { id: 'Makanan', en: 'Food' } }],
  });
  return program;
}

/** A user holding one role in a program (building the program when none is given). */
export async function buildStaff(
  db: Database,
  role: Role,
  options: { programId?: string; areaCode?: string; groupId?: string } = {},
) {
  const programId = options.programId ?? (await buildProgram(db)).id;
  const user = await buildUser(db);
  await grantRole(system(db), programId, {
    userId: user.id,
    role,
    areaCode: options.areaCode,
    groupId: options.groupId,
  });
  return { user, programId };
}

/** Signs in over HTTP, as a browser would, and returns the headers that carry the session. */
export async function signIn(app: FastifyInstance, email: string, password = STRONG_PASSWORD): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    headers: { host: 'localhost:3000', origin: ORIGIN },
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'ovop_session');
  if (!cookie) throw new Error('sign-in set no session cookie');
  return { headers: { cookie: `ovop_session=${cookie.value}` } };
}

export async function signedIn(app: FastifyInstance, user: { email: string }): Promise<Session> {
  return signIn(app, user.email);
}

import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { Database } from '../src/server/db/database.js';
import { systemContext, type Role } from '../src/server/http/context.js';
import { fileStorageFor } from '../src/server/app.js';
import { createProgramFromPack, installPack } from '../src/server/modules/countries/index.js';
import { createProgram, grantRole } from '../src/server/modules/programs/index.js';
import { createUser } from '../src/server/modules/platform/index.js';
import { registryExportReadinessCheck } from '../src/server/modules/quality/index.js';
import { createProduct, enrolVillage, registerGroup } from '../src/server/modules/registry/index.js';
import { ORIGIN, testConfig, type Session, type TestApp } from './app.js';
import { PersonalDataCipher } from '../src/server/crypto/personal-data.js';

export const testCipher = new PersonalDataCipher(testConfig.secret);

export const testFiles = fileStorageFor(testConfig);

export const system = (db: Database) => systemContext(db, { requestId: 'test', cipher: testCipher, files: testFiles });
const unique = () => randomBytes(4).toString('hex');

export const STRONG_PASSWORD = 'kopi-salak-Karangasem-2026';

export async function buildUser(db: Database, overrides: { email?: string; name?: string; isAdmin?: boolean } = {}) {
  const email = overrides.email ?? `user-${unique()}@example.id`;
  const { record: user } = await createUser(system(db), {
    email,
    name: overrides.name ?? 'Ni Luh Putu Sari',
    password: STRONG_PASSWORD,
    locale: 'id',
    isAdmin: overrides.isAdmin ?? false,
  });
  return { ...user, email }; // made with an email, so it has one
}

export async function buildProgram(db: Database, overrides: { code?: string; country?: string } = {}) {
  const { record: program } = await createProgram(system(db), {
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
/** Installs a country's pack (once is enough; again changes nothing) and starts a program from it. */
export async function buildPackProgram(db: Database, country: string, code: string, startedOn = '2026-01-01') {
  await installPack(db, country);
  return createProgramFromPack(system(db), { country, code, name: `${code} (test)`, startedOn });
}

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

/** Sibetan, Karangasem, Bali: a village in the test database's fixture areas. */
export const SIBETAN = '51.07.06.2004';

/** A village enrolled in a program (building the program when none is given). */
export async function buildVillage(db: Database, options: { programId?: string; areaCode?: string } = {}) {
  const programId = options.programId ?? (await buildProgram(db)).id;
  const { record: village } = await enrolVillage(system(db), {
    programId,
    areaCode: options.areaCode ?? SIBETAN,
    profile: {},
  });
  return village;
}

/** A producer group in an enrolled village (building the village and program when none is given). */
export async function buildGroup(
  db: Database,
  options: { village?: { id: string; programId: string }; programId?: string; areaCode?: string; name?: string } = {},
) {
  const village = options.village ?? (await buildVillage(db, options));
  const { record: group } = await registerGroup(system(db), {
    programId: village.programId,
    villageId: village.id,
    name: options.name ?? 'Kelompok Tani Salak Sibetan',
    kind: 'farmer_group',
    legalIds: {},
    contact: {},
  });
  return group;
}

/** The id of the n-th product publishInOrder wrote (from 1): ids sort as n does. */
export const orderedId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Published products of a group written in one statement, one per text (its name and search text),
 * the n-th with orderedId(n): where a word lies in the catalog's id order is known.
 */
export async function publishInOrder(db: Database, groupId: string, texts: string[]): Promise<void> {
  await db.query(
    `INSERT INTO products (id, program_id, group_id, area_path, name, description, story, category, unit,
       price_minor, currency, status, search_text)
     SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, g.program_id, g.id, g.area_path,
       jsonb_build_object('id', ($2::text[])[n]), '{}', '{}', 'food', 'kg', 1000, 'IDR', 'ready', ($2::text[])[n]
     FROM producer_groups g, generate_series(1, $3::int) n WHERE g.id = $1`,
    [groupId, texts, texts.length],
  );
}

/** A product of a group (building the group when none is given); ready to sell unless told otherwise. */
export async function buildProduct(
  db: Database,
  options: {
    groupId?: string;
    name?: Record<string, string>;
    description?: Record<string, string>;
    story?: Record<string, string>;
    status?: 'draft' | 'ready' | 'export_ready';
    hsCode?: string;
  } = {},
) {
  const groupId = options.groupId ?? (await buildGroup(db)).id;
  const { record: product } = await createProduct(
    system(db),
    { exportReadiness: registryExportReadinessCheck },
    {
      groupId,
      name: options.name ?? { id: 'Keripik salak', en: 'Salak chips', ja: 'サラクチップス' },
      description: options.description ?? { id: 'Keripik renyah dari salak Bali.', en: 'Crisps of Bali snake fruit.' },
      story: options.story ?? {},
      category: 'food',
      unit: '100 g',
      price: { amount: '12900.00', currency: 'IDR' },
      hsCode: options.hsCode ?? null,
      status: options.status ?? 'ready',
    },
  );
  return product;
}

/**
 * Uploads a plain photo of `background` colour (1200 × 900 JPEG) to a product, as `as` would from the
 * app; answers the photo as the API gives it.
 */
export async function uploadProductPhoto(
  t: TestApp,
  productId: string,
  as: Session,
  background: string,
): Promise<{ url: string; thumbnailUrl: string; width: number; height: number }> {
  const image = await sharp({ create: { width: 1200, height: 900, channels: 3, background } })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'photo.jpg');
  const upload = await t.request({ method: 'POST', url: `/api/v1/products/${productId}/photos`, as, payload: form });
  if (upload.statusCode !== 201) throw new Error(`photo upload: ${upload.statusCode} ${upload.body}`);
  return upload.json();
}

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../test/app.js';
import { buildStaff, buildUser, signedIn, testCipher } from '../../../test/factories.js';
import { OCOP_TEMPLATE_ID, qualityWorld, salakChips, validPirt } from '../../../test/quality-fixtures.js';
import { KARANGASEM, LOMBOK_BARAT, registryWorld } from '../../../test/registry-fixtures.js';
import { trainingWorld } from '../../../test/training-fixtures.js';
import type { Role } from '../http/context.js';
import { systemActor } from '../http/context.js';
import { listMigrations } from '../db/migrate.js';
import { LINK_LIFETIME_SECONDS, mediaUrl } from './media-links.js';

const t = useTestApp();

const PDF = Buffer.from('%PDF-1.4\n% a private document\n');

/** A link to `key` signed for an account as the server would sign it, at a given moment. */
const linkFor = (accountId: string, key: string, at = new Date()) =>
  mediaUrl({ actor: { ...systemActor, id: accountId }, cipher: testCipher, clock: { now: () => at } }, key);

const keyOf = (url: string) => new URL(url, 'http://x').pathname.slice('/media/'.length);

function upload(method: 'POST' | 'PUT', url: string, field: string, as: Session) {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'document.pdf');
  return t.request({ method, url, as, payload: form });
}

interface PrivateFile {
  /** The file's link as the record's answer gives it to the caller, or undefined when they may not read the record. */
  linkAs(as: Session): Promise<string | undefined>;
  admin: Session;
  programId: string;
  /** A staff member who reads the record, and one whose grants reach elsewhere. */
  inScope: Session;
  outOfScope: Session & { userId: string };
  /** The grant that lets an account read the record. */
  grant: { role: Role; areaCode?: string; groupId?: string };
}

async function answerOf(url: string, as: Session) {
  const r = await t.request({ method: 'GET', url, as });
  return r.statusCode === 200 ? r.json() : undefined;
}

const kinds: [string, () => Promise<PrivateFile>][] = [
  [
    'assessment evidence',
    async () => {
      const w = await qualityWorld(t);
      const scheme = await w.scheme(OCOP_TEMPLATE_ID);
      const a = await w.post('/api/v1/assessments', {
        productId: w.products.bali.id,
        schemeId: scheme.id,
        year: 2026,
        panelTier: 'national',
        assessedOn: '2026-06-01',
      });
      expect((await upload('POST', `/api/v1/assessments/${a.id}/evidence`, 'file', w.admin)).statusCode).toBe(201);
      const { user } = await buildStaff(t.database.db, 'facilitator', {
        programId: w.program.id,
        areaCode: LOMBOK_BARAT,
      });
      return {
        linkAs: async (as) => (await answerOf(`/api/v1/assessments/${a.id}`, as))?.evidence[0]?.url,
        admin: w.admin,
        programId: w.program.id,
        inScope: await w.as('facilitator', { areaCode: KARANGASEM }),
        outOfScope: { ...(await signedIn(t.app, user)), userId: user.id },
        grant: { role: 'facilitator', areaCode: KARANGASEM },
      };
    },
  ],
  [
    "a certificate's document",
    async () => {
      const w = await qualityWorld(t);
      const cert = await w.post('/api/v1/certifications', validPirt(w.products.bali.id));
      expect((await upload('PUT', `/api/v1/certifications/${cert.id}/document`, 'document', w.admin)).statusCode).toBe(
        200,
      );
      const { user } = await buildStaff(t.database.db, 'facilitator', {
        programId: w.program.id,
        areaCode: LOMBOK_BARAT,
      });
      return {
        linkAs: async (as) => (await answerOf(`/api/v1/certifications/${cert.id}`, as))?.document?.url,
        admin: w.admin,
        programId: w.program.id,
        inScope: await w.as('group_manager', { groupId: w.groups.bali.id }),
        outOfScope: { ...(await signedIn(t.app, user)), userId: user.id },
        grant: { role: 'group_member', groupId: w.groups.bali.id },
      };
    },
  ],
  [
    'a course material',
    async () => {
      const w = await trainingWorld(t);
      const course = await w.course();
      expect(
        (await upload('POST', `/api/v1/courses/${course.id}/materials?title=Modul`, 'file', w.trainer)).statusCode,
      ).toBe(201);
      // Courses are read across the whole program: out of scope is another program's staff.
      const { user } = await buildStaff(t.database.db, 'trainer');
      return {
        linkAs: async (as) => (await answerOf(`/api/v1/courses/${course.id}`, as))?.files[0]?.url,
        admin: w.admin,
        programId: w.program.id,
        inScope: await w.as('group_member', { groupId: w.groups.lombok.id }),
        outOfScope: { ...(await signedIn(t.app, user)), userId: user.id },
        grant: { role: 'group_member', groupId: w.groups.lombok.id },
      };
    },
  ],
];

const get = (url: string, as?: Session) => t.request({ method: 'GET', url, ...(as ? { as } : {}) });

function expectPrivateFile(r: Awaited<ReturnType<typeof get>>) {
  expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
  expect(r.body).toBe(PDF.toString());
  expect(r.headers['cache-control']).toBe('private, no-store');
}

function expectRefused(r: Awaited<ReturnType<typeof get>>, status: 403 | 404) {
  expect(r.statusCode).toBe(status);
  expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(r.body).not.toContain('private document');
}

describe.each(kinds)('%s', (_name, setUp) => {
  it('is refused to an anonymous caller without a link, and has no public address', async () => {
    const file = await setUp();
    const link = (await file.linkAs(file.inScope))!;
    expect(link).toMatch(/^\/media\/[a-z]+\/.+\?expires=\d+&account=.+&signature=.+$/);
    expectRefused(await get(`/media/${keyOf(link)}`), 404);
  });

  it('opens for in-scope staff, by their link without a cookie and by their session, never cached', async () => {
    const file = await setUp();
    const link = (await file.linkAs(file.inScope))!;
    expectPrivateFile(await get(link));
    expectPrivateFile(await get(link, file.inScope));
    expectPrivateFile(await get(`/media/${keyOf(link)}`, file.inScope));
  });

  it('stays shut to out-of-scope staff: no link in the answer, 404 by session and by a link signed for them', async () => {
    const file = await setUp();
    expect(await file.linkAs(file.outOfScope)).toBeUndefined();
    const key = keyOf((await file.linkAs(file.inScope))!);
    expectRefused(await get(`/media/${key}`, file.outOfScope), 404);
    const theirs = linkFor(file.outOfScope.userId, key);
    expectRefused(await get(theirs), 404);
    expectRefused(await get(theirs, file.outOfScope), 404);
  });

  it('refuses an expired link with a 403', async () => {
    const file = await setUp();
    const link = (await file.linkAs(file.inScope))!;
    const account = new URL(link, 'http://x').searchParams.get('account')!;
    const lapsed = linkFor(account, keyOf(link), new Date(Date.now() - (LINK_LIFETIME_SECONDS + 1) * 1000));
    expectRefused(await get(lapsed), 403);
    expect((await get(lapsed)).json().detail).toMatch(/expired/);
  });

  it('refuses a tampered link with a 403: another signature, account, expiry or file', async () => {
    const file = await setUp();
    const link = (await file.linkAs(file.inScope))!;
    const url = new URL(link, 'http://x');
    const altered = (name: string, value: string) => {
      const copy = new URL(url);
      copy.searchParams.set(name, value);
      return `${copy.pathname}${copy.search}`;
    };
    const signature = url.searchParams.get('signature')!;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expectRefused(await get(altered('signature', flipped)), 403);
    expectRefused(await get(altered('account', file.outOfScope.userId)), 403);
    expectRefused(await get(altered('expires', String(Number(url.searchParams.get('expires')) + 3600))), 403);
    const otherFile = link.replace(/\/[0-9a-f-]+\.pdf\?/, '/01936a3e-7b7c-7cc0-8000-000000000001.pdf?');
    expectRefused(await get(otherFile), 403);
  });

  it('stops opening once the role that read it is revoked, for old and fresh links alike', async () => {
    const file = await setUp();
    const user = await buildUser(t.database.db);
    const granted = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${file.programId}/roles`,
      as: file.admin,
      payload: { userId: user.id, ...file.grant },
    });
    expect(granted.statusCode).toBe(201);
    const session = await signedIn(t.app, user);
    const link = (await file.linkAs(session))!;
    expectPrivateFile(await get(link));
    const revoked = await t.request({
      method: 'DELETE',
      url: `/api/v1/programs/${file.programId}/roles/${granted.json().id}`,
      as: file.admin,
    });
    expect(revoked.statusCode).toBe(204);
    expectRefused(await get(link), 404);
    expectRefused(await get(link, session), 404);
    expect(await file.linkAs(session)).toBeUndefined();
    expectRefused(await get(linkFor(user.id, keyOf(link))), 404);
  });
});

describe('a product photo', () => {
  it('stays public at its permanent address, cached for a year', async () => {
    const w = await registryWorld(t);
    const product = await w.post('/api/v1/products', salakChips(w.groups.bali.id));
    const form = new FormData();
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#c00' } })
      .png()
      .toBuffer();
    form.append('photo', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'salak.png');
    const stored = await t.request({
      method: 'POST',
      url: `/api/v1/products/${product.id}/photos`,
      as: w.admin,
      payload: form,
    });
    expect(stored.statusCode).toBe(201);
    for (const url of [stored.json().url, stored.json().thumbnailUrl]) {
      expect(url).toMatch(/^\/media\/products\/[^?]+\.webp$/);
      const photo = await get(url);
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['content-type']).toBe('image/webp');
      expect(photo.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });
});

describe('course materials stored before links were signed', () => {
  it('are moved from their public address to their storage key, and open by a signed link', async () => {
    const w = await trainingWorld(t);
    const course = await w.course();
    const key = `courses/${course.id}/01936a3e-7b7c-7cc0-8000-0000000000aa.pdf`;
    await t.app.files.put(key, PDF);
    const old = { id: '01936a3e-7b7c-7cc0-8000-0000000000aa', title: 'Modul', url: `/media/${key}` };
    await t.database.db.query(`UPDATE courses SET files = $2::jsonb WHERE id = $1`, [
      course.id,
      JSON.stringify([{ ...old, contentType: 'application/pdf', byteSize: PDF.length }]),
    ]);
    const migration = listMigrations().find((m) => m.name === '0010_private_course_materials.sql')!;
    await t.database.db.query(migration.sql);
    const [row] = await t.database.db.query<{ files: unknown }>('SELECT files FROM courses WHERE id = $1', [course.id]);
    expect(row!.files).toEqual([
      { id: old.id, title: 'Modul', key, contentType: 'application/pdf', byteSize: PDF.length },
    ]);
    const answer = await t.request({ method: 'GET', url: `/api/v1/courses/${course.id}`, as: w.trainer });
    const link = answer.json().files[0].url;
    expect(link).toContain('signature=');
    expectPrivateFile(await get(link));
    expectRefused(await get(old.url), 404);
  });
});

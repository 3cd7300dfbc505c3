import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { testConfig, useTestApp, type Session } from '../../../test/app.js';
import { hugePng } from '../../../test/images.js';
import { OCOP_TEMPLATE_ID, qualityWorld, salakChips, validPirt } from '../../../test/quality-fixtures.js';
import { paths, registryWorld } from '../../../test/registry-fixtures.js';
import { trainingWorld } from '../../../test/training-fixtures.js';

const t = useTestApp();

/** Every upload route takes files up to 8 MiB. */
const LIMIT = 8 * 1024 * 1024;

/** How many files the storage holds under a folder (the data folder of the test app). */
async function filesUnder(folder: string): Promise<number> {
  try {
    return (await readdir(join(testConfig.dataDir, 'files', folder), { recursive: true, withFileTypes: true })).filter(
      (e) => e.isFile(),
    ).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/** A file of exactly `size` bytes that starts as the given content (a real image or a PDF header). */
const paddedTo = (head: Buffer, size: number): Buffer => Buffer.concat([head, Buffer.alloc(size - head.length)]);

interface UploadRoute {
  method: 'POST' | 'PUT';
  url: string;
  field: string;
  session: Session;
  head: Buffer;
  /** Rows and files stored for the record so far. */
  stored(): Promise<{ rows: number; files: number }>;
}

const count = async (sql: string, id: string) => Number((await t.database.db.query<{ n: number }>(sql, [id]))[0]!.n);

const PDF = Buffer.from('%PDF-1.4\n% handout\n');

const routes: [string, () => Promise<UploadRoute>][] = [
  [
    'a product photo',
    async () => {
      const w = await registryWorld(t);
      const product = await w.post('/api/v1/products', salakChips(w.groups.bali.id));
      const head = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
        .png()
        .toBuffer();
      return {
        method: 'POST',
        url: `/api/v1/products/${product.id}/photos`,
        field: 'photo',
        session: w.admin,
        head,
        stored: async () => ({
          rows: await count('SELECT count(*)::int AS n FROM product_photos WHERE product_id = $1', product.id),
          files: await filesUnder(`products/${product.id}`),
        }),
      };
    },
  ],
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
      return {
        method: 'POST',
        url: `/api/v1/assessments/${a.id}/evidence`,
        field: 'file',
        session: w.admin,
        head: PDF,
        stored: async () => ({
          rows: await count('SELECT count(*)::int AS n FROM assessment_evidence WHERE assessment_id = $1', a.id),
          files: await filesUnder(`assessments/${a.id}`),
        }),
      };
    },
  ],
  [
    "a certificate's document",
    async () => {
      const w = await qualityWorld(t);
      const cert = await w.post('/api/v1/certifications', validPirt(w.products.bali.id));
      return {
        method: 'PUT',
        url: `/api/v1/certifications/${cert.id}/document`,
        field: 'document',
        session: w.admin,
        head: PDF,
        stored: async () => ({
          rows: await count(
            'SELECT count(*)::int AS n FROM certifications WHERE id = $1 AND document_key IS NOT NULL',
            cert.id,
          ),
          files: await filesUnder(`certifications/${cert.id}`),
        }),
      };
    },
  ],
  [
    'a course material',
    async () => {
      const w = await trainingWorld(t);
      const course = await w.course();
      return {
        method: 'POST',
        url: `/api/v1/courses/${course.id}/materials?title=Modul`,
        field: 'file',
        session: w.trainer,
        head: PDF,
        stored: async () => ({
          rows: await count('SELECT jsonb_array_length(files) AS n FROM courses WHERE id = $1', course.id),
          files: await filesUnder(`courses/${course.id}`),
        }),
      };
    },
  ],
];

const BOUNDARY = 'ovop-upload-boundary';

/**
 * Sends the file as a multipart body arriving in pieces of `piece` bytes counted from the file's
 * first byte, as a network delivers it: the parser sees the limit fall between two pieces.
 */
function send(route: UploadRoute, data: Buffer, piece = data.length) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${route.field}"; filename="upload.bin"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const pieces: Buffer[] = [head];
  for (let at = 0; at < data.length; at += piece) pieces.push(data.subarray(at, at + piece));
  pieces.push(tail);
  return t.request({
    method: route.method,
    url: route.url,
    as: route.session,
    headers: {
      ...route.session.headers,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      'content-length': String(head.length + data.length + tail.length),
    },
    payload: Readable.from(pieces, { objectMode: false }),
  });
}

/** Piece sizes for the tries: most divide the limit (a piece ends exactly on it), some do not. */
const PIECES = [LIMIT, 1 << 22, 1 << 20, 1 << 16, 1 << 14, 1 << 12, 65_537, 1_000_003, 8_192, 16_385];

describe.each(routes)('an upload of %s', (_name, setUp) => {
  it('takes a file of exactly the limit and refuses one byte more with a 413 naming the field, storing nothing', async () => {
    const route = await setUp();
    const atLimit = await send(route, paddedTo(route.head, LIMIT));
    expect(atLimit.statusCode, atLimit.body).toBeLessThan(300);
    const before = await route.stored();
    expect(before.rows).toBe(1);
    const over = paddedTo(route.head, LIMIT + 1);
    // The truncation came and went with how the body's chunks fell: every try must be refused.
    for (let i = 0; i < 20; i++) {
      const r = await send(route, over, PIECES[i % PIECES.length]);
      expect(r.statusCode, `try ${i + 1}: ${r.body.slice(0, 200)}`).toBe(413);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(paths(r)).toEqual([route.field]);
    }
    expect(await route.stored()).toEqual(before);
  }, 120_000);
});

describe('a product photo', () => {
  it('is refused before decoding when its header declares more pixels than the limit', async () => {
    const w = await registryWorld(t);
    const product = await w.post('/api/v1/products', salakChips(w.groups.bali.id));
    const png = hugePng(16_000, 16_000);
    expect(png.length).toBeLessThan(2048);
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'huge.png');
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/products/${product.id}/photos`,
      as: w.admin,
      payload: form,
    });
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({ type: '/problems/too-large' });
    expect(paths(r)).toEqual(['photo']);
    expect(await filesUnder(`products/${product.id}`)).toBe(0);
  });
});

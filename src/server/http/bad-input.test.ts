import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../test/app.js';
import { paths, registryWorld } from '../../../test/registry-fixtures.js';

const t = useTestApp();

const UNSTORABLE = 'contains a character that cannot be stored';

/** A bad request is the client's fault: a problem naming the field, with nothing of our insides. */
function expectCleanProblem(r: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  expect(r.statusCode, r.body).toBeLessThan(500);
  expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(r.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
  expect(r.body).not.toMatch(/postgres|pglite|select |insert |\bfrom\b.*\bwhere\b/i);
}

const salakChips = (groupId: string, name: Record<string, string>) => ({
  groupId,
  name,
  description: { id: 'Keripik dari salak Bali.' },
  category: 'food',
  unit: '100 g',
  price: { amount: '12900.00', currency: 'IDR' },
});

describe('text that PostgreSQL cannot store', () => {
  it('refuses a NUL in the search of the public areas and catalog with a 400 naming query.q', async () => {
    for (const url of ['/api/v1/areas?q=%00', '/api/v1/catalog/products?q=salak%00']) {
      const r = await t.request({ method: 'GET', url });
      expect(r.statusCode, url).toBe(400);
      expectCleanProblem(r);
      expect(r.json().errors).toEqual([{ path: 'query.q', code: 'not_storable', params: {}, message: UNSTORABLE }]);
    }
  });

  it('refuses a NUL in a path parameter with a 400 naming it', async () => {
    const r = await t.request({ method: 'GET', url: '/api/v1/areas/51%00' });
    expect(r.statusCode).toBe(400);
    expectCleanProblem(r);
    expect(r.json().errors).toEqual([{ path: 'params.code', code: 'not_storable', params: {}, message: UNSTORABLE }]);
  });

  it('refuses a NUL or a lone surrogate in a body field by its path and writes nothing', async () => {
    const w = await registryWorld(t);
    const groups = await t.database.db.query('SELECT id FROM producer_groups');
    const group = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: w.admin,
      payload: { programId: w.program.id, villageId: w.villages.bali.id, name: 'KWT\u0000', kind: 'women_group' },
    });
    expect(group.statusCode).toBe(400);
    expectCleanProblem(group);
    expect(group.json().errors).toEqual([{ path: 'name', code: 'not_storable', params: {}, message: UNSTORABLE }]);
    expect(await t.database.db.query('SELECT id FROM producer_groups')).toHaveLength(groups.length);

    const product = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      headers: { ...w.admin.headers, 'content-type': 'application/json' },
      payload: JSON.stringify(salakChips(w.groups.bali.id, { id: 'Keripik\u0000', en: 'Chips \ud800' })),
    });
    expect(product.statusCode).toBe(400);
    expectCleanProblem(product);
    expect(paths(product)).toEqual(['name.en', 'name.id']);
    expect(await t.database.db.query('SELECT id FROM products')).toHaveLength(0);
  });

  it('keeps the two public searches free of 5xx for any string with control characters', async () => {
    const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
    const text = fc.array(fc.oneof(control, fc.string({ maxLength: 3 }), fc.constant('\ud800')), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/v1/areas', '/api/v1/catalog/products'), text, async (route, parts) => {
        const q = parts.join('');
        const r = await t.request({ method: 'GET', url: route, query: { q } });
        expect(r.statusCode, JSON.stringify(q)).toBeLessThan(500);
        expect(r.body).not.toMatch(/\bat .*\.(ts|js):\d+|postgres/i);
      }),
      { numRuns: 100 },
    );
  });
});

describe('a bad upload', () => {
  async function productOf(): Promise<{ session: Session; url: string }> {
    const w = await registryWorld(t);
    const product = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: salakChips(w.groups.bali.id, { id: 'Keripik salak' }),
    });
    return { session: w.admin, url: `/api/v1/products/${product.json().id}/photos` };
  }

  it('answers a malformed multipart body with a 400 naming the file field', async () => {
    const { session, url } = await productOf();
    const bodies = [
      // truncated: the closing boundary never comes
      '--xyz\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nabc',
      // not multipart at all
      'just some bytes',
    ];
    for (const payload of bodies) {
      const r = await t.request({
        method: 'POST',
        url,
        as: session,
        headers: { ...session.headers, 'content-type': 'multipart/form-data; boundary=xyz' },
        payload,
      });
      expect(r.statusCode, payload).toBe(400);
      expectCleanProblem(r);
      expect(paths(r)).toEqual(['photo']);
    }
    const noBoundary = await t.request({
      method: 'POST',
      url,
      as: session,
      headers: { ...session.headers, 'content-type': 'multipart/form-data' },
      payload: bodies[0],
    });
    expect(noBoundary.statusCode).toBe(400);
    expectCleanProblem(noBoundary);
    expect(paths(noBoundary)).toEqual(['photo']);
    expect(await t.database.db.query('SELECT 1 FROM product_photos')).toHaveLength(0);
  });

  it('answers an empty photo with a 400 naming the file field', async () => {
    const { session, url } = await productOf();
    const form = new FormData();
    form.append('photo', new Blob([], { type: 'image/jpeg' }), 'empty.jpg');
    const r = await t.request({ method: 'POST', url, as: session, payload: form });
    expect(r.statusCode).toBe(400);
    expectCleanProblem(r);
    expect(paths(r)).toEqual(['photo']);
    expect(await t.database.db.query('SELECT 1 FROM product_photos')).toHaveLength(0);
  });

  it('answers a truncated body or an empty file with a 400 on every upload route', async () => {
    const { session } = await productOf();
    const id = '01936a3e-7b7c-7cc0-8000-000000000001';
    const routes = [
      { method: 'POST', url: `/api/v1/products/${id}/photos`, field: 'photo' },
      { method: 'POST', url: `/api/v1/assessments/${id}/evidence`, field: 'file' },
      { method: 'PUT', url: `/api/v1/certifications/${id}/document`, field: 'document' },
      { method: 'POST', url: `/api/v1/courses/${id}/materials`, field: 'file' },
    ] as const;
    for (const { method, url, field } of routes) {
      const truncated = await t.request({
        method,
        url,
        as: session,
        headers: { ...session.headers, 'content-type': 'multipart/form-data; boundary=xyz' },
        payload: `--xyz\r\nContent-Disposition: form-data; name="${field}"; filename="a"\r\n\r\nabc`,
      });
      expect(truncated.statusCode, url).toBe(400);
      expectCleanProblem(truncated);
      expect(paths(truncated)).toEqual([field]);
      const form = new FormData();
      form.append(field, new Blob([]), 'empty');
      const empty = await t.request({ method, url, as: session, payload: form });
      expect(empty.statusCode, url).toBe(400);
      expect(paths(empty)).toEqual([field]);
    }
  });

  it('refuses a file name that cannot be stored, naming the file field', async () => {
    const { session, url } = await productOf();
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }), 'a\u0000.jpg');
    const r = await t.request({ method: 'POST', url, as: session, payload: form });
    expect(r.statusCode).toBe(400);
    expectCleanProblem(r);
    expect(r.json().errors).toEqual([
      { path: 'photo.filename', code: 'not_storable', params: {}, message: UNSTORABLE },
    ]);
  });
});

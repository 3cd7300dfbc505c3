import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { salakChips } from '../../../test/quality-fixtures.js';
import { registryWorld } from '../../../test/registry-fixtures.js';

const t = useTestApp();

const count = async (table: string) =>
  Number((await t.database.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

describe('unknown fields in a request body', () => {
  it('refuses a misspelt optional field with a 400 naming it, and writes nothing', async () => {
    const w = await registryWorld(t);
    const before = await count('producer_groups');
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: w.admin,
      payload: {
        programId: w.program.id,
        villageId: w.villages.bali.id,
        name: 'KWT Salak Sibetan',
        kind: 'women_group',
        foundedon: '2019-03-08',
      },
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.json()).toMatchObject({ type: '/problems/validation' });
    expect(r.json().errors).toEqual([
      { path: 'foundedon', code: 'unknown_field', params: {}, message: 'is not a known field' },
    ]);
    expect(await count('producer_groups')).toBe(before);
  });

  it('names an unknown key inside a nested object by its full path, one error per key', async () => {
    const w = await registryWorld(t);
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: salakChips(w.groups.bali.id, { price: { amount: '12900', currency: 'IDR', tax: '11', zzz: 1 } }),
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().errors).toEqual([
      { path: 'price.tax', code: 'unknown_field', params: {}, message: 'is not a known field' },
      { path: 'price.zzz', code: 'unknown_field', params: {}, message: 'is not a known field' },
    ]);
    expect(await count('products')).toBe(0);
  });

  it('names unknown keys beside the other invalid fields', async () => {
    const w = await registryWorld(t);
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/villages',
      as: w.admin,
      payload: { programId: w.program.id, areaCode: 'not a code', profile: { popluation: 10 } },
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(
      r
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['areaCode', 'profile.popluation']);
  });

  it('lets a query string carry keys it does not know, such as utm_source from a shared link', async () => {
    const w = await registryWorld(t);
    const r = await t.request({ method: 'GET', url: '/api/v1/groups?utm_source=newsletter', as: w.admin });
    expect(r.statusCode, r.body).toBe(200);
  });
});

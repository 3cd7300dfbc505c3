import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { encodeCursor } from '../../http/pagination.js';
import { readIndonesiaAreas } from './area-import.js';
import { importAreas } from './geography.service.js';

const t = useTestApp();

/** Bali from the same published data the fixture loads, as the truth the API is checked against. */
const bali = readIndonesiaAreas(['51']);
const childrenOf = (parent: string) =>
  bali
    .filter((a) => a.parentCode === parent)
    .map((a) => a.code)
    .sort();

interface ListedArea {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  country: string;
  childCount: number;
}

async function list(query: string): Promise<{ items: ListedArea[]; nextCursor: string | null }> {
  const response = await t.request({ method: 'GET', url: `/api/v1/areas?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function expectInvalid(url: string, path: string) {
  const response = await t.request({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(400);
  expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(response.json()).toMatchObject({ type: '/problems/validation', status: 400 });
  expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
}

describe('listing areas', () => {
  it("lists a regency's districts, with their names, parent and number of villages", async () => {
    const page = await list('parent=51.07');
    expect(page.items.map((a) => a.code)).toEqual(childrenOf('51.07'));
    expect(page.items[0]).toEqual({
      code: '51.07.01',
      name: 'Rendang',
      level: 'district',
      parentCode: '51.07',
      country: 'ID',
      childCount: childrenOf('51.07.01').length,
    });
    expect(page.nextCursor).toBeNull();
  });

  it('lists the provinces of a country by level', async () => {
    const page = await list('level=province&country=ID');
    expect(page.items.map((a) => [a.code, a.name])).toEqual([
      ['51', 'Bali'],
      ['52', 'Nusa Tenggara Barat'],
    ]);
    expect(page.items.every((a) => a.parentCode === null && a.level === 'province')).toBe(true);
  });

  it('lists only the areas of the country asked for', async () => {
    await importAreas(t.database.db, 'TL', [
      { line: 2, code: 'TL-DI', parentCode: null, level: 'municipality', name: 'Díli' },
      { line: 3, code: 'TL-DI.01', parentCode: 'TL-DI', level: 'post', name: 'Cristo Rei' },
    ]);
    const timor = await list('country=TL');
    expect(timor.items.map((a) => a.code)).toEqual(['TL-DI', 'TL-DI.01']);
    expect(timor.items.every((a) => a.country === 'TL')).toBe(true);
    const indonesianRoots = await list('country=ID&level=province');
    expect(indonesianRoots.items.map((a) => a.code)).toEqual(['51', '52']);
    expect((await list('country=JP')).items).toEqual([]);
  });

  it('finds areas by a case-insensitive part of their name', async () => {
    const page = await list('q=karangasem');
    expect(page.items.map((a) => [a.code, a.name, a.level])).toEqual([
      ['51.07', 'Kabupaten Karangasem', 'regency'],
      ['51.07.04', 'Karangasem', 'district'],
      ['51.07.04.1004', 'Karangasem', 'village'],
    ]);
    const villages = await list('q=KARANGASEM&level=village');
    expect(villages.items.map((a) => a.code)).toEqual(['51.07.04.1004']);
  });

  it('treats % and _ in a name search as plain characters', async () => {
    expect((await list(`q=${encodeURIComponent('%')}`)).items).toEqual([]);
    expect((await list('q=_')).items).toEqual([]);
  });

  it("walks all of a parent's children page by page with no duplicates or gaps", async () => {
    const expected = childrenOf('51.07.04');
    expect(expected.length).toBe(11);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`parent=51.07.04&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((a) => a.code));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 20);
    expect(pages).toBe(4);
    expect(seen).toEqual(expected);
  });

  it('gives no next cursor when the last page is exactly full', async () => {
    const page = await list('parent=51.07&limit=8');
    expect(page.items).toHaveLength(8);
    expect(page.nextCursor).toBeNull();
  });

  it('refuses a limit below 1 or above 500, naming the field', async () => {
    await expectInvalid('/api/v1/areas?limit=0', 'query.limit');
    await expectInvalid('/api/v1/areas?limit=501', 'query.limit');
    await expectInvalid('/api/v1/areas?limit=ten', 'query.limit');
  });

  it('refuses a cursor the list did not give out', async () => {
    await expectInvalid('/api/v1/areas?cursor=not-a-cursor', 'query.cursor');
    await expectInvalid(`/api/v1/areas?cursor=${encodeCursor([1, 2])}`, 'query.cursor');
  });

  it('refuses a malformed parent code, country or search', async () => {
    await expectInvalid(`/api/v1/areas?parent=${encodeURIComponent('51/07')}`, 'query.parent');
    await expectInvalid('/api/v1/areas?country=id', 'query.country');
    await expectInvalid('/api/v1/areas?country=IDN', 'query.country');
    await expectInvalid('/api/v1/areas?q=%20%20', 'query.q');
  });
});

describe('one area', () => {
  it('returns a village with its ancestors from the province down and no children', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/areas/51.07.04.1004' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      code: '51.07.04.1004',
      name: 'Karangasem',
      level: 'village',
      parentCode: '51.07.04',
      country: 'ID',
      ancestors: [
        { code: '51', name: 'Bali', level: 'province', parentCode: null, country: 'ID' },
        { code: '51.07', name: 'Kabupaten Karangasem', level: 'regency', parentCode: '51', country: 'ID' },
        { code: '51.07.04', name: 'Karangasem', level: 'district', parentCode: '51.07', country: 'ID' },
      ],
      childCount: 0,
    });
  });

  it('returns a province with no ancestors and its number of regencies', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/areas/51' });
    expect(response.json()).toMatchObject({ code: '51', ancestors: [], childCount: childrenOf('51').length });
    expect(childrenOf('51')).toHaveLength(9);
  });

  it('answers 404 problem+json for an unknown code', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/areas/99.99' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ type: '/problems/not-found', status: 404 });
  });

  it('refuses a code that is not an area code', async () => {
    await expectInvalid(`/api/v1/areas/${encodeURIComponent('.51')}`, 'params.code');
    await expectInvalid(`/api/v1/areas/${'1'.repeat(41)}`, 'params.code');
  });
});

describe('whether one area contains another', () => {
  const contains = (code: string, other: string) =>
    t.request({ method: 'GET', url: `/api/v1/areas/${code}/contains/${other}` });

  it('says a regency contains a village in one of its districts', async () => {
    const response = await contains('51.07', '51.07.04.1004');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ancestor: '51.07', descendant: '51.07.04.1004', contains: true });
  });

  it('says a regency does not contain a village of another regency, nor a village its regency', async () => {
    expect((await contains('51.71', '51.07.04.1004')).json().contains).toBe(false);
    expect((await contains('52', '51.07.04.1004')).json().contains).toBe(false);
    expect((await contains('51.07.04.1004', '51.07')).json().contains).toBe(false);
  });

  it('does not mistake a code prefix for an ancestor', async () => {
    // '51.07.0' is no area, and '51.07.04.1' must not match '51.07.04.10xx' by string prefix alone.
    await importAreas(t.database.db, 'ID', [
      { line: 2, code: '51.07.04.1', parentCode: '51.07.04', level: 'test', name: 'Prefix trap' },
    ]);
    expect((await contains('51.07.04.1', '51.07.04.1004')).json().contains).toBe(false);
  });

  it('counts an area as containing itself', async () => {
    expect((await contains('51.07', '51.07')).json().contains).toBe(true);
  });

  it('answers 404 when either area is unknown', async () => {
    expect((await contains('51.07', '51.07.99.9999')).statusCode).toBe(404);
    expect((await contains('99', '51.07')).statusCode).toBe(404);
  });

  it('refuses a malformed code', async () => {
    await expectInvalid(`/api/v1/areas/51.07/contains/${encodeURIComponent('a b')}`, 'params.other');
  });

  it('is readable without signing in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/areas/51/contains/51.07' });
    expect(response.statusCode).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildStaff, buildUser, signedIn } from '../../../../test/factories.js';
import { readIndonesiaAreas } from './area-import.js';

const t = useTestApp();

/** The fixture's areas (Bali and Nusa Tenggara Barat), as the truth the answers are checked against. */
const areas = new Map(readIndonesiaAreas(['51', '52']).map((a) => [a.code, a]));
const villagesNamed = (name: string) =>
  [...areas.values()].filter((a) => a.level === 'village' && a.name === name).map((a) => a.code);

interface Hit {
  code: string;
  name: string;
  level: string;
  ancestors: { code: string; name: string; level: string }[];
  inScope: boolean;
}

async function search(query: string, as?: Session): Promise<Hit[]> {
  const response = await t.request({ method: 'GET', url: `/api/v1/areas/search?${query}`, ...(as ? { as } : {}) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

async function facilitatorIn(areaCode: string): Promise<Session> {
  const { user } = await buildStaff(t.database.db, 'facilitator', { areaCode });
  return signedIn(t.app, user);
}

describe('searching areas by name', () => {
  it('names each hit with its ancestors from the province down', async () => {
    const hits = await search('q=Sukadana&level=village');
    const karangasem = hits.find((h) => h.code === '51.07.08.2009');
    expect(karangasem?.ancestors).toEqual([
      { code: '51', name: 'Bali', level: 'province' },
      { code: '51.07', name: 'Kabupaten Karangasem', level: 'regency' },
      { code: '51.07.08', name: areas.get('51.07.08')!.name, level: 'district' },
    ]);
    // Every hit's trail is the chain of its parents in the published data.
    for (const hit of hits) {
      const chain: string[] = [];
      for (let code = areas.get(hit.code)!.parentCode; code; code = areas.get(code)!.parentCode) chain.unshift(code);
      expect(hit.ancestors.map((a) => a.code)).toEqual(chain);
    }
  });

  it('finds every village of a name, matching regardless of case', async () => {
    const hits = await search('q=sukadana&level=village');
    expect(hits.map((h) => h.code).sort()).toEqual(villagesNamed('Sukadana').sort());
  });

  it('puts the areas of a Bali facilitator first, and those of a facilitator in Lombok Barat first for them', async () => {
    const bali = await search('q=Sukadana&level=village', await facilitatorIn('51.07'));
    expect(bali[0]).toMatchObject({ code: '51.07.08.2009', inScope: true });
    expect(bali.slice(1).every((h) => !h.inScope)).toBe(true);

    const lombok = await search('q=Sukadana&level=village', await facilitatorIn('52.02'));
    expect(lombok[0]).toMatchObject({ code: '52.02.04.2003', inScope: true });
    expect(lombok.map((h) => h.code)).toContain('51.07.08.2009');
    expect(lombok.findIndex((h) => h.code === '51.07.08.2009')).toBeGreaterThan(0);
  });

  it('keeps only the caller’s own areas with scope=mine', async () => {
    const session = await facilitatorIn('51.07');
    const hits = await search('q=Selat&level=village&scope=mine', session);
    expect(hits.map((h) => h.code)).toEqual(['51.07.07.2002']);
    expect(villagesNamed('Selat').length).toBeGreaterThan(1);
  });

  it('finds nothing of their own for an account without an area, and everything for a manager of the whole program', async () => {
    const buyer = await signedIn(t.app, await buildUser(t.database.db));
    expect(await search('q=Selat&level=village&scope=mine', buyer)).toEqual([]);
    expect(await search('q=Selat&level=village&scope=mine')).toEqual([]);

    const { user } = await buildStaff(t.database.db, 'program_manager');
    const whole = await search('q=Selat&level=village&scope=mine', await signedIn(t.app, user));
    expect(
      whole
        .filter((h) => h.name === 'Selat')
        .map((h) => h.code)
        .sort(),
    ).toEqual(villagesNamed('Selat').sort());
    expect(whole.every((h) => h.inScope)).toBe(true);
  });

  it('restricts hits to one level when asked', async () => {
    const all = await search('q=Karangasem');
    expect(new Set(all.map((h) => h.level)).size).toBeGreaterThan(1);
    const regencies = await search('q=Karangasem&level=regency');
    expect(regencies.map((h) => h.code)).toEqual(['51.07']);
  });

  it('ranks the exact name before names that only contain it', async () => {
    const hits = await search('q=Selat&level=village');
    const firstOther = hits.findIndex((h) => h.name !== 'Selat');
    if (firstOther !== -1) expect(hits.slice(firstOther).some((h) => h.name === 'Selat')).toBe(false);
    expect(hits[0]!.name).toBe('Selat');
  });

  it('refuses a one-letter search, naming the field', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/areas/search?q=a' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toContain('query.q');
  });
});

import { describe, expect, it } from 'vitest';
import { schemeDefinition, type SchemeDefinition } from './quality.schemas.js';
import { KEMENPERIN_TEMPLATE_ID, OCOP_TEMPLATE_ID, OTOP_TEMPLATE_ID, SCHEME_TEMPLATES } from './scheme-templates.js';
import { addMonths, checkGates, maxStarsForTier, rate, starsFor, unscoredCriteria, type Score } from './scoring.js';

const template = (id: string): SchemeDefinition =>
  schemeDefinition.parse(SCHEME_TEMPLATES.find((tpl) => tpl.id === id)!.definition);

/** A one-criterion scheme of 100 points scored 0–100: the score is the percent. */
const flat = (base: SchemeDefinition): SchemeDefinition => ({
  ...base,
  gates: [],
  parts: [
    {
      code: 'all',
      name: { en: 'All' },
      criteria: [
        {
          code: 'all',
          name: { en: 'All' },
          weight: 100,
          levels: Array.from({ length: 101 }, (_, points) => ({ points, descriptor: { en: String(points) } })),
        },
      ],
    },
  ],
});

const scoreOf = (points: number): Score[] => [{ criterion: 'all', points }];

describe('scoring', () => {
  it('ships templates that are valid schemes with the sources’ figures', () => {
    for (const tpl of SCHEME_TEMPLATES) expect(() => schemeDefinition.parse(tpl.definition)).not.toThrow();
    const ocop = template(OCOP_TEMPLATE_ID);
    const partTotal = (code: string) =>
      ocop.parts.find((p) => p.code === code)!.criteria.reduce((sum, c) => sum + c.weight, 0);
    expect([partTotal('community'), partTotal('marketing'), partTotal('quality')]).toEqual([40, 25, 35]);
    const kemenperin = template(KEMENPERIN_TEMPLATE_ID);
    const a = kemenperin.parts.find((p) => p.code === 'a')!.criteria;
    const sum = (prefix: string) => a.filter((c) => c.code.startsWith(prefix)).reduce((s, c) => s + c.weight, 0);
    expect([sum('a.production'), sum('a.product_dev'), sum('a.community')]).toEqual([15, 6, 9]);
    expect(a.every((c) => c.levels.map((l) => l.points).join() === '1,2,3')).toBe(true);
    expect(kemenperin.parts.filter((p) => p.placeholder).map((p) => p.code)).toEqual(['b', 'c']);
  });

  it('gives OTOP stars exactly on each threshold and one point below', () => {
    const def = flat(template(OTOP_TEMPLATE_ID));
    const stars = (points: number) => rate(def, scoreOf(points), [], 'national').stars;
    expect([90, 89, 80, 79, 70, 69, 50, 49, 0].map(stars)).toEqual([5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(stars(100)).toBe(5);
  });

  it('gives OCOP stars by its bands and lets only the national council award five', () => {
    const def = flat(template(OCOP_TEMPLATE_ID));
    const national = (points: number) => rate(def, scoreOf(points), [], 'national').stars;
    expect([90, 89, 70, 69, 50, 49, 30, 29].map(national)).toEqual([5, 4, 4, 3, 3, 2, 2, 1]);
    expect(rate(def, scoreOf(95), [], 'province')).toMatchObject({ scoreStars: 5, stars: 4, cappedBy: ['panel_tier'] });
    expect(rate(def, scoreOf(95), [], 'district').stars).toBe(3);
    expect([maxStarsForTier(def, 'district'), maxStarsForTier(def, 'province')]).toEqual([3, 4]);
  });

  it('gives Kemenperin stars on its placeholder thresholds and coaching tiers 1–2 district, 3 province, 4–5 national', () => {
    const def = flat(template(KEMENPERIN_TEMPLATE_ID));
    const national = (points: number) => rate(def, scoreOf(points), [], 'national').stars;
    expect([85, 84, 70, 69, 55, 54, 40, 39].map(national)).toEqual([5, 4, 4, 3, 3, 2, 2, 1]);
    expect([
      maxStarsForTier(def, 'district'),
      maxStarsForTier(def, 'province'),
      maxStarsForTier(def, 'national'),
    ]).toEqual([2, 3, 5]);
  });

  it('averages panel scores per criterion and weights them as the scheme says', () => {
    const def = template(KEMENPERIN_TEMPLATE_ID);
    const codes = def.parts.flatMap((p) => p.criteria.map((c) => c.code));
    // Two assessors: one gives every item 3, the other 2 → each item averages 2.5 of 3.
    const scores = codes.flatMap((criterion) => [
      { criterion, points: 3 },
      { criterion, points: 2 },
    ]);
    const result = rate(def, scores, [], 'national');
    expect(result.maxPoints).toBe(100);
    expect(result.points).toBeCloseTo(83.33, 2);
    expect(result.percent).toBe(83.33);
    expect(result.stars).toBe(4);
    expect(result.criteria[0]).toMatchObject({ code: codes[0], average: 2.5, points: 2.5, weight: 3 });
    expect(unscoredCriteria(def, scores.slice(2))).toEqual([codes[0]]);
  });

  it('caps the stars when a capping gate fails and blocks the rating when a blocking gate fails', () => {
    const kemenperin = template(KEMENPERIN_TEMPLATE_ID);
    const facts = { certificates: [], nib: null, category: 'food' };
    const gates = checkGates(kemenperin, facts, '2026-06-01');
    expect(gates.map((g) => [g.code, g.ok])).toEqual([
      ['distribution_permit', false],
      ['halal', false],
      ['business_licence', false],
    ]);
    const capped = rate(flat(kemenperin), scoreOf(95), gates, 'national');
    expect(capped).toMatchObject({ scoreStars: 5, stars: 4, outcome: 'rated' });
    // Non-food products are not held to the food permits.
    expect(checkGates(kemenperin, { ...facts, category: 'basketry', nib: '9120001234567' }, '2026-06-01')).toEqual([
      { code: 'business_licence', ok: true, effect: 'cap', maxStars: 4 },
    ]);
    const otop = template(OTOP_TEMPLATE_ID);
    const blocked = rate(flat(otop), scoreOf(95), checkGates(otop, facts, '2026-06-01'), 'national');
    expect(blocked).toMatchObject({ scoreStars: 5, stars: null, outcome: 'blocked' });
  });

  it('counts a certificate only while it is valid on the assessment date', () => {
    const otop = template(OTOP_TEMPLATE_ID);
    const pirt = { kind: 'pirt' as const, issuedOn: '2024-01-10', expiresOn: '2026-05-31' };
    const on = (date: string) => checkGates(otop, { certificates: [pirt], nib: null, category: 'food' }, date)[0]!.ok;
    expect([on('2024-01-09'), on('2024-01-10'), on('2026-05-31'), on('2026-06-01')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('gives no star below the lowest threshold', () => {
    const def = { ...flat(template(OTOP_TEMPLATE_ID)), thresholds: [{ stars: 3, minPercent: 60 }] };
    expect(starsFor(def, 59.99)).toBeNull();
    expect(rate(def, scoreOf(10), [], 'national')).toMatchObject({ stars: null, outcome: 'below_threshold' });
  });

  it('adds months to a date, keeping to the end of shorter months', () => {
    expect(addMonths('2026-03-15', 24)).toBe('2028-03-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-12-01', 1)).toBe('2028-01-01');
  });
});

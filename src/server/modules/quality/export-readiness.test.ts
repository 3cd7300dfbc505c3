import { describe, expect, it } from 'vitest';
import { exportReadiness, isFood, readyAnywhere, type ReadinessFacts } from './export-readiness.js';

const chips: ReadinessFacts = {
  category: 'food',
  hsCode: '2008.99',
  name: { id: 'Keripik salak', en: 'Salak chips' },
  certificates: [
    { kind: 'pirt', issuedOn: '2025-01-01', expiresOn: '2026-12-31' },
    { kind: 'halal', issuedOn: '2025-01-01', expiresOn: null },
  ],
};
const market = (facts: ReadinessFacts, on: string, m: string) =>
  exportReadiness(facts, on).find((x) => x.market === m)!;
const failed = (facts: ReadinessFacts, on: string, m: string) =>
  market(facts, on, m)
    .checks.filter((c) => c.ok === false)
    .map((c) => c.code);

describe('export readiness', () => {
  it('is ready for Japan and the EU with a valid food permit, halal, English name and HS code', () => {
    expect(market(chips, '2026-12-01', 'JP').ready).toBe(true);
    expect(market(chips, '2026-12-01', 'EU').ready).toBe(true);
    expect(failed(chips, '2026-12-01', 'US')).toEqual(['fda_registration']);
  });

  it('flips to not ready on the day after the food permit expires', () => {
    expect(readyAnywhere(exportReadiness(chips, '2026-12-31'))).toBe(true);
    expect(readyAnywhere(exportReadiness(chips, '2027-01-01'))).toBe(false);
    expect(failed(chips, '2027-01-01', 'JP')).toEqual(['food_permit']);
  });

  it('asks the US for a valid FDA food facility registration', () => {
    const registered = {
      ...chips,
      certificates: [
        ...chips.certificates,
        { kind: 'fda_registration' as const, issuedOn: '2026-02-01', expiresOn: '2026-12-31' },
      ],
    };
    expect(market(registered, '2026-12-01', 'US').ready).toBe(true);
  });

  it('holds food to halal only from the mandatory date', () => {
    const noHalal = { ...chips, certificates: chips.certificates.filter((c) => c.kind !== 'halal') };
    expect(failed(noHalal, '2026-10-16', 'JP')).toEqual([]);
    expect(failed(noHalal, '2026-10-17', 'JP')).toEqual(['halal']);
  });

  it('needs an English name and HS code for any export, and lists manual checks without deciding them', () => {
    const basket: ReadinessFacts = { category: 'basketry', hsCode: null, name: { id: 'Bakul' }, certificates: [] };
    expect(failed(basket, '2026-12-01', 'EU')).toEqual(['name_en', 'hs_code']);
    const honey = { ...chips, hsCode: '0409.00' };
    const eu = market(honey, '2026-12-01', 'EU');
    expect(eu.checks.find((c) => c.code === 'eu_honey_approved_country')).toMatchObject({ ok: null, manual: true });
    expect(eu.ready).toBe(true);
  });

  it('knows food by category or by HS chapter', () => {
    expect(isFood({ category: 'food', hsCode: null })).toBe(true);
    expect(isFood({ category: 'madu', hsCode: '0409' })).toBe(true);
    expect(isFood({ category: 'basketry', hsCode: '4602.11' })).toBe(false);
  });
});

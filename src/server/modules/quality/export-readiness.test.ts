import { describe, expect, it } from 'vitest';
import {
  exportReadiness,
  isFood,
  READINESS_REASONS,
  readyAnywhere,
  type LabelFacts,
  type ReadinessFacts,
} from './export-readiness.js';
import { errorsEn } from '../../../shared/messages/errors.en.js';
import { errorsId } from '../../../shared/messages/errors.id.js';
import { errorsJa } from '../../../shared/messages/errors.ja.js';

const label: LabelFacts = {
  ingredients: { id: 'Salak, minyak kelapa', en: 'Snake fruit, coconut oil' },
  allergens: [],
  netQuantity: { amount: 100, unit: 'g' },
  shelfLifeDays: 180,
  storage: { en: 'Keep dry, below 25 °C' },
};
const noLabel: LabelFacts = { ingredients: {}, allergens: null, netQuantity: null, shelfLifeDays: null, storage: {} };
const chips: ReadinessFacts = {
  category: 'food',
  hsCode: '2008.99',
  name: { id: 'Keripik salak', en: 'Salak chips', ja: 'サラクチップス' },
  certificates: [
    { kind: 'pirt', issuedOn: '2025-01-01', expiresOn: '2026-12-31' },
    { kind: 'halal', issuedOn: '2025-01-01', expiresOn: null },
  ],
  label,
  origin: 'ID',
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
    const basket: ReadinessFacts = {
      category: 'basketry',
      hsCode: null,
      name: { id: 'Bakul' },
      certificates: [],
      label: noLabel,
      origin: 'ID',
    };
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

  it('refuses a 4-digit heading for customs: a 6-digit subheading is needed', () => {
    const basket: ReadinessFacts = {
      category: 'basketry',
      hsCode: '4602',
      name: { id: 'Bakul', en: 'Basket' },
      certificates: [],
      label: noLabel,
      origin: 'ID',
    };
    for (const m of ['JP', 'EU', 'US']) {
      expect(market(basket, '2026-12-01', m)).toMatchObject({
        ready: false,
        missing: ['readiness_hs_code_subheading'],
      });
    }
    expect(readyAnywhere(exportReadiness({ ...basket, hsCode: '4602.11' }, '2026-12-01'))).toBe(true);
  });

  it('lists the Japanese food-labelling items (食品表示法) and says which are missing', () => {
    const bare = { ...chips, name: { id: 'Keripik salak', en: 'Salak chips' }, label: noLabel };
    const jp = market(bare, '2026-12-01', 'JP');
    expect(jp.checks.map((c) => c.code)).toEqual(
      expect.arrayContaining(['name_ja', 'ingredients', 'allergens', 'net_quantity', 'best_before', 'storage']),
    );
    expect(jp.missing).toEqual([
      'readiness_name_ja',
      'readiness_ingredients',
      'readiness_allergens',
      'readiness_net_quantity',
      'readiness_best_before',
      'readiness_storage',
    ]);
    expect(jp.checks.find((c) => c.code === 'origin')).toMatchObject({ ok: true });
    expect(jp.checks.find((c) => c.code === 'importer')).toMatchObject({ ok: null, manual: true });
    expect(market({ ...bare, origin: null }, '2026-12-01', 'JP').missing).toContain('readiness_origin');
  });

  it('asks the EU for Regulation 1169/2011 items and the US for ingredients, allergens and net quantity', () => {
    const bare = { ...chips, label: noLabel };
    expect(market(bare, '2026-12-01', 'EU').missing).toEqual([
      'readiness_ingredients',
      'readiness_allergens',
      'readiness_net_quantity',
      'readiness_best_before',
      'readiness_storage',
    ]);
    expect(market(bare, '2026-12-01', 'EU').checks.find((c) => c.code === 'eu_operator')).toMatchObject({ ok: null });
    expect(market(bare, '2026-12-01', 'US').missing).toEqual([
      'readiness_ingredients',
      'readiness_allergens',
      'readiness_net_quantity',
      'readiness_fda_registration',
    ]);
  });

  it('takes an empty allergen list as a declaration of none, and no list as undeclared', () => {
    expect(market({ ...chips, label: { ...label, allergens: [] } }, '2026-12-01', 'JP').missing).toEqual([]);
    expect(market({ ...chips, label: { ...label, allergens: null } }, '2026-12-01', 'JP').missing).toEqual([
      'readiness_allergens',
    ]);
  });

  it('adds a phytosanitary item for wood and bamboo and asks nothing of food law for them', () => {
    const basket: ReadinessFacts = {
      category: 'basketry',
      hsCode: '4602.11',
      name: { id: 'Bakul', en: 'Basket' },
      certificates: [],
      label: noLabel,
      origin: 'ID',
    };
    for (const m of ['JP', 'EU', 'US']) {
      const checks = market(basket, '2026-12-01', m).checks;
      expect(checks.find((c) => c.code === 'phytosanitary')).toMatchObject({ ok: null, manual: true });
      expect(checks.some((c) => c.code === 'ingredients')).toBe(false);
    }
    const lamp = { ...basket, hsCode: '9405.50' };
    expect(market(lamp, '2026-12-01', 'EU').checks.some((c) => c.code === 'phytosanitary')).toBe(false);
  });

  it('has a sentence for every reason in Indonesian, English and Japanese', () => {
    for (const catalogue of [errorsId, errorsEn, errorsJa]) {
      const missing = READINESS_REASONS.filter((r) => !catalogue[`error.${r}`]);
      expect(missing).toEqual([]);
    }
  });
});

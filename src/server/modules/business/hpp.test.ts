import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildUser, signedIn } from '../../../../test/factories.js';
import { hppBody } from '../../../shared/schemas/business.js';
import { computeHpp } from './hpp.js';

const run = (body: unknown) => computeHpp(hppBody.parse(body));

describe('cost of production (HPP)', () => {
  it('prices the Karangasem salak chips at Rp 10,000 per 100 g pack and suggests Rp 12,900', () => {
    // One run of 100 packs: salak, oil, sugar and packs; two days of four workers; gas and wear.
    const result = run({
      currency: 'IDR',
      units: '100',
      materials: [
        { name: 'Salak segar 40 kg', amount: '400000' },
        { name: 'Minyak goreng', amount: '90000' },
        { name: 'Kemasan standing pouch', amount: '110000' },
      ],
      labour: [{ name: 'Upah 4 orang × 2 hari', amount: '250000' }],
      overhead: [
        { name: 'Gas elpiji', amount: '60000' },
        { name: 'Penyusutan mesin vacuum frying', amount: '90000' },
      ],
      markupPercent: '29',
    });
    expect(result.totals.total).toEqual({ amount: '1000000.00', currency: 'IDR' });
    expect(result.perUnit).toEqual({
      materials: { amount: '6000.00', currency: 'IDR' },
      labour: { amount: '2500.00', currency: 'IDR' },
      overhead: { amount: '1500.00', currency: 'IDR' },
      total: { amount: '10000.00', currency: 'IDR' },
    });
    expect(result.suggestedPrice).toEqual({ amount: '12900.00', currency: 'IDR' });
    expect(result.marginPerUnit).toEqual({ amount: '2900.00', currency: 'IDR' });
  });

  it('rounds a per-unit cost half up and a price up, never below cost plus mark-up', () => {
    const result = run({
      currency: 'IDR',
      units: '3',
      materials: [{ name: 'x', amount: '10000' }],
      markupPercent: '10',
    });
    expect(result.perUnit.total.amount).toBe('3333.33');
    // 3333.33 × 1.10 = 3666.663 → 3666.67
    expect(result.suggestedPrice.amount).toBe('3666.67');
    const two = run({ currency: 'IDR', units: '3', materials: [{ name: 'x', amount: '20000' }], markupPercent: '0' });
    expect(two.perUnit.total.amount).toBe('6666.67');
  });

  it('rounds the suggested price up to a price-tag step', () => {
    const result = run({
      currency: 'IDR',
      units: '7',
      materials: [{ name: 'madu', amount: '500000' }],
      markupPercent: '25',
      roundTo: '500',
    });
    expect(result.perUnit.total.amount).toBe('71428.57');
    expect(result.suggestedPrice.amount).toBe('89500.00');
  });

  it('divides by fractional units (kilograms) exactly', () => {
    const result = run({
      currency: 'JPY',
      units: '2.5',
      materials: [{ name: 'honey', amount: '1000' }],
      markupPercent: '12.5',
    });
    expect(result.perUnit.total).toEqual({ amount: '400', currency: 'JPY' });
    expect(result.suggestedPrice).toEqual({ amount: '450', currency: 'JPY' });
  });

  it('refuses amounts with more decimals than the currency has, naming the field', () => {
    expect(() =>
      run({ currency: 'JPY', units: '1', labour: [{ name: 'x', amount: '10.5' }], markupPercent: '0' }),
    ).toThrow(expect.objectContaining({ status: 400, errors: [expect.objectContaining({ path: 'labour.0.amount' })] }));
  });

  it('refuses zero units', () => {
    expect(hppBody.safeParse({ currency: 'IDR', units: '0', markupPercent: '10' }).success).toBe(false);
  });
});

describe('mark-up and margin', () => {
  const salak = {
    currency: 'IDR',
    units: '100',
    materials: [{ name: 'Salak, minyak, kemasan', amount: '600000' }],
    labour: [{ name: 'Upah', amount: '250000' }],
    overhead: [{ name: 'Gas dan penyusutan', amount: '150000' }],
  };

  it('says what margin on price a mark-up on cost gives', () => {
    const result = run({ ...salak, markupPercent: '29' });
    expect(result).toMatchObject({ basis: 'markup', markupPercent: '29', marginPercent: '22.48' });
    expect(result.suggestedPrice.amount).toBe('12900.00');
  });

  it('prices from a margin on price and says the mark-up on cost it means', () => {
    const result = run({ ...salak, marginPercent: '20' });
    // 10,000 ÷ (1 − 0.20) = 12,500: a 25 % mark-up.
    expect(result).toMatchObject({ basis: 'margin', markupPercent: '25.00', marginPercent: '20.00' });
    expect(result.suggestedPrice.amount).toBe('12500.00');
  });

  it('refuses a mark-up above 1,000 %, a margin that means one, and both or neither', () => {
    const errors = (body: object) => {
      const parsed = hppBody.safeParse({ ...salak, ...body });
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    };
    expect(errors({ markupPercent: '1000' })).toEqual([]);
    expect(errors({ markupPercent: '1000.01' })).toEqual(['markupPercent']);
    expect(errors({ markupPercent: '2900' })).toEqual(['markupPercent']);
    expect(errors({ marginPercent: '90.90' })).toEqual([]);
    expect(errors({ marginPercent: '90.91' })).toEqual(['marginPercent']);
    expect(errors({})).toEqual(['markupPercent']);
    expect(errors({ markupPercent: '10', marginPercent: '10' })).toEqual(['markupPercent']);
  });
});

describe('POST /api/v1/hpp', () => {
  const t = useTestApp();

  it('answers 400 naming markupPercent for an absurd mark-up', async () => {
    const user = await signedIn(t.app, await buildUser(t.database.db));
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/hpp',
      as: user,
      payload: { currency: 'IDR', units: '10', materials: [{ name: 'x', amount: '1000' }], markupPercent: '2900' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([expect.objectContaining({ path: 'markupPercent' })]);
    const ok = await t.request({
      method: 'POST',
      url: '/api/v1/hpp',
      as: user,
      payload: { currency: 'IDR', units: '10', materials: [{ name: 'x', amount: '1000' }], markupPercent: '1000' },
    });
    expect(ok.json()).toMatchObject({ suggestedPrice: { amount: '1100.00' }, marginPercent: '90.91' });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaRows, classBreaks, classOf } from './choropleth';

describe('the map legend', () => {
  it('has five round classes from zero that hold every value, each in the class whose bounds it lies between', () => {
    expect(classBreaks([6])).toEqual([0, 2, 4, 6, 8, 10]);
    expect(classBreaks([0])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(classOf(6, classBreaks([6]))).toBe(3);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (values) => {
          const breaks = classBreaks(values);
          expect(breaks).toHaveLength(6);
          for (let i = 1; i < breaks.length; i++) expect(breaks[i]!).toBeGreaterThan(breaks[i - 1]!);
          for (const value of values) {
            const cls = classOf(value, breaks);
            expect(value).toBeGreaterThanOrEqual(breaks[cls]!);
            expect(value).toBeLessThanOrEqual(breaks[cls + 1]!);
            if (cls < 4) expect(value).toBeLessThan(breaks[cls + 1]!);
          }
        },
      ),
    );
  });

  it('keeps one row per area, in the currency most areas have, without breakdown rows', () => {
    const row = (code: string, currency: string | null, by: Record<string, string> = {}) => ({
      area: { code, name: code },
      period: '2026',
      by,
      value: '1',
      suppressed: false,
      complementary: false,
      currency,
    });
    const rows = areaRows([row('51', 'IDR'), row('52', 'IDR'), row('52', 'USD'), row('53', 'IDR', { sex: 'female' })]);
    expect(rows.map((r) => `${r.area.code} ${r.currency}`)).toEqual(['51 IDR', '52 IDR']);
  });
});

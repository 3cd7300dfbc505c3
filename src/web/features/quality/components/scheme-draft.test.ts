import { describe, expect, it } from 'vitest';
import { schemeDefinition, type SchemeDefinition } from '../../../../shared/schemas/quality';
import {
  edited,
  freeCode,
  newCriterion,
  newGate,
  newLevel,
  newPart,
  parseCodes,
  parseNumber,
  schemeMaxPoints,
  setThreshold,
  thresholdOf,
  withText,
} from './scheme-draft';

const scheme = (): SchemeDefinition =>
  schemeDefinition.parse({
    name: { id: 'Skema uji', en: 'Test scheme' },
    parts: [
      {
        code: 'a',
        name: { id: 'Bagian A' },
        criteria: [
          {
            code: 'a.1',
            name: { id: 'Bahan baku' },
            weight: 15,
            levels: [
              { points: 1, descriptor: { id: 'Kurang' } },
              { points: 3, descriptor: { id: 'Baik' } },
            ],
          },
        ],
      },
    ],
    thresholds: [
      { stars: 3, minPercent: 70 },
      { stars: 1, minPercent: 0 },
    ],
    starTiers: { 1: 'district', 2: 'district', 3: 'province', 4: 'national', 5: 'national' },
  });

describe('the scheme editor draft', () => {
  it('changes a copy and leaves the draft it started from as it was', () => {
    const before = scheme();
    const after = edited(before, (d) => {
      d.parts[0]!.criteria[0]!.weight = 20;
    });
    expect(after.parts[0]!.criteria[0]!.weight).toBe(20);
    expect(before.parts[0]!.criteria[0]!.weight).toBe(15);
  });

  it('sets one language of a text and drops a language that was emptied', () => {
    expect(withText({ id: 'Mutu' }, 'ja', '品質')).toEqual({ id: 'Mutu', ja: '品質' });
    expect(withText({ id: 'Mutu', ja: '品質' }, 'ja', '')).toEqual({ id: 'Mutu' });
    expect(withText(undefined, 'en', 'Quality')).toEqual({ en: 'Quality' });
  });

  it('picks a code nobody uses yet', () => {
    expect(freeCode(['a', 'b'], 'c')).toBe('c');
    expect(freeCode(['gate', 'gate-2'], 'gate')).toBe('gate-3');
  });

  it('adds parts, criteria, levels and gates the schema accepts once they are named', () => {
    const d = edited(scheme(), (next) => {
      next.parts.push(newPart(next));
      next.parts[0]!.criteria.push(newCriterion(next, next.parts[0]!));
      next.gates.push(newGate(next));
    });
    expect(d.parts.map((p) => p.code)).toEqual(['a', 'part2']);
    expect(d.parts[0]!.criteria.map((c) => c.code)).toEqual(['a.1', 'a.2']);
    expect(d.parts[0]!.criteria[1]!.levels.map((l) => l.points)).toEqual([1, 3]);
    expect(newLevel(d.parts[0]!.criteria[0]!)).toEqual({ points: 4, descriptor: {} });
    expect(schemaPaths(d)).toContain('parts.1.name');

    const named = edited(d, (next) => {
      next.parts[1]!.name = { id: 'Bagian baru' };
      for (const c of next.parts.flatMap((p) => p.criteria)) {
        c.name = { id: c.code };
        for (const l of c.levels) l.descriptor = { id: `level ${l.points}` };
      }
      next.gates[0]!.name = { id: 'P-IRT' };
    });
    expect(schemaPaths(named)).toEqual([]);
    expect(schemeMaxPoints(named)).toBe(45);
  });

  it('sets and drops star thresholds, highest first, and the schema refuses a higher bar for fewer stars', () => {
    const d = edited(scheme(), (next) => {
      setThreshold(next, 5, 90);
      setThreshold(next, 1, undefined);
    });
    expect(d.thresholds).toEqual([
      { stars: 5, minPercent: 90 },
      { stars: 3, minPercent: 70 },
    ]);
    expect(thresholdOf(d, 3)).toBe(70);
    expect(thresholdOf(d, 1)).toBeUndefined();
    const wrong = edited(d, (next) => setThreshold(next, 4, 95));
    expect(schemaPaths(wrong)).toContain('thresholds');
  });

  it('reads typed numbers and category lists', () => {
    expect(parseNumber(' 12,5 ')).toBe(12.5);
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('abc')).toBeNaN();
    expect(parseCodes('food, beverage ,')).toEqual(['food', 'beverage']);
    expect(parseCodes(' ')).toBeUndefined();
  });
});

function schemaPaths(d: SchemeDefinition): string[] {
  const result = schemeDefinition.safeParse(d);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

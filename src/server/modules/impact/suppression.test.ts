import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressCells, type Cell } from './suppression.js';

const THRESHOLD = 5;

/** A table of counts over two dimensions (rows × columns), small counts likely. */
const table = fc
  .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, cols }) =>
    fc
      .array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), {
        minLength: rows * cols,
        maxLength: rows * cols,
      })
      .map((counts) => counts.map((count, i): Cell => ({ keys: [`r${Math.floor(i / cols)}`, `c${i % cols}`], count }))),
  );

/** The lines along a dimension: cells sharing the other key. */
function lines(cells: Cell[], d: number) {
  const out = new Map<string, number[]>();
  cells.forEach((c, i) => out.set(c.keys[1 - d]!, [...(out.get(c.keys[1 - d]!) ?? []), i]));
  return [...out.values()];
}

describe('complementary suppression', () => {
  it('leaves no hidden cell of a breakdown to be worked out from its shown total and shown cells', () => {
    const breakdown = fc
      .array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 8 })
      .map((counts) => counts.map((count, i): Cell => ({ keys: [String(i)], count })));
    fc.assert(
      fc.property(breakdown, (cells) => {
        const hidden = suppressCells(cells, THRESHOLD, [0]);
        const total = cells.reduce((sum, c) => sum + c.count!, 0);
        cells.forEach((c, i) => {
          if (c.count! > 0 && c.count! < THRESHOLD) expect(hidden[i]).toBe('threshold');
          else expect(hidden[i]).not.toBe('threshold');
        });
        // The total is shown when it is not itself a small count; then total − shown cells must
        // leave at least two cells unknown, or none.
        if (total === 0 || total >= THRESHOLD) expect(hidden.filter(Boolean).length).not.toBe(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('in a table of two dimensions, hides a second cell in every line that has another count to hide', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const hidden = suppressCells(cells, THRESHOLD, [0, 1]);
        cells.forEach((c, i) => {
          if (c.count! > 0 && c.count! < THRESHOLD) expect(hidden[i]).toBe('threshold');
          if (hidden[i] === 'complement') expect(c.count).toBeGreaterThanOrEqual(THRESHOLD);
        });
        for (const d of [0, 1]) {
          for (const line of lines(cells, d)) {
            const hiddenHere = line.filter((i) => hidden[i]);
            // A single hidden cell is left only where every other count of the line is zero (the
            // limit of hiding cells within one table: see docs/indicators.md).
            if (hiddenHere.length === 1) {
              expect(line.filter((i) => !hidden[i] && cells[i]!.count! > 0)).toEqual([]);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hides the next smallest cell, not a larger one, and nothing when no count is small', () => {
    const cells = (counts: number[]): Cell[] => counts.map((count, i) => ({ keys: [String(i)], count }));
    expect(suppressCells(cells([3, 40, 12]), THRESHOLD, [0])).toEqual(['threshold', null, 'complement']);
    expect(suppressCells(cells([3, 2, 12]), THRESHOLD, [0])).toEqual(['threshold', 'threshold', null]);
    expect(suppressCells(cells([3, 0, 0]), THRESHOLD, [0])).toEqual(['threshold', null, null]);
    expect(suppressCells(cells([8, 40, 12]), THRESHOLD, [0])).toEqual([null, null, null]);
    // Money is never hidden, nor used to hide.
    expect(suppressCells([...cells([3, 40]), { keys: ['2'], count: null }], THRESHOLD, [0])).toEqual([
      'threshold',
      'complement',
      null,
    ]);
  });
});

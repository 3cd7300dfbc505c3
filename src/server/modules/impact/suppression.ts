/**
 * Which cells of a public table to hide. A count of people below the threshold is hidden as "<5"
 * (primary suppression). A breakdown — the cells that share everything but one dimension, and so add
 * up to a total the reader can ask for — with exactly one hidden cell would give it away (total minus
 * the shown cells), so its next smallest shown cell is hidden too (complementary suppression), and
 * that is repeated over every dimension until no breakdown has a single hidden cell.
 */

export interface Cell {
  /** The cell's place along each dimension (area, sex, age band…), in the same order for every cell. */
  keys: readonly string[];
  /** The count; null when it cannot be suppressed (money). */
  count: number | null;
}

export type Hidden = 'threshold' | 'complement' | null;

/**
 * For each cell, why it is hidden: below the threshold, to protect one that is, or not at all.
 * `dimensions` says which places in `keys` are breakdowns that add up to a total; the other places
 * (the period, the currency) only set the cells apart.
 */
export function suppressCells(cells: readonly Cell[], threshold: number, dimensions: readonly number[]): Hidden[] {
  const hidden: Hidden[] = cells.map((c) =>
    c.count !== null && c.count > 0 && c.count < threshold ? 'threshold' : null,
  );
  if (!hidden.includes('threshold')) return hidden;
  let changed = true;
  while (changed) {
    changed = false;
    for (const d of dimensions) {
      const lines = new Map<string, number[]>();
      cells.forEach((c, i) => {
        if (c.count === null) return;
        const key = JSON.stringify(c.keys.filter((_, k) => k !== d));
        lines.set(key, [...(lines.get(key) ?? []), i]);
      });
      for (const line of lines.values()) {
        if (line.filter((i) => hidden[i]).length !== 1) continue;
        // The next smallest shown cell; a zero cell hides nothing, and when every other cell is
        // zero the total is the hidden cell itself, hidden in its own table.
        const next = line
          .filter((i) => !hidden[i] && cells[i]!.count! > 0)
          .sort((a, b) => cells[a]!.count! - cells[b]!.count! || a - b)[0];
        if (next === undefined) continue;
        hidden[next] = 'complement';
        changed = true;
      }
    }
  }
  return hidden;
}

import type { ImpactRow } from '../../../../shared/schemas/impact';

/** How many classes a map's legend has. */
const CLASSES = 5;

/**
 * The map's colours, light to dark (ColorBrewer's 5-class "Greens", readable for the common colour
 * blindnesses and in grey print), and the "no figure" fill.
 */
export const SHADES = ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'] as const;
export const NO_FIGURE = '#d9d9d9';

/** The areas' rows for the map and its table: one per area, in one currency (the most common one). */
export function areaRows(rows: ImpactRow[]): (ImpactRow & { area: { code: string; name: string } })[] {
  const counts = new Map<string | null, number>();
  for (const row of rows) counts.set(row.currency, (counts.get(row.currency) ?? 0) + 1);
  const currency = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return rows.filter(
    (row): row is ImpactRow & { area: { code: string; name: string } } =>
      row.area !== null && row.currency === currency && Object.keys(row.by).length === 0,
  );
}

/** A row's number for shading and sorting: null when it has none to show (suppressed). */
export const numberOf = (row: Pick<ImpactRow, 'value' | 'suppressed'>): number | null =>
  row.suppressed || row.value === null ? null : Number(row.value);

/** A step of 1, 2, 2.5 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  if (!(raw >= 1e-9)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw - 1e-9 * power) ?? 10;
  return step * power;
}

/**
 * Five classes of equal, round width from zero (or the lowest value, when below zero) to at least
 * the highest value: the class bounds, six numbers. Round breaks rather than quantiles: a program's
 * first months have figures in a handful of areas, where quantiles would collapse.
 */
export function classBreaks(values: number[]): number[] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  let step = niceStep((high - low) / CLASSES);
  // The first bound at or below the lowest value (a loss, a tiny negative that divides to -0), and a
  // step wide enough for the top value to stay within the last bound: widened until it does.
  const startFor = (size: number) => {
    const start = Math.floor(low / size) * size;
    return start > low ? start - size : start;
  };
  let start = startFor(step);
  while (start + CLASSES * step < high) {
    step = niceStep((high - start) / CLASSES + step / 2);
    start = startFor(step);
  }
  return Array.from({ length: CLASSES + 1 }, (_, i) => start + i * step);
}

/** The class (0–4) of a value within the breaks: the last class holds its upper bound. */
export function classOf(value: number, breaks: number[]): number {
  for (let i = 1; i < breaks.length - 1; i++) if (value < breaks[i]!) return i - 1;
  return breaks.length - 2;
}

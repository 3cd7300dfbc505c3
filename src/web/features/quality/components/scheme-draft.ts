import type { SchemeCriterion, SchemeDefinition, SchemePart } from '../api/schemes';

/**
 * Pure steps of the scheme editor. The draft is a whole scheme definition; every change makes a
 * new draft (React compares by reference), and the shared zod schema judges it before it is sent.
 */

type Text = Record<string, string>;
export const STAR_LEVELS = [5, 4, 3, 2, 1] as const;
export type StarLevel = (typeof STAR_LEVELS)[number];

/** A copy of the draft with `change` applied to it; the original is left as it was. */
export function edited(draft: SchemeDefinition, change: (next: SchemeDefinition) => void): SchemeDefinition {
  const next = structuredClone(draft);
  change(next);
  return next;
}

/** A localized text with one language set, or removed when emptied (an empty text is not a translation). */
export function withText(text: Text | undefined, locale: string, value: string): Text {
  const next = { ...text };
  if (value === '') delete next[locale];
  else next[locale] = value;
  return next;
}

/** `prefix` itself, or `prefix-2`, `prefix-3` … whichever is not taken yet. */
export function freeCode(taken: Iterable<string>, prefix: string): string {
  const used = new Set(taken);
  if (!used.has(prefix)) return prefix;
  let n = 2;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export const criterionCodes = (d: SchemeDefinition) => d.parts.flatMap((p) => p.criteria.map((c) => c.code));

/** What a criterion contributes at its best level, summed: the maximum score of a part or a scheme. */
export const maxPoints = (criteria: Pick<SchemeCriterion, 'weight'>[]) =>
  criteria.reduce((sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0), 0);
export const schemeMaxPoints = (d: SchemeDefinition) => maxPoints(d.parts.flatMap((p) => p.criteria));

/** A new criterion for a part: a free code, and the levels of the part's last criterion to start from. */
export function newCriterion(d: SchemeDefinition, part: SchemePart): SchemeCriterion {
  const model = part.criteria.at(-1) ?? d.parts.flatMap((p) => p.criteria).at(-1);
  return {
    code: freeCode(criterionCodes(d), `${part.code}.${part.criteria.length + 1}`),
    name: {},
    weight: model?.weight ?? 10,
    levels: model
      ? structuredClone(model.levels)
      : [
          { points: 0, descriptor: {} },
          { points: 1, descriptor: {} },
        ],
  };
}

export function newPart(d: SchemeDefinition): SchemePart {
  const code = freeCode(
    d.parts.map((p) => p.code),
    `part${d.parts.length + 1}`,
  );
  const part: SchemePart = { code, name: {}, criteria: [] };
  return { ...part, criteria: [newCriterion(d, part)] };
}

/** The next level of a criterion: one point above its best. */
export function newLevel(c: SchemeCriterion): SchemeCriterion['levels'][number] {
  const best = Math.max(0, ...c.levels.map((l) => (Number.isFinite(l.points) ? l.points : 0)));
  return { points: best + 1, descriptor: {} };
}

export function newGate(d: SchemeDefinition): SchemeDefinition['gates'][number] {
  return {
    code: freeCode(
      d.gates.map((g) => g.code),
      'gate',
    ),
    name: {},
    anyOf: ['pirt'],
    onFail: { effect: 'block' },
  };
}

export const thresholdOf = (d: SchemeDefinition, stars: StarLevel) =>
  d.thresholds.find((t) => t.stars === stars)?.minPercent;

/** Sets the score a star level needs, or drops the level (`undefined`: that many stars are never awarded). */
export function setThreshold(d: SchemeDefinition, stars: StarLevel, minPercent: number | undefined): void {
  const rest = d.thresholds.filter((t) => t.stars !== stars);
  d.thresholds = (minPercent === undefined ? rest : [...rest, { stars, minPercent }]).sort((a, b) => b.stars - a.stars);
}

/** Category codes typed as "food, beverage": none typed means the gate applies to every product. */
export function parseCodes(text: string): string[] | undefined {
  const codes = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return codes.length ? codes : undefined;
}

/** A number typed into a text box: `undefined` when empty, NaN (refused by the schema) when not a number. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
}

import type { CertificationKind, PanelTier, SchemeDefinition } from './quality.schemas.js';

/**
 * The rating rules, pure: no database, no clock. The date they judge on is always passed in.
 * Stars are computed here and nowhere else; nobody types a star.
 */

export const TIER_RANK: Record<PanelTier, number> = { district: 1, province: 2, national: 3 };

/** The most stars a panel of this tier may award under the scheme (OCOP: 3★ district, 4★ province, 5★ national). */
export function maxStarsForTier(def: SchemeDefinition, tier: PanelTier): number {
  let max = 0;
  for (const s of [1, 2, 3, 4, 5] as const) if (TIER_RANK[def.starTiers[s]] <= TIER_RANK[tier]) max = s;
  return max;
}

export interface Score {
  criterion: string;
  points: number;
}

export interface CertificateFact {
  kind: CertificationKind;
  issuedOn: string;
  expiresOn: string | null;
}

/** A certificate counts on `on` when issued on or before it and not yet expired (valid through its expiry date). */
export function validOn(cert: Pick<CertificateFact, 'issuedOn' | 'expiresOn'>, on: string): boolean {
  return cert.issuedOn <= on && (cert.expiresOn === null || cert.expiresOn >= on);
}

export interface GateResult {
  code: string;
  ok: boolean;
  effect: 'block' | 'cap';
  maxStars: number | null;
}

export function checkGates(
  def: SchemeDefinition,
  facts: { certificates: CertificateFact[]; nib: string | null; category: string },
  on: string,
): GateResult[] {
  const applicable = def.gates.filter((g) => !g.categories || g.categories.includes(facts.category));
  return applicable.map((g) => {
    const ok = g.anyOf.some((need) =>
      need === 'nib' ? Boolean(facts.nib) : facts.certificates.some((c) => c.kind === need && validOn(c, on)),
    );
    return {
      code: g.code,
      ok,
      effect: g.onFail.effect,
      maxStars: g.onFail.effect === 'cap' ? g.onFail.maxStars : null,
    };
  });
}

/** Stars for a score under the thresholds; null below the lowest one. */
export function starsFor(def: SchemeDefinition, percent: number): number | null {
  const met = def.thresholds.filter((t) => percent >= t.minPercent).map((t) => t.stars);
  return met.length ? Math.max(...met) : null;
}

export interface RatingResult {
  criteria: { code: string; average: number; points: number; weight: number }[];
  points: number;
  maxPoints: number;
  /** Two decimals, so a score exactly on a threshold is not lost to binary fractions. */
  percent: number;
  scoreStars: number | null;
  gates: GateResult[];
  tierMaxStars: number;
  stars: number | null;
  outcome: 'rated' | 'blocked' | 'below_threshold';
  cappedBy: string[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export const criterionCodes = (def: SchemeDefinition): string[] =>
  def.parts.flatMap((p) => p.criteria.map((c) => c.code));

/** Criteria with no panel score yet. */
export function unscoredCriteria(def: SchemeDefinition, scores: Score[]): string[] {
  const scored = new Set(scores.map((s) => s.criterion));
  return criterionCodes(def).filter((c) => !scored.has(c));
}

/**
 * The rating: each criterion's panel scores are averaged; the average over the criterion's best
 * level, times the criterion's weight, is what it contributes. The percent of the maximum picks
 * the stars by the thresholds; then the panel tier and failed gates cap (or block) them.
 */
export function rate(def: SchemeDefinition, scores: Score[], gates: GateResult[], panelTier: PanelTier): RatingResult {
  const criteria = def.parts.flatMap((p) =>
    p.criteria.map((c) => {
      const given = scores.filter((s) => s.criterion === c.code).map((s) => s.points);
      const average = given.length ? given.reduce((a, b) => a + b, 0) / given.length : 0;
      const best = Math.max(...c.levels.map((l) => l.points));
      return { code: c.code, average: round2(average), points: (average / best) * c.weight, weight: c.weight };
    }),
  );
  const points = criteria.reduce((a, c) => a + c.points, 0);
  const maxPoints = criteria.reduce((a, c) => a + c.weight, 0);
  const percent = round2((points / maxPoints) * 100);
  const scoreStars = starsFor(def, percent);
  const tierMaxStars = maxStarsForTier(def, panelTier);
  const failed = gates.filter((g) => !g.ok);
  const cappedBy: string[] = [];
  let stars = scoreStars;
  let outcome: RatingResult['outcome'] = scoreStars === null ? 'below_threshold' : 'rated';
  if (failed.some((g) => g.effect === 'block')) {
    stars = null;
    outcome = 'blocked';
  } else if (stars !== null) {
    // Every failed gate and the panel tier that hold the score's stars down are named, not only the lowest.
    const caps = failed.filter((g) => g.maxStars !== null).map((g) => ({ code: g.code, max: g.maxStars! }));
    caps.push({ code: 'panel_tier', max: tierMaxStars });
    for (const cap of caps) {
      if (cap.max < scoreStars!) cappedBy.push(cap.code);
      if (cap.max < stars!) stars = cap.max;
    }
    if (stars === 0) stars = null;
  }
  return {
    criteria: criteria.map((c) => ({ ...c, points: round2(c.points) })),
    points: round2(points),
    maxPoints: round2(maxPoints),
    percent,
    scoreStars,
    gates,
    tierMaxStars,
    stars,
    outcome,
    cappedBy,
  };
}

/** A date some months later, clamped to the end of a shorter month (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

import type { Ctx } from '../../http/context.js';
import { ruleBroken } from '../../http/errors.js';
import { dateIn } from '../../../shared/dates.js';
import { fromMinor } from '../../../shared/money.js';
import type { ImpactAnswer, ImpactQuery, ImpactRow } from '../../../shared/schemas/impact.js';
import { PERIOD_PATTERN } from '../../../shared/schemas/impact.js';
import { rawSql, type Sql } from '../../db/sql.js';
import { requireUser, scopeOf } from '../platform/index.js';
import {
  areaByCode,
  areaNames,
  indicatorValues,
  levelDepth,
  programCountry,
  SALES_PROVINCE_SUMMARY_DEPTH,
  SALES_SUMMARY_DEPTH,
  type Bucket,
} from './impact.repository.js';
import { impactPolicy } from './impact.policy.js';
import { INDICATORS, indicatorByCode, presentIndicator } from './indicators.js';
import { suppressCells } from './suppression.js';
import { DEFAULT_SUPPRESS_BELOW, targetsRepository } from './targets.repository.js';

export const listIndicators = () => ({ items: INDICATORS.map(presentIndicator) });

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthEnd = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDay(year, month))}`;

/** The asked period's first and last day. */
export function periodRange(period: string): { from: string; to: string } {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) throw new Error(`not a period: ${period}`);
  if (m[4]) return { from: m[4], to: m[5]! };
  const year = Number(m[1]);
  if (m[2]) {
    const q = Number(m[2]);
    return { from: `${year}-${pad(q * 3 - 2)}-01`, to: monthEnd(year, q * 3) };
  }
  if (m[3]) return { from: `${year}-${m[3]}-01`, to: monthEnd(year, Number(m[3])) };
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** At most this many periods in one series (ten years by month). */
const MAX_BUCKETS = 120;

/**
 * The period cut into a series: by month (`2026-03`), quarter (`2026Q1`) or year (`2026`), each cut
 * to the asked range at its edges; `none` is the period itself.
 */
export function bucketsOf(period: string, every: ImpactQuery['every']): Bucket[] {
  const { from, to } = periodRange(period);
  if (every === 'none') return [{ name: period, from, to }];
  const out: Bucket[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const step = every === 'month' ? 1 : every === 'quarter' ? 3 : 12;
  if (every === 'quarter') month = month - ((month - 1) % 3);
  if (every === 'year') month = 1;
  while (`${year}-${pad(month)}-01` <= to) {
    const start = `${year}-${pad(month)}-01`;
    const endMonth = month + step - 1;
    const end = monthEnd(year, endMonth);
    const name =
      every === 'month' ? `${year}-${pad(month)}` : every === 'quarter' ? `${year}Q${(month + 2) / 3}` : `${year}`;
    out.push({ name, from: start < from ? from : start, to: end > to ? to : end });
    if (out.length > MAX_BUCKETS) {
      throw ruleBroken('too-many-periods', `A series has at most ${MAX_BUCKETS} periods.`, [], undefined, {
        maximum: MAX_BUCKETS,
      });
    }
    month += step;
    if (month > 12) {
      year += Math.floor((month - 1) / 12);
      month = ((month - 1) % 12) + 1;
    }
  }
  return out;
}

/** Money in the currency's major unit; counts as they are. */
const valueOf = (r: { value: string; currency: string | null }) =>
  r.currency ? fromMinor(r.value, r.currency).amount : r.value;

const wholeMonths = (buckets: Bucket[]) =>
  buckets.every((b) => b.from.endsWith('-01') && b.to === monthEnd(Number(b.to.slice(0, 4)), Number(b.to.slice(5, 7))));

const pathDepth = (path: string) => path.split('/').filter(Boolean).length - 1;

/**
 * An indicator's values in the caller's scope: for one program or every program they see, inside
 * an area (or the whole country), per area at a level or as one value, per period of a series,
 * broken down as asked. Always from the facts as they are now: a write shows in the next read.
 */
export async function impactValues(ctx: Ctx, q: ImpactQuery): Promise<ImpactAnswer> {
  const actor = requireUser(ctx.actor);
  const scopeDepth = actor.isAdmin
    ? -1
    : Math.max(
        -1,
        ...actor.grants.map((g) => (g.groupId !== null ? Infinity : g.areaPath === null ? -1 : pathDepth(g.areaPath))),
      );
  return computeImpact(ctx, q, {
    scope: scopeOf(actor, impactPolicy, 'read', { program: 'f.program_id', path: 'f.area_path', group: null }),
    scopeDepth,
    suppressBelow: 0,
  });
}

/**
 * A program's figures for everyone (its public impact page): the whole program, no personal data,
 * and every count of people below the program's threshold (default 5) shown as "<5" — a cell that
 * small could point at a person.
 */
export async function publicImpactValues(ctx: Ctx, q: ImpactQuery & { programId: string }): Promise<ImpactAnswer> {
  const settings = await targetsRepository.settings(ctx.db, q.programId);
  return computeImpact(ctx, q, {
    scope: rawSql('true'),
    scopeDepth: -1,
    suppressBelow: settings?.suppress_below ?? DEFAULT_SUPPRESS_BELOW,
  });
}

interface Audience {
  /** Which facts the reader may count (alias f). */
  scope: Sql;
  /**
   * The deepest level (0: provinces) that scope cuts the tree at: -1 when it takes whole programs,
   * Infinity when it names groups. A summary answers only a scope made of its whole areas.
   */
  scopeDepth: number;
  /** Counts of people below this are suppressed (0: none). */
  suppressBelow: number;
}

async function computeImpact(ctx: Ctx, q: ImpactQuery, audience: Audience): Promise<ImpactAnswer> {
  const indicator = indicatorByCode(q.indicator);
  if (!indicator) {
    throw ruleBroken(
      'indicator-unknown',
      `There is no indicator "${q.indicator}".`,
      [{ path: 'indicator', code: 'not_an_indicator', params: {}, message: 'is not an indicator code' }],
      undefined,
      { indicator: q.indicator },
    );
  }
  for (const dimension of q.by) {
    if (!indicator.disaggregations.includes(dimension)) {
      throw ruleBroken(
        'breakdown-not-allowed',
        `The indicator "${indicator.code}" cannot be broken down by "${dimension}".`,
        [],
        undefined,
        { dimension, indicator: indicator.code },
      );
    }
  }
  const area = q.area ? await areaByCode(ctx.db, q.area) : undefined;
  if (q.area && !area) throw ruleBroken('areas-missing', `There is no area ${q.area}.`);
  let depth: number | undefined;
  if (q.level) {
    const country = area?.country ?? (q.programId ? await programCountry(ctx.db, q.programId) : undefined) ?? 'ID';
    depth = await levelDepth(ctx.db, country, q.level);
    if (depth === undefined) {
      throw ruleBroken('area-level-unknown', `This country has no area level "${q.level}".`, [], undefined, {
        level: q.level,
      });
    }
    if (area && depth <= area.depth) {
      throw ruleBroken('area-level-above', `The level "${q.level}" is not below ${area.name}.`, [], undefined, {
        level: q.level,
      });
    }
  }
  const period = periodRange(q.period);
  const buckets = indicator.periodType === 'current' ? [{ name: q.period, ...period }] : bucketsOf(q.period, q.every);
  // The coarsest summary of sales that holds the asked area, level and the reader's scope whole:
  // per province (0), per regency (1), or none (the lines).
  const salesSummaryDepth = (summaryDepth: number) =>
    indicator.source === 'sales' &&
    wholeMonths(buckets) &&
    (depth === undefined || depth <= summaryDepth) &&
    (!area || area.depth <= summaryDepth) &&
    audience.scopeDepth <= summaryDepth;
  const salesByProvince = salesSummaryDepth(SALES_PROVINCE_SUMMARY_DEPTH);
  const fromSummary =
    ((indicator.source === 'profit' || indicator.source === 'income_per_member') && wholeMonths(buckets)) ||
    salesSummaryDepth(SALES_SUMMARY_DEPTH);
  const rows = await indicatorValues(ctx.db, {
    indicator,
    buckets,
    by: q.by,
    programId: q.programId,
    areaPath: area?.path,
    depth,
    scope: audience.scope,
    today: dateIn(ctx.clock.now()),
    fromSummary,
    salesByProvince,
  });
  const names = await areaNames(ctx.db, [...new Set(rows.flatMap((r) => (r.area ? [r.area] : [])))]);
  // Areas at a level add up to the asked area, and each breakdown to its total: those are the
  // dimensions complementary suppression works along. Periods and currencies only set cells apart.
  const threshold = indicator.suppressible ? audience.suppressBelow : 0;
  const hidden = suppressCells(
    rows.map((r) => ({
      keys: [r.area ?? '', String(r.bucket), ...q.by.map((d) => r.dims[d] ?? '')],
      count: r.currency ? null : Number(r.value),
    })),
    threshold,
    [...(depth === undefined ? [] : [0]), ...q.by.map((_, i) => i + 2)],
  );
  const shown: ImpactRow[] = rows.map((r, i) => ({
    area:
      depth === undefined
        ? area
          ? { code: area.code, name: area.name }
          : null
        : { code: r.area!, name: names.get(r.area!) ?? r.area! },
    period: buckets[r.bucket]!.name,
    by: r.dims,
    value: hidden[i] ? null : valueOf(r),
    suppressed: hidden[i] !== null,
    complementary: hidden[i] === 'complement',
    currency: r.currency,
  }));
  return {
    indicator: presentIndicator(indicator),
    programId: q.programId ?? null,
    area: area ? { code: area.code, name: area.name, level: area.level } : null,
    level: q.level ?? null,
    period: { name: q.period, ...period },
    every: indicator.periodType === 'current' ? 'none' : q.every,
    by: q.by,
    rows: shown,
  };
}

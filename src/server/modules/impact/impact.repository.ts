import type { Queryable } from '../../db/database.js';
import { joinSql, likePrefix, query, rawSql, sql, type Sql } from '../../db/sql.js';
import type { Dimension } from '../../../shared/schemas/impact.js';
import { CLASS_CONDITIONS } from '../../../shared/schemas/impact.js';
import { AGE_BANDS, type Indicator, type Source } from './indicators.js';

/**
 * Indicator values from the facts other modules publish (registry_groups, registry_members,
 * registry_products, business_sales, business_sales_months, business_sales_province_months,
 * quality_certifications, training_participations, training_completions, market_inquiries, market_orders,
 * business_profit_months, business_profit_entries, community_mentoring_facts, community_first_answers; never
 * their tables). One query per read: the
 * periods come in as arrays and are joined, the area of each fact is cut at the asked level with
 * `split_part` on its materialised path, and breakdowns are GROUP BY columns.
 */

/** One period of a series: its name and its first and last day. */
export interface Bucket {
  name: string;
  from: string;
  to: string;
}

export interface ValuesQuery {
  indicator: Indicator;
  buckets: Bucket[];
  by: Dimension[];
  /** Only facts of this program. */
  programId: string | undefined;
  /** Only facts inside this area (its materialised path). */
  areaPath: string | undefined;
  /** Group by the area at this depth of the tree (0: provinces); undefined for one value. */
  depth: number | undefined;
  /** The caller's scope over the facts' `program_id` and `area_path` (alias f). */
  scope: Sql;
  /** Today, for values that keep no history (a product's status, a rating's validity). */
  today: string;
  /**
   * Read money from its monthly sums: sales when the buckets are whole months and nothing asks below
   * the summary's level; profit when the buckets are whole months.
   */
  fromSummary: boolean;
  /**
   * With `fromSummary`, read sales from the per-province summary: nothing is asked, grouped or scoped
   * below a province (a national or a province read).
   */
  salesByProvince: boolean;
}

export interface ValueRow {
  bucket: number;
  area: string | null;
  dims: Record<string, string>;
  /** A count, or money in minor units. */
  value: string;
  currency: string | null;
}

/** The summary keeps sales per area at this depth (0-based) of the tree and above: a regency in Indonesia. */
export const SALES_SUMMARY_DEPTH = 1;
/** The coarser summary keeps them per area at this depth: a province. */
export const SALES_PROVINCE_SUMMARY_DEPTH = 0;

const ageBand = (birthYear: string) =>
  `CASE ${AGE_BANDS.filter((b) => b.below !== Infinity)
    .map((b) => `WHEN extract(year FROM b.until)::int - ${birthYear} < ${b.below} THEN '${b.band}'`)
    .join(' ')} ELSE '${AGE_BANDS.at(-1)!.band}' END`;

/** Each source's breakdowns as SQL over its facts (alias f) and the period (alias b). */
const DIMENSION_SQL: Record<Source, Partial<Record<Dimension | 'led_by', string>>> = {
  members: {
    sex: 'f.sex',
    age_band: ageBand('f.birth_year'),
    disability: "CASE WHEN f.disability THEN 'yes' ELSE 'no' END",
  },
  groups: { kind: 'f.kind' },
  villages: {},
  products: {
    status: 'f.status',
    stars: "CASE WHEN f.stars IS NOT NULL AND f.stars_valid_until >= b.today THEN f.stars::text ELSE 'none' END",
  },
  sales: {
    market: 'f.market',
    channel: 'f.channel',
    destination: "CASE WHEN f.destination = '' THEN 'none' ELSE f.destination END",
    sex: "CASE WHEN f.led_by = '' THEN 'unknown' ELSE f.led_by END",
  },
  certifications: { cert_kind: 'f.kind' },
  participations: { sex: 'p.sex', topic: 'f.topic' },
  completions: { sex: 'p.sex', topic: 'f.topic' },
  inquiries: {},
  quoted: {},
  orders: { market: 'f.market' },
  buyers: { market: 'f.market' },
  profit: {},
  naik_kelas: { condition: 'k.cond' },
  income_per_member: {},
  mentoring_sessions: { sex: 'f.sex' },
  first_answers: { sex: 'f.sex' },
};

/** The naik kelas conditions, and the rule a program without its own keeps (migration 0026). */
const CONDITIONS = `ARRAY[${CLASS_CONDITIONS.map((c) => `'${c}'`).join(', ')}]::text[]`;
export const DEFAULT_REVENUE_GROWTH_PERCENT = 20;

/** The day a year before (29 February → 28 February). */
const yearBefore = (day: string) => `(${day} - interval '1 year')::date`;

/**
 * Whether group f met condition k.cond in period b under its program's rule r (docs/indicators.md):
 * its best star award in the period is above its best before; a certification of the group or its
 * products was issued in the period; its first export (a sales line to export with a credit, or an export
 * order not cancelled) falls in the period; its sales in the period are at least (100 + X) % of those in
 * the same span a year before, which must be above zero.
 */
const CLASS_MET = `CASE k.cond
  WHEN 'stars_up' THEN EXISTS (
    SELECT 1 FROM quality_star_awards s
    WHERE s.group_id = f.id AND s.awarded_on >= b.since AND s.awarded_on <= b.until
      AND s.stars > COALESCE((SELECT max(p.stars) FROM quality_star_awards p
                              WHERE p.group_id = f.id AND p.awarded_on < b.since), 0))
  WHEN 'new_certification' THEN EXISTS (
    SELECT 1 FROM quality_certifications c
    WHERE c.group_id = f.id AND c.issued_on >= b.since AND c.issued_on <= b.until)
  WHEN 'first_export' THEN (
    SELECT min(x.on_) FROM (
      SELECT s.entry_date AS on_ FROM business_sales_lines s WHERE s.group_id = f.id AND s.market = 'export' AND s.amount > 0
      UNION ALL
      SELECT o.placed_on FROM market_orders o WHERE o.group_id = f.id AND o.market = 'export' AND o.status <> 'cancelled'
    ) x) BETWEEN b.since AND b.until
  WHEN 'revenue_up' THEN (
    SELECT y.before > 0
       AND y.now * 100 >= y.before * (100 + COALESCE(r.revenue_growth_percent, ${DEFAULT_REVENUE_GROWTH_PERCENT}))
    FROM (SELECT COALESCE(sum(s.amount) FILTER (WHERE s.entry_date >= b.since), 0) AS now,
                 COALESCE(sum(s.amount) FILTER (WHERE s.entry_date <= ${yearBefore('b.until')}), 0) AS before
          FROM business_sales_lines s
          WHERE s.group_id = f.id AND s.entry_date >= ${yearBefore('b.since')} AND s.entry_date <= b.until) y)
END`;

/** A training fact with its participant (alias p) for the breakdown by sex. */
const withParticipant = (view: string) => `(${view} f JOIN registry_members p ON p.id = f.member_id)`;

/** A chair of the group in office on the day a stock is counted (`asof`: the period's last day, or today), of this sex. */
const chairOn = (sex: string) =>
  `EXISTS (SELECT 1 FROM registry_members c WHERE c.group_id = f.id AND c.role = 'chair' AND c.sex = '${sex}'
     AND c.joined_on <= b.asof AND (c.left_on IS NULL OR c.left_on > b.asof))`;

/** What each source counts, from which facts, and which facts count in a period. */
function sourceSql(q: ValuesQuery): {
  from: string;
  inPeriod: string;
  measure: string;
  currency: string;
  /** Per fact and period, what the measure adds up (alias x). */
  lateral?: string;
} {
  switch (q.indicator.source) {
    case 'members':
      return {
        from: 'registry_members f',
        inPeriod: 'f.joined_on <= b.asof AND (f.left_on IS NULL OR f.left_on > b.asof)',
        measure: 'count(*)',
        currency: 'NULL::text',
      };
    case 'groups':
      return {
        from: 'registry_groups f',
        inPeriod: `f.created_at::date <= b.asof${q.indicator.where?.led_by ? ` AND ${chairOn(q.indicator.where.led_by[0]!)}` : ''}`,
        measure: 'count(*)',
        currency: 'NULL::text',
      };
    case 'villages':
      return {
        from: 'registry_groups f',
        inPeriod: `EXISTS (SELECT 1 FROM registry_members m WHERE m.group_id = f.id AND m.joined_on <= b.asof
                     AND (m.left_on IS NULL OR m.left_on > b.asof))`,
        measure: 'count(DISTINCT f.village_code)',
        currency: 'NULL::text',
      };
    case 'products':
      return { from: 'registry_products f', inPeriod: 'true', measure: 'count(*)', currency: 'NULL::text' };
    case 'sales':
      return q.fromSummary
        ? {
            from: q.salesByProvince ? 'business_sales_province_months f' : 'business_sales_months f',
            inPeriod: 'f.month >= b.since AND f.month <= b.until',
            measure: 'sum(f.amount)',
            currency: 'f.currency',
          }
        : {
            from: 'business_sales f',
            inPeriod: 'f.entry_date >= b.since AND f.entry_date <= b.until',
            measure: 'sum(f.amount)',
            currency: 'f.currency',
          };
    case 'certifications':
      return {
        from: 'quality_certifications f',
        inPeriod: 'f.issued_on <= b.asof AND (f.expires_on IS NULL OR f.expires_on >= b.asof)',
        measure: 'count(*)',
        currency: 'NULL::text',
      };
    case 'participations':
      return {
        from: withParticipant('training_participations'),
        inPeriod: 'f.starts_on >= b.since AND f.starts_on <= b.until',
        measure: 'count(DISTINCT f.member_id)',
        currency: 'NULL::text',
      };
    case 'completions':
      return {
        from: withParticipant('training_completions'),
        inPeriod: 'f.issued_on >= b.since AND f.issued_on <= b.until',
        measure: 'count(DISTINCT f.member_id)',
        currency: 'NULL::text',
      };
    case 'profit':
      return q.fromSummary
        ? {
            from: 'business_profit_months f',
            inPeriod: 'f.month >= b.since AND f.month <= b.until',
            measure: 'sum(f.amount)',
            currency: 'f.currency',
          }
        : {
            from: 'business_profit_entries f',
            inPeriod: 'f.entry_date >= b.since AND f.entry_date <= b.until',
            measure: 'sum(f.amount)',
            currency: 'f.currency',
          };
    case 'naik_kelas':
      // One row per group and condition the program counts; the total counts each group once.
      return {
        from: `(registry_groups f CROSS JOIN unnest(${CONDITIONS}) AS k(cond)
                LEFT JOIN impact_class_rules r ON r.program_id = f.program_id)`,
        inPeriod: `k.cond = ANY(COALESCE(r.conditions, ${CONDITIONS})) AND COALESCE(${CLASS_MET}, false)`,
        measure: 'count(DISTINCT f.id)',
        currency: 'NULL::text',
      };
    case 'income_per_member': {
      const profit = q.fromSummary
        ? `SELECT sum(p.amount) FROM business_profit_months p
           WHERE p.group_id = f.group_id AND p.month >= b.since AND p.month <= b.until`
        : `SELECT sum(p.amount) FROM business_profit_entries p
           WHERE p.group_id = f.group_id AND p.entry_date >= b.since AND p.entry_date <= b.until`;
      // The sum of the groups' profit over the sum of their active members, in minor units (no value without members).
      return {
        from: 'business_group_books f',
        inPeriod: 'true',
        lateral: `CROSS JOIN LATERAL (SELECT COALESCE((${profit}), 0) AS profit,
          (SELECT count(*) FROM registry_members m WHERE m.group_id = f.group_id AND m.joined_on <= b.asof
             AND (m.left_on IS NULL OR m.left_on > b.asof)) AS members) x`,
        measure: 'CASE WHEN sum(x.members) > 0 THEN round(sum(x.profit) / sum(x.members)) END',
        currency: 'f.currency',
      };
    }
    case 'mentoring_sessions':
      return {
        from: 'community_mentoring_facts f',
        inPeriod: 'f.held_on >= b.since AND f.held_on <= b.until',
        measure: 'count(*)',
        currency: 'NULL::text',
      };
    case 'first_answers':
      // The median over the answered questions asked in the period, in hours to one decimal.
      return {
        from: 'community_first_answers f',
        inPeriod: 'f.asked_on >= b.since AND f.asked_on <= b.until AND f.hours IS NOT NULL',
        measure: 'round((percentile_cont(0.5) WITHIN GROUP (ORDER BY f.hours))::numeric, 1)',
        currency: 'NULL::text',
      };
    case 'inquiries':
      return {
        from: 'market_inquiries f',
        inPeriod: 'f.received_on >= b.since AND f.received_on <= b.until',
        measure: 'count(*)',
        currency: 'NULL::text',
      };
    case 'quoted':
      return {
        from: 'market_inquiries f',
        inPeriod: 'f.quoted_on >= b.since AND f.quoted_on <= b.until',
        measure: 'count(*)',
        currency: 'NULL::text',
      };
    case 'orders':
    case 'buyers':
      return {
        from: 'market_orders f',
        inPeriod: "f.placed_on >= b.since AND f.placed_on <= b.until AND f.status <> 'cancelled'",
        measure: q.indicator.source === 'orders' ? 'count(*)' : 'count(DISTINCT f.buyer_id)',
        currency: 'NULL::text',
      };
  }
}

/** The indicator's own narrowing (`where`) as SQL over its source's breakdown columns. */
function whereSql(q: ValuesQuery): Sql[] {
  const columns = DIMENSION_SQL[q.indicator.source];
  return Object.entries(q.indicator.where ?? {}).flatMap(([dimension, values]) => {
    if (dimension === 'led_by' && q.indicator.source === 'groups') return []; // in `inPeriod`
    const column = columns[dimension as Dimension];
    if (!column) throw new Error(`${q.indicator.code}: no column for ${dimension}`);
    return [sql`${rawSql(column)} = ANY(${[...values!]}::text[])`];
  });
}

export async function indicatorValues(db: Queryable, q: ValuesQuery): Promise<ValueRow[]> {
  const source = sourceSql(q);
  const columns = DIMENSION_SQL[q.indicator.source];
  const dims = q.by.map((d, i) => ({ name: d, as: `d${i}`, column: columns[d]! }));
  const area = q.depth === undefined ? 'NULL::text' : `split_part(f.area_path, '/', ${q.depth + 2})`;
  const conditions: Sql[] = [rawSql(source.inPeriod), q.scope, ...whereSql(q)];
  if (q.programId) conditions.push(sql`f.program_id = ${q.programId}`);
  if (q.areaPath) conditions.push(sql`f.area_path LIKE ${likePrefix(q.areaPath)}`);
  const select = [
    'b.i AS bucket',
    `${area} AS area`,
    ...dims.map((d) => `${d.column} AS ${d.as}`),
    `${source.measure}::text AS value`,
    `${source.currency} AS currency`,
  ].join(', ');
  const groupBy = ['b.i', `${area}`, ...dims.map((d) => d.column), source.currency].join(', ');
  const rows = await query<Record<string, string | number | null>>(
    db,
    sql`SELECT ${rawSql(select)}
        FROM unnest(${q.buckets.map((b) => b.from)}::date[], ${q.buckets.map((b) => b.to)}::date[])
               WITH ORDINALITY AS b0(since, until, i)
        CROSS JOIN LATERAL (SELECT b0.since, b0.until, b0.i - 1 AS i, ${q.today}::date AS today,
                                   LEAST(b0.until, ${q.today}::date) AS asof) b
        JOIN ${rawSql(source.from)} ON ${joinSql(conditions, ' AND ')}
        ${rawSql(source.lateral ?? '')}
        GROUP BY ${rawSql(groupBy)}
        ORDER BY 1, 2`,
  );
  return rows
    .filter((r) => r.value !== null)
    .map((r) => ({
      bucket: Number(r.bucket),
      area: (r.area as string | null) ?? null,
      dims: Object.fromEntries(dims.map((d) => [d.name, String(r[d.as])])),
      value: String(r.value),
      currency: (r.currency as string | null) ?? null,
    }));
}

/** The depth of an area level in a country (`regency` → 1 in Indonesia), if the country has it. */
export async function levelDepth(db: Queryable, country: string, level: string): Promise<number | undefined> {
  const rows = await db.query<{ depth: number }>(
    'SELECT depth FROM geography_areas WHERE country = $1 AND level = $2 LIMIT 1',
    [country, level],
  );
  return rows[0]?.depth;
}

export interface AreaRow {
  code: string;
  name: string;
  level: string;
  depth: number;
  path: string;
  country: string;
}

export async function areaByCode(db: Queryable, code: string): Promise<AreaRow | undefined> {
  const rows = await db.query<AreaRow>(
    'SELECT code, name, level, depth, path, country FROM geography_areas WHERE code = $1',
    [code],
  );
  return rows[0];
}

export async function areaNames(db: Queryable, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query<{ code: string; name: string }>(
    'SELECT code, name FROM geography_areas WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function programCountry(db: Queryable, programId: string): Promise<string | undefined> {
  const rows = await db.query<{ country: string }>('SELECT country FROM programs_programs WHERE id = $1', [programId]);
  return rows[0]?.country;
}

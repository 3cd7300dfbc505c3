import type { Queryable } from '../../db/database.js';
import { likeContaining, likePrefix, PLANNED_EACH_TIME } from '../../db/sql.js';
import { pathCodes } from '../../../shared/area-path.js';
import type { GROUP_KINDS } from '../../../shared/schemas/registry.js';
import type { CatalogWordLookup, FoundWord } from './catalog-search.js';
import { MAX_WITHIN } from './catalog-words.js';

type Localized = Record<string, string>;

/** A product as the public catalog sees it: no member, contact or legal id is ever selected. */
export interface CatalogRow {
  id: string;
  name: Localized;
  description: Localized;
  category: string;
  unit: string;
  price_minor: string;
  currency: string;
  status: 'ready' | 'export_ready';
  stars: number | null;
  area_path: string;
  group_id: string;
  group_name: string;
  group_kind: (typeof GROUP_KINDS)[number];
}

/**
 * A row of a catalog page: its card as the JSON it is sent as, in the reader's language (migration
 * 0055: the rest of the card is kept by the database).
 */
export interface CatalogPageRow {
  id: string;
  card: string;
}

export interface CatalogDetailRow extends CatalogRow {
  story: Localized;
  capacity_per_month: number | null;
  hs_code: string | null;
  group_founded_on: string | null;
  shelf_life_days: number | null;
  ingredients: Localized;
  allergens: string[] | null;
  net_amount: string | null;
  net_unit: 'g' | 'kg' | 'ml' | 'l' | 'pcs' | null;
  storage: Localized;
}

export interface CatalogAreaRow {
  code: string;
  name: string;
  level: string;
  depth: number;
}

export interface CatalogFilter {
  /** The day the page is shown: a badge whose last valid day is before it is not shown. */
  today: string;
  areaPath?: string | undefined;
  category?: string | undefined;
  minStars?: number | undefined;
  exportReady?: boolean | undefined;
}

/**
 * A product's stars, unless its badge has lapsed: the registry keeps the badge's last valid day on
 * the product, so a lapsed badge is hidden at read time, without anyone clearing it first.
 */
const stars = (today: string) => `CASE WHEN p.stars_valid_until < ${today} THEN NULL ELSE p.stars END`;

/** What a page's row gives besides its card: its id and badge, raw (as `stars` judges it). */
const BADGE_COLUMNS = `p.id, p.stars, p.stars_valid_until`;
/** What a probe reads of each product for the filter's conditions (the badge raw, as `stars` judges it). */
const PRODUCT_COLUMNS = `p.id, p.category, p.status, p.stars, p.stars_valid_until, p.area_path`;
const columns = (today: string) => `p.id, p.group_id, p.name, p.description, p.category, p.unit, p.price_minor,
  p.currency, p.status, ${stars(today)} AS stars, p.area_path, g.name AS group_name, g.kind AS group_kind`;

/**
 * A page row's card, put together from what the database keeps written out (migrations 0052, 0055
 * and 0065): the card without its closing brace, its name and description in the reader's language
 * (else Indonesian), its stars.
 */
const pageColumns = (today: string, locale: string) => `p.id,
  c.card_open || ',' || coalesce(c.texts ->> ${locale}, c.texts ->> 'id')
  || ',"stars":' || coalesce((${stars(today)})::text, 'null') || '}' AS card`;

/** A page row with the rank of the search's tier it is in (catalog-search.ts). */
export interface RankedPageRow extends CatalogPageRow {
  rank: number;
}

/** What tiersAtOnce() asks: the tiers, each with the catalog's words one of which its products hold. */
interface TiersAsk {
  f: CatalogFilter;
  locale: string;
  tiers: { rank: number; words: string[]; held: string[] }[];
  excluding: string[][];
  after: { rank: number; id: string } | null;
  limit: number;
}

/** Before every id: where a page without a cursor starts. */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** How many rows in id order a probe reads per row it wants, and at most. */
const PROBE_PER_ROW = 32;
const MAX_PROBE = 10_000;
/**
 * A probe that found some matches but too few is read again WIDE times as wide when, at the rate
 * it found them, that would fill the page with a margin (WIDE_MARGIN): a word in 1 product in 100
 * (`gung`, 2,124 of 200,000) fills a page of 51 from 9,792 rows in 2 ms, where collecting every match
 * through the trigram index took 12–150 ms (thousands of candidates tested: a word inside more of
 * the catalog's words than a look-up lists).
 */
const WIDE = 6;
const WIDE_MARGIN = 1.5;
/**
 * A probe whose first GATE_ROWS rows hold no match reads no more (migration 0060): a word found in 1
 * product in 32, enough to fill a page from the probe, is missing from them about once in 500.
 */
const GATE_ROWS = 200;
/** The empty word: what the index of products' words keeps for a run of over 60 letters and digits (0062). */
const LONG_RUN = '';
/** The most sets to leave out catalog_probe() takes (migration 0060); a probe with more is written in the statement. */
const MAX_SETS_LEFT_OUT = 4;

/** The status the filter asks for (export-ready or not), null for either. */
const wantedStatus = (f: CatalogFilter): string | null =>
  f.exportReady === undefined ? null : f.exportReady ? 'export_ready' : 'ready';

/** The filter's conditions other than its area, as SQL over products p, each parameter placed by `add`. */
function conditions(f: CatalogFilter, today: string, add: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (f.category) where.push(`p.category = ${add(f.category)}`);
  if (f.minStars) where.push(`${stars(today)} >= ${add(f.minStars)}`);
  const status = wantedStatus(f);
  if (status !== null) where.push(`p.status = ${add(status)}`);
  return where;
}

/** Areas this deep or less are read through their own index in id order (migration 0056). */
const ORDERED_DEPTH = 2;

/** Whether the area at `path` (a province or a regency) has an index of its own in id order. */
const inOrder = (path: string): boolean => pathCodes(path).length <= ORDERED_DEPTH;

/**
 * Whether a search within the area at `path` probes the area's own index first: a province's (about
 * 1 in 38 products: a common word fills a page from its first few hundred). A regency holds about 1 in
 * 500, too few for a probe to fill a page often: its matches are collected at once.
 */
export const probedWithin = (path: string): boolean => pathCodes(path).length === 1;

/**
 * Within the area at `path`: for a province or a regency, its code at its depth in the product's
 * path (indexed with id, migration 0056); deeper, the path's prefix.
 */
function inArea(path: string, add: (value: unknown) => string): string {
  const codes = pathCodes(path);
  return inOrder(path)
    ? `split_part(p.area_path, '/', ${codes.length + 1}) = ${add(codes.at(-1))}`
    : `p.area_path LIKE ${add(likePrefix(path))}`;
}

/**
 * inArea's test of a product's area path, for the catalog held in memory (catalog-held.ts): a path is
 * its codes between slashes (`/51/51.07/`), so the code at a province's or a regency's depth is the
 * area's exactly when the path begins with the area's own.
 */
export function areaTest(path: string): (areaPath: string) => boolean {
  return (areaPath) => areaPath.startsWith(path);
}

/** A count written into a statement's text instead of as a parameter: only a whole number can be. */
function sqlInteger(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a count: ${n}`);
  return String(n);
}

/** What a page asks: the filter, the words every product must contain, the sets none may contain all of. */
interface PageAsk {
  f: CatalogFilter;
  locale: string;
  words: string[];
  excluding: string[][];
  after: string | null;
  limit: number;
  /**
   * A probe runs only if each of these is one of the catalog's words (catalog_words), as a whole:
   * checked by catalog_probe(), which every probe without sets to leave out runs through (a probe
   * written in the statement skips the check; it only spares reading rows that cannot match).
   */
  known?: string[];
  /** Words the search's look-ups found, with the catalog's words that contain each (read when the matches are collected). */
  found?: ReadonlyMap<string, FoundWord>;
  /** A probe WIDE times as wide (see WIDE). */
  wide?: boolean;
}

/** How many rows in id order the probe of `ask` reads. */
const probeRowsOf = (ask: PageAsk): number => Math.min(MAX_PROBE, PROBE_PER_ROW * ask.limit) * (ask.wide ? WIDE : 1);

/**
 * A page of the published products that pass the filter and whose text contains every one of
 * `words` (none: all) and not all of any set in `excluding`, in id order, as one statement, and
 * whether it is a probe. Without a condition, the first published rows in id order. With one, either
 * a bounded probe — the first rows in id order, of which those that match: enough
 * for what most products match — or the matches collected through an index (trigram, or area path)
 * and sorted. Left to itself the planner would sometimes walk the whole table in id order for
 * matches it believes common but that are rare: two words each common but seldom together, a
 * province's products.
 */
function pageSql(ask: PageAsk, how: Way, add: (value: unknown) => string): { sql: string; probe: boolean } {
  const { f, words, excluding, after, limit } = ask;
  const today = `${add(f.today)}::date`;
  const locale = `${add(ask.locale)}::text`;
  // Written into the text, not a parameter: with the page's size known, PostgreSQL can keep one plan
  // for every search of the same shape instead of planning each (pg_prepared_statements.generic_plans).
  const page = sqlInteger(limit);
  const probeSize = probeRowsOf(ask);
  const probeRows = sqlInteger(probeSize);
  // The page's rows carry their badge: the cards are joined to catalog_cards alone.
  const withCards = (ids: string, planned: boolean) => `${planned ? PLANNED_EACH_TIME : ''}WITH ${ids}
    SELECT ${pageColumns(today, locale)} FROM page p JOIN catalog_cards c ON c.product_id = p.id ORDER BY p.id`;
  const inProvince = f.areaPath !== undefined && probedWithin(f.areaPath);
  // The sets to leave out as the rows of one array: as many patterns in each (a tier respells the same words).
  const setsFit =
    excluding.length <= MAX_SETS_LEFT_OUT && excluding.every((set) => set.length === excluding[0]!.length);
  if (how === 'probe' && setsFit && (f.areaPath === undefined || inProvince)) {
    // The whole catalog's probe walks it in id order, a province's its own index (migrations 0056 and
    // 0057), through a function whose plans are kept (0060).
    const status = wantedStatus(f);
    const province = inProvince ? pathCodes(f.areaPath!)[0]! : null;
    const sets = excluding.map((set) => set.map(likeContaining));
    const ids = `page AS (SELECT * FROM catalog_probe(${add(province)}::text, ${add(words.map(likeContaining))}::text[],
      ${add(sets)}::text[], ${add(ask.known ?? [])}::text[], ${add(after ?? NIL_UUID)}::uuid,
      ${probeRows}, ${page}, ${today}, ${add(f.category ?? null)}::text, ${add(f.minStars ?? null)}::smallint,
      ${add(status)}::text))`;
    return { sql: withCards(ids, false), probe: true };
  }
  // Published means `status <> 'draft'`, written as in the partial indexes' predicate.
  const published = [`p.status <> 'draft'`, ...(after ? [`p.id > ${add(after)}`] : [])].join(' AND ');
  const contains = (word: string) => `p.search_text LIKE ${add(likeContaining(word))}`;
  // Collecting the matches of a word whose containing catalog words are known: through the index of
  // products' words (migration 0062), each found product's text tested as LIKE would, which the
  // planner would otherwise read through the trigram index as well.
  const has = (word: string) => {
    const within = how === 'index' ? ask.found?.get(word)?.within : null;
    return within
      ? `catalog_search_words(p.search_text) && ${add([LONG_RUN, ...within])}::text[] AND strpos(p.search_text, ${add(word)}) > 0`
      : contains(word);
  };
  const area = f.areaPath === undefined ? [] : [inArea(f.areaPath, add)];
  const rest = [
    ...conditions(f, today, add),
    ...words.map(has),
    ...excluding.map((set) => `NOT (${set.map(contains).join(' AND ')})`),
  ];
  const match = [...area, ...rest].join(' AND ');
  if (!match || how === 'ordered') {
    const sql = `SELECT ${pageColumns(today, locale)} FROM registry_products p JOIN catalog_cards c ON c.product_id = p.id
      WHERE ${[published, ...(match ? [match] : [])].join(' AND ')} ORDER BY p.id LIMIT ${page}`;
    return { sql, probe: false };
  }
  // The first rows in id order, and those of them that match.
  const first = (rows: string, gates: string[]) => `SELECT ${PRODUCT_COLUMNS}, p.search_text FROM registry_products p
    WHERE ${[published, ...(inProvince ? area : []), ...gates].join(' AND ')} ORDER BY p.id LIMIT ${rows}`;
  const matched = (inProvince ? rest : [...area, ...rest]).join(' AND ') || 'true';
  // As in catalog_probe() (migration 0060): no match among the first rows, no probe (an InitPlan too).
  const someMatch = `EXISTS (SELECT FROM (${first(sqlInteger(Math.min(GATE_ROWS, probeSize)), [])}) p WHERE ${matched})`;
  const ids =
    how === 'probe'
      ? `page AS (SELECT ${BADGE_COLUMNS} FROM (${first(probeRows, [someMatch])}) p
          WHERE ${matched} ORDER BY p.id LIMIT ${page})`
      : `matches AS MATERIALIZED (SELECT ${BADGE_COLUMNS} FROM registry_products p WHERE ${published} AND ${match}),
        page AS (SELECT * FROM matches ORDER BY id LIMIT ${page})`;
  // Collected through an index, the best plan depends on how many rows each word matches: a
  // regency's 'keripik' read through one kept plan took 55 ms, planned for its words 2 ms. A
  // province's probe written here (a respelt tier's, with sets to leave out) too: one plan kept for
  // every province walked the whole catalog in id order.
  return { sql: withCards(ids, how === 'index' || inProvince), probe: how === 'probe' };
}

/**
 * How a page is read: in id order, walking the rows until the page is full (a province's or a
 * regency's own index, migration 0056); a bounded probe of the first rows; or the matches collected
 * through an index and sorted.
 */
type Way = 'ordered' | 'probe' | 'index';

/**
 * How a page is read first. Without an area, the probe. A province or a regency without search
 * words through its own index in id order, walked until the page is full. With search words, a
 * province's index probed (see probedWithin); a regency's, a district's or a village's matches
 * collected.
 */
function firstWay(ask: PageAsk): Way {
  const path = ask.f.areaPath;
  if (path === undefined) return 'probe';
  if (ask.words.length === 0 && inOrder(path)) return 'ordered';
  return probedWithin(path) ? 'probe' : 'index';
}

export const catalogRepository = {
  /**
   * A page of the catalog (see pageSql): in one statement, or two when the probe found too few and
   * the index is asked.
   */
  async matching(db: Queryable, ask: PageAsk, how: Way = firstWay(ask)): Promise<CatalogPageRow[]> {
    const params: unknown[] = [];
    const { sql, probe } = pageSql(ask, how, (value) => `$${params.push(value)}`);
    const rows = await db.query<CatalogPageRow>(sql, params);
    return probe && rows.length < ask.limit ? catalogRepository.afterProbe(db, ask, rows.length) : rows;
  },

  /**
   * The page of `ask` after its probe found `found` matches, too few: a wider probe when at that rate
   * it would fill the page (see WIDE), and when it does not, the matches collected through an index.
   */
  async afterProbe(db: Queryable, ask: PageAsk, found: number): Promise<CatalogPageRow[]> {
    if (!ask.wide && found > 0 && found * WIDE >= WIDE_MARGIN * ask.limit) {
      const wide = await catalogRepository.probe(db, { ...ask, wide: true });
      if (wide.length >= ask.limit) return wide;
    }
    return catalogRepository.matching(db, ask, 'index');
  },

  /**
   * The rest of a search's tiers in one statement, when each is held by few products (see
   * FoundWord): the products holding one of each tier's `held` words (through the index of products'
   * words, migration 0062), each ranked by the first tier whose words its text contains, none that
   * contains every word of a set in `excluding` (the tiers above), in rank then id order from `after`.
   * Read through catalog_rare_tiers() (migration 0064), whose plan is kept: the same statement for
   * any number of tiers and words, each tier's patterns one row of an array padded with '%'.
   */
  async tiersAtOnce(db: Queryable, ask: TiersAsk): Promise<RankedPageRow[]> {
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    const { f } = ask;
    const today = `${add(f.today)}::date`;
    const locale = `${add(ask.locale)}::text`;
    const rows = (sets: string[][]) => {
      const width = Math.max(0, ...sets.map((set) => set.length));
      return sets.map((set) => [...set.map(likeContaining), ...Array<string>(width - set.length).fill('%')]);
    };
    const codes = f.areaPath === undefined ? [] : pathCodes(f.areaPath);
    const ordered = f.areaPath !== undefined && inOrder(f.areaPath);
    const status = wantedStatus(f);
    const sql = `WITH page AS (SELECT * FROM catalog_rare_tiers(${add([LONG_RUN, ...new Set(ask.tiers.flatMap((t) => t.held))])}::text[],
        ${add(rows(ask.tiers.map((t) => t.words)))}::text[], ${add(ask.tiers.map((t) => t.rank))}::integer[],
        ${add(rows(ask.excluding))}::text[], ${add(ordered ? codes.length + 1 : null)}::integer,
        ${add(ordered ? codes.at(-1) : null)}::text, ${add(f.areaPath !== undefined && !ordered ? likePrefix(f.areaPath) : null)}::text,
        ${today}, ${add(f.category ?? null)}::text, ${add(f.minStars ?? null)}::smallint, ${add(status)}::text,
        ${add(ask.after?.rank ?? null)}::integer, ${add(ask.after?.id ?? null)}::uuid, ${add(ask.limit)}::integer))
      SELECT ${pageColumns(today, locale)}, p.rank FROM page p JOIN catalog_cards c ON c.product_id = p.id
      ORDER BY p.rank DESC, p.id`;
    return db.query<RankedPageRow>(sql, params);
  },

  /** The bounded probe alone (see pageSql): the matches among the first rows in id order, maybe too few. */
  async probe(db: Queryable, ask: PageAsk): Promise<CatalogPageRow[]> {
    const params: unknown[] = [];
    const { sql } = pageSql(ask, 'probe', (value) => `$${params.push(value)}`);
    return db.query<CatalogPageRow>(sql, params);
  },

  /**
   * For each search word: whether it occurs in the catalog's words and, when it does not, the
   * closest words (pg_trgm similarity, at least its threshold of 0.3) that are not a small part of
   * it: 'ikatt' may become 'ikat' (four fifths of it), 'kopiluwak' not 'kopi'.
   * With the word found (the search word, or each close word): the catalog's words that contain it,
   * when there are at most MAX_WITHIN, and for a close word whether a probe would give up on it at
   * once: none of the first GATE_ROWS published products holds it (their trigram bits tested first,
   * as the probe's, migration 0061; stopped at the first that does, so a common word costs little).
   * One block per word, so that each pattern reaches the planner as a value the trigram index can use;
   * planned each time, as one plan kept for all words cannot know how many each matches (17 ms).
   * `OFFSET 0` keeps each array a subquery of its own, read once: inlined, it was read again where
   * it is used (0.2–0.3 ms a word in `EXPLAIN ANALYZE`).
   */
  async wordLookups(db: Queryable, tokens: string[]): Promise<CatalogWordLookup[]> {
    if (tokens.length === 0) return [];
    const params: unknown[] = [];
    const most = sqlInteger(MAX_WITHIN);
    const containing = (pattern: string) =>
      `(SELECT CASE WHEN cardinality(a) <= ${most} THEN a END
        FROM (SELECT ARRAY(SELECT word FROM catalog_words WHERE word LIKE ${pattern} LIMIT ${most} + 1) AS a OFFSET 0) a)`;
    const blocks = tokens.map((token) => {
      const [word, pattern] = [`$${params.push(token)}::text`, `$${params.push(likeContaining(token))}`];
      return `SELECT ${word} AS token, k.known, c.word, c.similarity,
          CASE WHEN c.word IS NULL THEN k.within ELSE w.within END AS within,
          CASE WHEN c.word IS NOT NULL THEN NOT EXISTS (
            SELECT FROM (SELECT p.id, p.search_trigrams FROM registry_products p WHERE p.status <> 'draft'
              ORDER BY p.id LIMIT ${sqlInteger(GATE_ROWS)}) f
            WHERE f.search_trigrams & w.bits = w.bits
              AND EXISTS (SELECT FROM registry_products p WHERE p.id = f.id AND strpos(p.search_text, c.word) > 0)) END AS rare
        FROM (SELECT within, within IS NULL OR cardinality(within) > 0 AS known
          FROM (SELECT ${containing(pattern)} AS within OFFSET 0) t) k
        LEFT JOIN LATERAL (
          SELECT word, similarity(word, ${word}) AS similarity FROM catalog_words
          WHERE NOT k.known AND word % ${word} AND (strpos(${word}, word) = 0 OR 5 * length(word) >= 4 * length(${word}))
          ORDER BY similarity DESC, word LIMIT 3
        ) c ON true
        LEFT JOIN LATERAL (SELECT ${containing(`'%' || c.word || '%'`)} AS within,
          catalog_trigram_bits(c.word) AS bits OFFSET 0) w ON c.word IS NOT NULL`;
    });
    return db.query<CatalogWordLookup>(PLANNED_EACH_TIME + blocks.join('\nUNION ALL\n'), params);
  },

  /**
   * The catalog's words added after `version`, with the version and words_cleared they were read at,
   * in one statement (one snapshot: migration 0063); every word when words_cleared is not `cleared`
   * (a word was changed or removed since).
   */
  async wordsSince(
    db: Queryable,
    version: bigint,
    cleared: bigint,
  ): Promise<{ version: string; cleared: string; words: string[] }> {
    const [row] = await db.query<{ version: string; cleared: string; words: string[] }>(
      `SELECT v.version::text AS version, v.words_cleared::text AS cleared,
         ARRAY(SELECT word FROM catalog_words
           WHERE added_in > CASE WHEN v.words_cleared = $2::bigint THEN $1::bigint ELSE -1 END) AS words
       FROM catalog_version v`,
      [String(version), String(cleared)],
    );
    return row!;
  },

  /**
   * The search text of the first GATE_ROWS published products in id order: what a probe reads
   * before it gives up (see GATE_ROWS), for a look-up made in memory.
   */
  async firstTexts(db: Queryable): Promise<string[]> {
    const rows = await db.query<{ search_text: string }>(
      `SELECT p.search_text FROM registry_products p WHERE p.status <> 'draft' ORDER BY p.id LIMIT ${sqlInteger(GATE_ROWS)}`,
    );
    return rows.map((r) => r.search_text);
  },

  /**
   * The catalog's version (migration 0042): bumped by every write that changes what the catalog
   * shows, in the write's own transaction. Read before the answer, on the same database, an answer
   * is never older than the version it is kept under.
   */
  async version(db: Queryable): Promise<string> {
    const [row] = await db.query<{ version: string }>('SELECT version::text AS version FROM catalog_version');
    return row!.version;
  },

  async byId(db: Queryable, id: string, today: string): Promise<CatalogDetailRow | undefined> {
    const rows = await db.query<CatalogDetailRow>(
      `SELECT ${columns('$2::date')}, p.story, p.capacity_per_month, p.hs_code, g.founded_on AS group_founded_on,
         p.shelf_life_days, p.ingredients, p.allergens, p.net_amount, p.net_unit, p.storage
       FROM registry_products p JOIN registry_groups g ON g.id = p.group_id WHERE p.id = $1 AND p.status <> 'draft'`,
      [id, today],
    );
    return rows[0];
  },

  /** Areas by code, in one query: the villages of a page and all their ancestors. */
  async areas(db: Queryable, codes: string[]): Promise<CatalogAreaRow[]> {
    if (codes.length === 0) return [];
    return db.query<CatalogAreaRow>(
      'SELECT code, name, level, depth FROM geography_areas WHERE code = ANY($1::text[])',
      [codes],
    );
  },
};

import { pathCodes } from '../../../shared/area-path.js';
import { publicCertifications, publicRating } from '../quality/index.js';
import type { Database, Queryable } from '../../db/database.js';
import type { Clock } from '../../http/context.js';
import { invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { dateIn } from '../../../shared/dates.js';
import { UI_LOCALES, type UiLocale } from '../../../shared/locales.js';
import { localized, shownLanguage, type Localized } from '../../../shared/localized.js';
import { fromMinor } from '../../../shared/money.js';
import type { Allergen } from '../../../shared/schemas/registry.js';
import { areaPath } from '../geography/index.js';
import { presentPhoto, productPhotos } from '../registry/index.js';
import {
  catalogRepository,
  probedWithin,
  type CatalogFilter,
  type CatalogPageRow,
  type CatalogRow,
} from './catalog.repository.js';
import {
  EXACT_RANK,
  foundWords,
  isVariable,
  nearTiers,
  otherSpellingTiers,
  searchWords,
  type CatalogWordLookup,
  type FoundWord,
  type SearchTier,
  type WordLookup,
} from './catalog-search.js';
import { CatalogWords, FirstWords, MAX_HELD } from './catalog-words.js';
import { HeldCatalog, heldCatalog } from './catalog-held.js';
import type { CatalogItemAnswer, CatalogPageAnswer, CatalogProductAnswer, CatalogQuery } from './market.schemas.js';

/**
 * The public catalog reads only what is on sale: no actor, no scope — and nothing personal. The
 * clock decides "today", the day a lapsed badge stops showing.
 */
interface Reader {
  db: Queryable;
  clock: Clock;
  /** The catalog's version read before the answer, when it was (see catalogVersion). */
  version?: string | undefined;
  /**
   * The database whose catalog is held in memory (catalog-held.ts): pages are answered from it when
   * it is held at `version` — also for a replica of it, whose version names the same catalog.
   */
  held?: Queryable | undefined;
}

/** A card's photo: its picture and thumbnail, as the media route serves them. */
const cardPhoto = (storageKey: string, thumbnailKey: string) => ({
  url: `/media/${storageKey}`,
  thumbnailUrl: `/media/${thumbnailKey}`,
});

function presentItem(
  row: CatalogRow,
  locale: UiLocale,
  areaName: (code: string) => string | undefined,
  photo: { url: string; thumbnailUrl: string } | null,
): CatalogItemAnswer {
  const codes = pathCodes(row.area_path);
  const villageCode = codes.at(-1)!;
  return {
    id: row.id,
    name: localized(row.name, locale) ?? '',
    description: localized(row.description, locale),
    category: row.category,
    unit: row.unit,
    price: fromMinor(row.price_minor, row.currency),
    status: row.status,
    exportReady: row.status === 'export_ready',
    stars: row.stars,
    photo,
    village: { code: villageCode, name: areaName(villageCode) ?? villageCode },
    region: codes.slice(0, -1).map((code) => areaName(code) ?? code),
    group: { id: row.group_id, name: row.group_name, kind: row.group_kind },
  };
}

/** A product's photos and the areas of its path: two queries. */
async function lookups(db: Queryable, row: CatalogRow) {
  const [photos, areas] = await Promise.all([
    productPhotos(db, [row.id]),
    catalogRepository.areas(db, pathCodes(row.area_path)),
  ]);
  return { photos, areas: new Map(areas.map((a) => [a.code, a])) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const badCursor = () =>
  invalid([{ path: 'query.cursor', code: 'bad_cursor', message: 'is not a cursor this list gave out' }]);

function idCursor(cursor: string | undefined): string | null {
  const id = decodeCursor(cursor, 1)?.[0] ?? null;
  if (id !== null && !UUID.test(id)) throw badCursor();
  return id;
}

function rankCursor(cursor: string | undefined): { rank: number; id: string } | null {
  const key = decodeCursor(cursor, 2);
  if (key === null) return null;
  const [rank, id] = key as [string, string];
  if (!/^\d{1,4}$/.test(rank) || Number(rank) > EXACT_RANK || !UUID.test(id)) throw badCursor();
  return { rank: Number(rank), id };
}

type Ranked = CatalogPageRow & { rank: number };
/** A tier's rows with its rank, written out: spreading each of pg's rows cost about 35 µs a page. */
const ranked = (rows: CatalogPageRow[], rank: number): Ranked[] => rows.map(({ id, card }) => ({ id, card, rank }));

/**
 * The rows of one page of a search, tier by tier (see catalog-search.ts), each in id order,
 * starting where the cursor left off. When each word is one of the catalog's words, the tiers begin
 * with the words as typed: they are probed at once, and when the probe fills the page nothing else
 * is read (a common word's page in one statement). Within a province the probe walks its own index;
 * a smaller area's matches are collected at once (catalog.repository.ts).
 */
async function searchRows(
  db: Queryable,
  memo: VersionMemo | undefined,
  held: HeldCatalog | undefined,
  filter: CatalogFilter,
  locale: UiLocale,
  words: string[],
  after: { rank: number; id: string } | null,
  count: number,
): Promise<Ranked[]> {
  const ask = (tier: SearchTier, excluding: string[][], limit: number, found?: ReadonlyMap<string, FoundWord>) => ({
    f: filter,
    locale,
    words: tier.words,
    excluding,
    after: after?.rank === tier.rank ? after.id : null,
    limit,
    found,
  });
  const typed: SearchTier = { rank: EXACT_RANK, words };
  // How many matches the probe of the words as typed found, when it ran.
  let probed: number | undefined;
  // Under a version, the words are looked up first (once: kept in its memo), so that a word that
  // occurs nowhere is not probed for; the probe below could not match.
  const variable = words.filter(isVariable);
  if (held && memo) {
    // The catalog in memory needs only the words' spellings, not what the database's plans read.
    const tiers = tiersOf(words, await respelt(db, memo, variable));
    if (HeldCatalog.answers(tiers)) return held.tierRows(filter, locale, tiers, after, count);
  }
  const first = memo ? await lookUpWords(db, memo, variable) : undefined;
  const misspelt = first?.some((l) => !l.known) ?? false;
  if (
    !misspelt &&
    (filter.areaPath === undefined || probedWithin(filter.areaPath)) &&
    (after === null || after.rank === EXACT_RANK)
  ) {
    // Only if each word that could be respelt is one of the catalog's words: a misspelt word's probe
    // would read its rows for nothing.
    const found = await catalogRepository.probe(db, { ...ask(typed, [], count), known: variable });
    if (found.length >= count) return ranked(found, EXACT_RANK);
    probed = found.length;
  }
  const rows: Ranked[] = [];
  const { tiers, found } = searchTiers(words, first ?? (await lookUpWords(db, memo, variable)));
  for (let i = 0; i < tiers.length && rows.length < count;) {
    const tier = tiers[i]!;
    if (after !== null && tier.rank > after.rank) {
      i++;
      continue;
    }
    const excluding = tiers.slice(0, i).map((t) => t.words);
    // This tier and those after it, as long as each is held by few products: read at once, through
    // the index of products' words, each word held read once (MAX_HELD).
    const run: (SearchTier & { held: string[] })[] = [];
    for (const t of tiers.slice(i)) {
      const held = rareHeld(t, found);
      if (!held) break;
      run.push({ ...t, held });
    }
    if (run.length > 0 && run.reduce((sum, t) => sum + t.held.length, 0) <= MAX_HELD) {
      const read = await catalogRepository.tiersAtOnce(db, {
        f: filter,
        locale,
        tiers: run,
        excluding,
        after: after !== null && after.rank === tier.rank ? after : null,
        limit: count - rows.length,
      });
      rows.push(...read);
      i += run.length;
      continue;
    }
    const asked = ask(tier, excluding, count - rows.length, found);
    // The words as typed, probed above and found too few: a wider probe or the matches collected
    // through an index; a word too rare to fill a page from a probe: the index.
    const rare = tier.words.some((word) => found.get(word)?.rare);
    const read =
      probed !== undefined && tier.rank === EXACT_RANK
        ? catalogRepository.afterProbe(db, asked, probed)
        : catalogRepository.matching(db, asked, rare ? 'index' : undefined);
    rows.push(...ranked(await read, tier.rank));
    i++;
  }
  return rows;
}

/**
 * The catalog's words that contain a rare word of `tier` (see FoundWord), when it has one: every
 * product the tier matches holds one of them.
 */
function rareHeld(tier: SearchTier, found: ReadonlyMap<string, FoundWord>): string[] | undefined {
  for (const word of tier.words) {
    const f = found.get(word);
    if (f?.rare && f.held) return f.held;
  }
  return undefined;
}

/**
 * The words as typed when each occurs in the catalog; otherwise (no product could contain them
 * all) the close spellings. Asking catalog_words first spares a search that cannot match. Then
 * the same with a word's other writing (蜂蜜 for はちみつ), below.
 */
function searchTiers(
  words: string[],
  lookups: CatalogWordLookup[],
): { tiers: SearchTier[]; found: Map<string, FoundWord> } {
  return { tiers: tiersOf(words, lookups), found: foundWords(lookups) };
}

function tiersOf(words: string[], lookups: WordLookup[]): SearchTier[] {
  const tiers = lookups.some((l) => !l.known) ? nearTiers(words, lookups) : [{ rank: EXACT_RANK, words }];
  return [...tiers, ...otherSpellingTiers(tiers)];
}

/**
 * What pages read once per catalog version, by database: the paths of the areas they are filtered
 * by, and the look-ups of their search words (catalog_words). A change to the areas or to a
 * published product's words bumps the catalog's version (migrations 0042 and 0047), so what was read
 * under a version holds for every answer under it. At most MAX_KEPT of each, then nothing more until
 * the version changes.
 */
interface VersionMemo {
  version: string;
  paths: Map<string, string | undefined>;
  words: Map<string, CatalogWordLookup[]>;
  /** The spellings of search words, for the catalog held in memory (respelt). */
  spellings: Map<string, WordLookup[]>;
  /** The catalog's words in memory, read up to this version at least (see catalogWordsOf). */
  catalogWords?: Promise<CatalogWords>;
  /** The words of the catalog's first products (catalogRepository.firstTexts). */
  firstWords?: Promise<FirstWords>;
}
const memos = new WeakMap<Queryable, VersionMemo>();
const MAX_KEPT = 10_000;

/** The memo of the version `ctx` read for its answer; none when it read none. */
function memoOf(ctx: Reader): VersionMemo | undefined {
  if (ctx.version === undefined) return undefined;
  let memo = memos.get(ctx.db);
  if (memo?.version !== ctx.version) {
    memo = { version: ctx.version, paths: new Map(), words: new Map(), spellings: new Map() };
    memos.set(ctx.db, memo);
  }
  return memo;
}

/** No product's words: what a look-up of known words is given (it asks of no close word). */
const NO_TEXTS = new FirstWords([]);

/** Each database's catalog words in this process's memory (migration 0063). */
const catalogWords = new WeakMap<Queryable, CatalogWords>();

/**
 * The catalog's words in memory, as of the memo's version or later: read in full the first time,
 * then those added since the version last read — once per version, none when the words read are
 * already as new. All of them again when a word was changed or removed (words_cleared moved).
 */
function catalogWordsOf(db: Queryable, memo: VersionMemo): Promise<CatalogWords> {
  memo.catalogWords ??= (async () => {
    const held = catalogWords.get(db) ?? new CatalogWords();
    if (held.version >= BigInt(memo.version)) return held;
    const read = await catalogRepository.wordsSince(db, held.version, held.cleared);
    const cleared = BigInt(read.cleared);
    // Read in full when words_cleared moved (or nothing was held): then in a new dictionary.
    const words = held.cleared === cleared ? held : new CatalogWords();
    words.add(read.words);
    words.cleared = cleared;
    if (BigInt(read.version) > words.version) words.version = BigInt(read.version);
    catalogWords.set(db, words);
    return words;
  })();
  return memo.catalogWords;
}

/** The path of the area a page is filtered by: a page within an area runs one statement, not two. */
async function filterAreaPath(db: Queryable, memo: VersionMemo | undefined, code: string): Promise<string | undefined> {
  if (memo?.paths.has(code)) return memo.paths.get(code);
  const path = await areaPath(db, code);
  if (memo && memo.paths.size < MAX_KEPT) memo.paths.set(code, path);
  return path;
}

/**
 * The look-ups of `tokens` (see catalogRepository.wordLookups), those kept under the version from
 * memory: a misspelt word asked again is respelt without a statement.
 */
async function lookUpWords(
  db: Queryable,
  memo: VersionMemo | undefined,
  tokens: string[],
): Promise<CatalogWordLookup[]> {
  const missing = tokens.filter((token) => !memo?.words.has(token));
  const read = missing.length ? await readLookups(db, memo, missing) : [];
  const of = (token: string) => read.filter((l) => l.token === token);
  for (const token of missing) if (memo && memo.words.size < MAX_KEPT) memo.words.set(token, of(token));
  return tokens.flatMap((token) => memo?.words.get(token) ?? of(token));
}

/** The spellings of `tokens` (catalogWords' respell), kept under the version as the look-ups are. */
async function respelt(db: Queryable, memo: VersionMemo, tokens: string[]): Promise<WordLookup[]> {
  const missing = tokens.filter((token) => !memo.spellings.has(token));
  if (missing.length) {
    const words = await catalogWordsOf(db, memo);
    for (const token of missing) {
      const found = words.respell(token);
      if (memo.spellings.size < MAX_KEPT) memo.spellings.set(token, found);
      else return tokens.flatMap((t) => memo.spellings.get(t) ?? words.respell(t));
    }
  }
  return tokens.flatMap((token) => memo.spellings.get(token)!);
}

/**
 * The look-ups of `tokens`: under a version from the catalog's words in memory (no statement once
 * they are read, but the first products' texts when a word is misspelt), else from the database.
 */
async function readLookups(
  db: Queryable,
  memo: VersionMemo | undefined,
  tokens: string[],
): Promise<CatalogWordLookup[]> {
  if (!memo) return catalogRepository.wordLookups(db, tokens);
  const words = await catalogWordsOf(db, memo);
  const misspelt = tokens.some((token) => words.within(token)?.length === 0);
  const first = misspelt
    ? await (memo.firstWords ??= catalogRepository.firstTexts(db).then((t) => new FirstWords(t)))
    : NO_TEXTS;
  // A rare close word inside more words than a look-up lists: its products read through them all the same.
  return tokens.flatMap((token) =>
    words
      .lookUp(token, first)
      .map((l) =>
        l.rare && l.within === null && l.word !== null ? { ...l, held: words.within(l.word, MAX_HELD) } : l,
      ),
  );
}

/**
 * A page of the catalog as the JSON it is sent as: each card as the database wrote it in the
 * reader's language (migration 0055), none parsed or written again here.
 */
export async function catalogPageJson(ctx: Reader, query: CatalogQuery): Promise<string> {
  const memo = memoOf(ctx);
  let path: string | undefined;
  if (query.area) {
    path = await filterAreaPath(ctx.db, memo, query.area);
    if (!path) throw invalid([{ path: 'query.area', code: 'unknown_reference', message: 'no such area' }]);
  }
  const filter: CatalogFilter = {
    today: dateIn(ctx.clock.now()),
    areaPath: path,
    category: query.category,
    minStars: query.minStars,
    exportReady: query.exportReady === undefined ? undefined : query.exportReady === 'true',
  };
  const words = searchWords(query.q);
  const held = ctx.held && ctx.version !== undefined ? heldCatalog(ctx.held, ctx.version) : undefined;
  const rows: (CatalogPageRow & { rank?: number })[] = words.length
    ? await searchRows(ctx.db, memo, held, filter, query.locale, words, rankCursor(query.cursor), query.limit + 1)
    : held
      ? held.firstRows(filter, query.locale, idCursor(query.cursor), query.limit + 1)
      : await catalogRepository.matching(ctx.db, {
          f: filter,
          locale: query.locale,
          words: [],
          excluding: [],
          after: idCursor(query.cursor),
          limit: query.limit + 1,
        });
  const page = toPage(
    rows,
    query.limit,
    (row) => row.card,
    (row) => (row.rank === undefined ? [row.id] : [String(row.rank), row.id]),
  );
  return `{"items":[${page.items.join(',')}],"nextCursor":${JSON.stringify(page.nextCursor)}}`;
}

/** A page of the catalog, for a page rendered on the server. */
export async function searchCatalog(ctx: Reader, query: CatalogQuery): Promise<CatalogPageAnswer> {
  return JSON.parse(await catalogPageJson(ctx, query)) as CatalogPageAnswer;
}

/** The languages a product has text in, the interface languages first. */
function languagesOf(...texts: Localized[]): string[] {
  const all = new Set(texts.flatMap((t) => Object.keys(t)));
  const known = UI_LOCALES.filter((l) => all.delete(l));
  return [...known, ...[...all].sort()];
}

/** The public product page: its story, village and group. Drafts are not public: 404. */
export async function getCatalogProduct(ctx: Reader, id: string, locale: UiLocale): Promise<CatalogProductAnswer> {
  const today = dateIn(ctx.clock.now());
  const row = await catalogRepository.byId(ctx.db, id, today);
  if (!row) throw notFound('Product');
  const { photos, areas } = await lookups(ctx.db, row);
  const first = photos[0];
  const item = presentItem(
    row,
    locale,
    (code) => areas.get(code)?.name,
    first ? cardPhoto(first.storage_key, first.thumbnail_key) : null,
  );
  const ancestors = pathCodes(row.area_path)
    .slice(0, -1)
    .flatMap((code) => {
      const area = areas.get(code);
      return area ? [{ code: area.code, name: area.name, level: area.level }] : [];
    });
  const village = areas.get(item.village.code);
  return {
    ...item,
    description: localized(row.description, locale),
    languages: languagesOf(row.name, row.description, row.story),
    story: localized(row.story, locale),
    shownIn: {
      name: shownLanguage(row.name, locale),
      description: shownLanguage(row.description, locale),
      story: shownLanguage(row.story, locale),
      ingredients: shownLanguage(row.ingredients, locale),
      storage: shownLanguage(row.storage, locale),
    },
    photos: photos.map((p) => {
      const shown = presentPhoto(p);
      return { url: shown.url, thumbnailUrl: shown.thumbnailUrl, width: shown.width, height: shown.height };
    }),
    village: { ...item.village, level: village?.level ?? 'village', ancestors },
    group: { ...item.group, foundedOn: row.group_founded_on },
    certifications: await publicCertifications(ctx.db, row.id, today),
    rating: await publicRating(ctx.db, row.id, today, locale),
    capacityPerMonth: row.capacity_per_month,
    hsCode: row.hs_code,
    shelfLifeDays: row.shelf_life_days,
    ingredients: localized(row.ingredients, locale),
    allergens: row.allergens as Allergen[] | null,
    netQuantity:
      row.net_amount !== null && row.net_unit ? { amount: Number(row.net_amount), unit: row.net_unit } : null,
    storage: localized(row.storage, locale),
  };
}

/** What this process has seen of a database's catalog version, following its notifications. */
interface Followed {
  newest: bigint;
  /** The notifications stopped (their connection closed): read, and follow again. */
  lost: boolean;
  /** The database's `writes` when the version was last read after this process's own writes. */
  writes: number | undefined;
  /** A read of the version after this process's own writes, which readers that came later await. */
  catchingUp: Promise<void> | undefined;
}

/** The databases whose catalog version this process follows, and when it may try again after a failure. */
const followed = new WeakMap<Database, Promise<Followed>>();
const retryAt = new WeakMap<Database, number>();
const RETRY_AFTER_MS = 5000;

function follow(db: Database, listen: NonNullable<Database['listen']>): Promise<Followed> {
  return (async () => {
    const seen: Followed = { newest: 0n, lost: false, writes: db.writes, catchingUp: undefined };
    // Listening first: a bump committed between the two is seen by one or the other.
    await listen(
      'catalog_version',
      (payload) => saw(seen, BigInt(payload)),
      () => void (seen.lost = true),
    );
    saw(seen, BigInt(await catalogRepository.version(db)));
    return seen;
  })();
}

const saw = (seen: Followed, version: bigint) => void (version > seen.newest && (seen.newest = version));

/**
 * The catalog's version on `db`, read before an answer that is cached or tagged under it (decision
 * 024). Where the database sends a notification with each bump (migration 0053) the version is
 * followed in memory, and a cached answer costs no statement. On the embedded database every write
 * is this process's own and its notification arrives before the writer resumes. On a PostgreSQL
 * primary other processes' bumps arrive a moment after their commit (a visitor may be shown the
 * answer of a moment before, as a browser keeping it for `max-age` would), and after a write of this
 * process the version is read once, so that no reader here sees an older version than its own
 * writes. A replica, where no notification arrives, or a primary whose notifications stopped, is read.
 */
export async function catalogVersion(db: Database): Promise<string> {
  if (!db.listen || (retryAt.get(db) ?? 0) > Date.now()) return catalogRepository.version(db);
  let following = followed.get(db);
  if (!following) {
    following = follow(db, db.listen.bind(db));
    followed.set(db, following);
  }
  const seen = await following.catch(() => undefined);
  if (seen === undefined || seen.lost) {
    followed.delete(db);
    retryAt.set(db, Date.now() + (seen === undefined ? RETRY_AFTER_MS : 0));
    return catalogRepository.version(db);
  }
  if (db.writes !== seen.writes) {
    seen.writes = db.writes;
    const catchingUp: Promise<void> = catalogRepository
      .version(db)
      .then(
        (version) => saw(seen, BigInt(version)),
        (error: unknown) => {
          seen.writes = undefined; // read again next time
          throw error;
        },
      )
      .finally(() => {
        if (seen.catchingUp === catchingUp) seen.catchingUp = undefined;
      });
    seen.catchingUp = catchingUp;
  }
  await seen.catchingUp;
  return String(seen.newest);
}

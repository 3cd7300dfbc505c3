import type { Queryable } from '../../db/database.js';
import { UI_LOCALES, type UiLocale } from '../../../shared/locales.js';
import { areaTest, catalogRepository, type CatalogFilter, type CatalogPageRow } from './catalog.repository.js';
import { isVariable, type SearchTier } from './catalog-search.js';
import { CatalogWords } from './catalog-words.js';

/**
 * The public catalog held in the server's memory (OVOP_CATALOG_IN_MEMORY, decision 037): every
 * published product's card, filter fields and words, read at one catalog version, so that a page of
 * that version is answered without a statement — a search never asked before included, which the
 * cache of answers (decision 024) cannot spare. It answers as the database does (catalog.service.ts
 * reads a page either way; catalog-held.test.ts holds the two equal), for pages whose search words
 * are each one a catalog word can contain (isVariable); any other page is read from the database.
 *
 * The cards' bytes are kept in Buffers, outside the garbage collector's heap (a card a string, 170,000
 * of them in each of three languages, would be marked by every full collection), and the words'
 * products as one list in typed arrays, as catalog-words.ts keeps its trigrams.
 */

/**
 * Products read by one statement of a load: a batch is taken in without a pause (about 40 ms at
 * 1,000), and requests are answered between batches.
 */
const BATCH = 1_000;
/** Words whose containing words are listed (index) without a pause. */
const YIELD_EVERY = 4_096;
/** The bytes of what the searches' words found that a held catalog keeps (#kept): a common word's products are 4 bytes each. */
const KEPT_BYTES = 32 * 1024 * 1024;
/** The most words containing a word that its own list holds (#withinFrom); one inside more is looked up when asked. */
const WITHIN = 64;
/** The most words one search asks for (the database answers one that asks more). */
const MAX_SOUGHT = 16;
/** A run this long or longer is not a word: the index of products' words keeps it as the empty word (0062); held apart. */
const LONG = 61;

interface Batch {
  /** The cards without their closing brace (catalog_cards.card_open), end to end; card i is at open[i] to open[i + 1]. */
  opens: Buffer;
  open: Int32Array;
  /** The name and description of each card in each interface language (catalog_cards.texts), end to end. */
  texts: Buffer;
  /** Of card i in language l: its text from text[2 (i·L + l)] to text[2 (i·L + l) + 1]. */
  text: Int32Array;
}

/** What is known of a word searched for: the catalog's words that contain it, and their products. */
interface Found {
  word: string;
  containing: Int32Array;
  /** Products whose runs of over 60 letters contain it. */
  long: number[];
  /** How many products hold the words that contain it (some counted more than once). */
  total: number;
  /** Those products, in id order, each once, when a search has read them (#holding). */
  holding: Int32Array | null;
}

/** A word one search asks for: the catalog's words that contain it marked `stamp` in `marks`. */
interface Sought extends Found {
  marks: Int32Array;
  stamp: number;
}

export interface LoadedRow {
  id: string;
  area_path: string;
  category: string;
  status: string;
  stars: number | null;
  until: string | null;
  search_text: string;
  card_open: string;
  texts: string;
}

/** The catalog as it was at one version: read by loadHeldCatalog, never changed. */
export class HeldCatalog {
  readonly ids: string[] = [];
  readonly #paths: string[] = [];
  readonly #categories: string[] = [];
  readonly #statuses: string[] = [];
  #stars = new Int8Array(0);
  /** The badge's last valid day, '' when it has none. */
  readonly #until: string[] = [];
  readonly #batches: Batch[] = [];
  /** Every word of 3 to 60 letters and digits of the products' texts, by index. */
  readonly #words = new Map<string, number>();
  readonly #dictionary = new CatalogWords();
  /** The products holding word w: products[holders[w]] to products[holders[w + 1]], ascending. */
  #holders = new Int32Array(0);
  #products = new Int32Array(0);
  /** The words of product i: ownWords[own[i]] to ownWords[own[i + 1]]. */
  #own = new Int32Array(0);
  #ownWords = new Int32Array(0);
  /** The words that contain word w (itself too): withinWords[withinFrom[w]] to withinWords[withinTo[w]]; from -1 when over WITHIN. */
  #withinFrom = new Int32Array(0);
  #withinTo = new Int32Array(0);
  #withinWords = new Int32Array(0);
  /** The products of each province, in id order. */
  readonly #provinces = new Map<string, Int32Array>();
  /** Runs of over 60 letters and digits, which the words leave out, by product. */
  readonly #long = new Map<number, string[]>();
  /** Scratch: for each word a search asks, the catalog's words that contain it, marked with `#stamp`. */
  readonly #marks: Int32Array[] = [];
  #stamp = 0;
  readonly #shared = new Map<string, string>();
  /** Words searched for, the least recently searched first, up to KEPT_BYTES. */
  readonly #kept = new Map<string, Found>();
  #keptBytes = 0;

  constructor(readonly version: string) {}

  get size(): number {
    return this.ids.length;
  }

  /** Bytes held outside the heap: the cards and the words' products. */
  get bytes(): number {
    const cards = this.#batches.reduce(
      (sum, b) => sum + b.opens.length + b.texts.length + b.open.byteLength + b.text.byteLength,
      0,
    );
    const words =
      this.#holders.byteLength + this.#products.byteLength + this.#own.byteLength + this.#ownWords.byteLength;
    return cards + words + this.#stars.byteLength;
  }

  /** Adds products read in id order (loadHeldCatalog); then `index` once they are all read. */
  add(rows: readonly LoadedRow[], pairs: { push(word: number, product: number): void }): void {
    const L = UI_LOCALES.length;
    const opens: string[] = [];
    const texts: string[] = [];
    const open = new Int32Array(rows.length + 1);
    const text = new Int32Array(2 * rows.length * L);
    let [openAt, textAt] = [0, 0];
    const first = this.ids.length;
    for (const [r, row] of rows.entries()) {
      const index = first + r;
      this.ids.push(row.id);
      this.#paths.push(this.#one(row.area_path));
      this.#categories.push(this.#one(row.category));
      this.#statuses.push(this.#one(row.status));
      this.#until.push(this.#one(row.until ?? ''));
      opens.push(row.card_open);
      openAt += Buffer.byteLength(row.card_open);
      open[r + 1] = openAt;
      // Each language's text once; a language without one points at Indonesian's, as the page's
      // coalesce(texts ->> locale, texts ->> 'id') reads it.
      const own = JSON.parse(row.texts) as Record<string, string>;
      const at = new Map<string, [number, number]>();
      const place = (value: string | undefined): [number, number] => {
        if (value === undefined) return [-1, -1];
        let range = at.get(value);
        if (!range) {
          const length = Buffer.byteLength(value);
          range = [textAt, textAt + length];
          texts.push(value);
          textAt += length;
          at.set(value, range);
        }
        return range;
      };
      const indonesian = own.id;
      for (const [l, locale] of UI_LOCALES.entries()) {
        const [from, to] = place(own[locale] ?? indonesian);
        text[2 * (r * L + l)] = from;
        text[2 * (r * L + l) + 1] = to;
      }
      for (const run of new Set(row.search_text.split(/[^a-z0-9]+/))) {
        if (run.length < 3) continue;
        if (run.length >= LONG) {
          this.#long.set(index, [...(this.#long.get(index) ?? []), run]);
          continue;
        }
        let word = this.#words.get(run);
        if (word === undefined) {
          word = this.#words.size;
          this.#words.set(run, word);
        }
        pairs.push(word, index);
      }
    }
    const stars = new Int8Array(this.ids.length);
    stars.set(this.#stars);
    for (const [r, row] of rows.entries()) stars[first + r] = row.stars ?? -1;
    this.#stars = stars;
    this.#batches.push({ opens: Buffer.from(opens.join('')), open, texts: Buffer.from(texts.join('')), text });
  }

  /** One string for each value the products share (villages' paths, categories, days), not one per product. */
  #one(value: string): string {
    const held = this.#shared.get(value);
    if (held !== undefined) return held;
    this.#shared.set(value, value);
    return value;
  }

  /** Each word's products and each product's words, from the (word, product) pairs in the order they were added. */
  async index(words: Int32Array, products: Int32Array): Promise<void> {
    const holders = new Int32Array(this.#words.size + 1);
    const own = new Int32Array(this.ids.length + 1);
    for (const [k, word] of words.entries()) {
      holders[word + 1]!++;
      own[products[k]! + 1]!++;
    }
    for (let w = 0; w < this.#words.size; w++) holders[w + 1]! += holders[w]!;
    for (let i = 0; i < this.ids.length; i++) own[i + 1]! += own[i]!;
    const list = new Int32Array(words.length);
    const next = holders.slice(0, this.#words.size);
    // Products were added in id order, so each word's list is ascending.
    for (let k = 0; k < words.length; k++) list[next[words[k]!]!++] = products[k]!;
    [this.#holders, this.#products, this.#own, this.#ownWords] = [holders, list, own, words.slice()];
    this.#dictionary.add([...this.#words.keys()]);
    // Each word's own list of the words that contain it, when they are few: a close word a search is
    // respelt as is one, read at once (the dictionary's look-up took 0.06 ms a word among the pages).
    const [from, to] = [new Int32Array(this.#words.size).fill(-1), new Int32Array(this.#words.size)];
    const found: number[] = [];
    let looked = 0;
    for (const [word, w] of this.#words) {
      // Requests are answered between every few thousand words (73,770 take about a second).
      if (++looked % YIELD_EVERY === 0) await new Promise((go) => setImmediate(go));
      const containing = this.#dictionary.within(word, WITHIN);
      if (containing === null) continue;
      from[w] = found.length;
      for (const held of containing) found.push(this.#words.get(held)!);
      to[w] = found.length;
    }
    [this.#withinFrom, this.#withinTo, this.#withinWords] = [from, to, Int32Array.from(found)];
    const provinces = new Map<string, number[]>();
    for (const [i, path] of this.#paths.entries()) {
      const code = provinceOf(path);
      const list = provinces.get(code);
      if (list) list.push(i);
      else provinces.set(code, [i]);
    }
    for (const [code, list] of provinces) this.#provinces.set(code, Int32Array.from(list));
    this.#shared.clear();
  }

  /** Whether the catalog in memory can answer a search in these tiers (else: the database). */
  static answers(tiers: readonly SearchTier[]): boolean {
    const words = new Set(tiers.flatMap((tier) => tier.words));
    return words.size <= MAX_SOUGHT && [...words].every(isVariable);
  }

  /** The first `count` published products that pass `filter`, after the product `after`, in id order. */
  firstRows(filter: CatalogFilter, locale: UiLocale, after: string | null, count: number): CatalogPageRow[] {
    const pass = this.#filter(filter);
    const rows: CatalogPageRow[] = [];
    this.#walk(filter, this.#startAfter(after), (i) => {
      if (pass(i)) rows.push(this.#row(i, filter.today, locale));
      return rows.length < count;
    });
    return rows;
  }

  /**
   * A page of a search in tiers, as catalog.service.ts's searchRows reads it from the database:
   * each tier's products (its every word contained in their text) that are in no tier above it and
   * pass the filter, tier by tier, each in id order, from the cursor on. A tier's products are found
   * among its rarest word's (the products of the catalog words that contain it, in id order, kept
   * with the word), or by walking the catalog in id order (a province's products, within one) when
   * that is shorter.
   */
  tierRows(
    filter: CatalogFilter,
    locale: UiLocale,
    tiers: readonly SearchTier[],
    after: { rank: number; id: string } | null,
    count: number,
  ): (CatalogPageRow & { rank: number })[] {
    const pass = this.#filter(filter);
    const stamp = this.#nextStamp();
    const sought = new Map<string, Sought>();
    const soughtOf = (word: string) => {
      let found = sought.get(word);
      if (!found) sought.set(word, (found = this.#seek(word, sought.size, stamp)));
      return found;
    };
    const rows: (CatalogPageRow & { rank: number })[] = [];
    const above: Sought[][] = [];
    for (const tier of tiers) {
      if (rows.length >= count) break;
      const words = tier.words.map(soughtOf);
      const earlier = [...above];
      above.push(words);
      if (after !== null && tier.rank > after.rank) continue;
      const start = after !== null && after.rank === tier.rank ? this.#startAfter(after.id) : 0;
      const rarest = words.reduce((a, b) => (b.total < a.total ? b : a));
      const take = (i: number, rest: readonly Sought[]) => {
        if (pass(i) && this.#containsAll(i, rest) && !earlier.some((set) => this.#containsAll(i, set))) {
          const { id, card } = this.#row(i, filter.today, locale);
          rows.push({ id, card, rank: tier.rank });
        }
        return rows.length < count;
      };
      const rest = words.filter((word) => word !== rarest);
      if (rarest.total < this.#scope(filter)) {
        const holding = this.#holding(rarest);
        for (let k = firstAtLeast(holding, start); k < holding.length; k++) if (!take(holding[k]!, rest)) break;
      } else {
        this.#walk(filter, start, (i) => take(i, words));
      }
    }
    return rows;
  }

  /** A stamp no scratch mark holds yet. */
  #nextStamp(): number {
    if (this.#stamp === 0x7fffffff) {
      for (const marks of this.#marks) marks.fill(0);
      this.#stamp = 0;
    }
    return ++this.#stamp;
  }

  /** The catalog's words that contain `word`, marked in scratch `slot`; how many products hold them. */
  #seek(word: string, slot: number, stamp: number): Sought {
    const marks = (this.#marks[slot] ??= new Int32Array(this.#words.size));
    const found = this.#found(word);
    for (const w of found.containing) marks[w] = stamp;
    return { ...found, marks, stamp };
  }

  /** What is known of a word searched for, kept (see #kept): read from the words once. */
  #found(word: string): Found {
    let found = this.#kept.get(word);
    if (found) {
      this.#kept.delete(word);
      this.#kept.set(word, found);
      return found;
    }
    const w0 = this.#words.get(word);
    const containing =
      w0 !== undefined && this.#withinFrom[w0]! >= 0
        ? this.#withinWords.subarray(this.#withinFrom[w0], this.#withinTo[w0])
        : Int32Array.from(this.#dictionary.within(word, Number.MAX_SAFE_INTEGER) ?? [], (held) =>
            this.#words.get(held)!,
          );
    let total = 0;
    for (const w of containing) total += this.#holders[w + 1]! - this.#holders[w]!;
    const long: number[] = [];
    for (const [i, runs] of this.#long) if (runs.some((run) => run.includes(word))) long.push(i);
    found = { word, containing, long, total: total + long.length, holding: null };
    this.#keep(word, found);
    return found;
  }

  #keep(word: string, found: Found): void {
    const size = (f: Found) => 64 + 2 * f.word.length + f.containing.byteLength + (f.holding?.byteLength ?? 0);
    this.#kept.set(word, found);
    this.#keptBytes += size(found);
    for (const [oldest, f] of this.#kept) {
      if (this.#keptBytes <= KEPT_BYTES) break;
      this.#kept.delete(oldest);
      this.#keptBytes -= size(f);
    }
  }

  /** Whether product i's text contains every word sought. */
  #containsAll(i: number, words: readonly Sought[]): boolean {
    for (const word of words) if (!this.#contains(i, word)) return false;
    return true;
  }

  /** Whether product i's text contains the word sought. */
  #contains(i: number, sought: Sought): boolean {
    const { marks, stamp } = sought;
    for (let k = this.#own[i]!; k < this.#own[i + 1]!; k++) if (marks[this.#ownWords[k]!] === stamp) return true;
    return sought.long.includes(i);
  }

  /** The products whose text contains the word sought, in id order, each once: made once, then kept with the word. */
  #holding(sought: Sought): Int32Array {
    // Held by one word only (a close word, most often): its own list, as it is.
    if (sought.containing.length === 1 && sought.long.length === 0) {
      const w = sought.containing[0]!;
      return this.#products.subarray(this.#holders[w], this.#holders[w + 1]);
    }
    const kept = this.#found(sought.word);
    if (kept.holding) return kept.holding;
    const found = new Int32Array(sought.total);
    let n = 0;
    for (const w of sought.containing) {
      for (let k = this.#holders[w]!; k < this.#holders[w + 1]!; k++) found[n++] = this.#products[k]!;
    }
    for (const i of sought.long) found[n++] = i;
    found.sort();
    let unique = 0;
    for (let k = 0; k < n; k++) if (k === 0 || found[k] !== found[k - 1]) found[unique++] = found[k]!;
    const holding = found.slice(0, unique);
    this.#kept.delete(sought.word);
    this.#keptBytes -= 64 + 2 * kept.word.length + kept.containing.byteLength;
    this.#keep(sought.word, { ...kept, holding });
    return holding;
  }

  /** How many products a walk for `filter` reads at most: the province's, else the whole catalog. */
  #scope(filter: CatalogFilter): number {
    if (filter.areaPath === undefined) return this.ids.length;
    return this.#provinces.get(provinceOf(filter.areaPath))?.length ?? 0;
  }

  /**
   * Calls `visit` with each product from index `start` on, in id order, until it answers false:
   * within a province, the province's products only.
   */
  #walk(filter: CatalogFilter, start: number, visit: (i: number) => boolean): void {
    if (filter.areaPath === undefined) {
      for (let i = start; i < this.ids.length; i++) if (!visit(i)) return;
      return;
    }
    const list = this.#provinces.get(provinceOf(filter.areaPath));
    if (!list) return;
    for (let k = firstAtLeast(list, start); k < list.length; k++) if (!visit(list[k]!)) return;
  }

  /** Where a page after the product `after` starts: the first product with a greater id. */
  #startAfter(after: string | null): number {
    if (after === null) return 0;
    let [low, high] = [0, this.ids.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.ids[middle]! <= after) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The product's stars shown today: none when its badge has lapsed. */
  #shown(i: number, today: string): number | null {
    const stars = this.#stars[i]!;
    return stars < 0 || (this.#until[i] !== '' && this.#until[i]! < today) ? null : stars;
  }

  /** The filter's test of a product, as catalog.repository.ts writes its conditions. */
  #filter(f: CatalogFilter): (i: number) => boolean {
    const inArea = f.areaPath === undefined ? null : areaTest(f.areaPath);
    const status = f.exportReady === undefined ? null : f.exportReady ? 'export_ready' : 'ready';
    if (inArea === null && !f.category && status === null && !f.minStars) return () => true;
    return (i) =>
      (inArea === null || inArea(this.#paths[i]!)) &&
      (!f.category || this.#categories[i] === f.category) &&
      (status === null || this.#statuses[i] === status) &&
      (!f.minStars || (this.#shown(i, f.today) ?? 0) >= f.minStars);
  }

  /** A page row: its card as the page's statement writes it (catalog.repository.ts, pageColumns). */
  #row(i: number, today: string, locale: UiLocale): CatalogPageRow {
    const b = this.#batches[Math.floor(i / BATCH)]!;
    const r = i % BATCH;
    const at = 2 * (r * UI_LOCALES.length + UI_LOCALES.indexOf(locale));
    const card = `${b.opens.toString('utf8', b.open[r], b.open[r + 1])},${b.texts.toString('utf8', b.text[at], b.text[at + 1])},"stars":${this.#shown(i, today) ?? 'null'}}`;
    return { id: this.ids[i]!, card };
  }
}

/** The province's code at the head of an area path (`/51/51.07/` → `51`). */
const provinceOf = (path: string): string => path.slice(1, path.indexOf('/', 1));

/** Where in `list` (ascending) the first value of at least `value` is. */
function firstAtLeast(list: Int32Array, value: number): number {
  let [low, high] = [0, list.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** (word, product) pairs in two growing typed arrays. */
export class Pairs {
  words = new Int32Array(1 << 16);
  products = new Int32Array(1 << 16);
  length = 0;

  push(word: number, product: number): void {
    if (this.length === this.words.length) {
      const [words, products] = [new Int32Array(this.length * 2), new Int32Array(this.length * 2)];
      words.set(this.words);
      products.set(this.products);
      [this.words, this.products] = [words, products];
    }
    this.words[this.length] = word;
    this.products[this.length++] = product;
  }
}

/**
 * The catalog read into memory, in statements of BATCH products in id order, none of them long (the
 * embedded database answers others between them). The version is read before and after: every write
 * the catalog shows moves it in its own transaction (migration 0042), so the same version before and
 * after means every batch saw the catalog as it was at it. Otherwise undefined: read again later.
 */
export async function loadHeldCatalog(db: Queryable): Promise<HeldCatalog | undefined> {
  const version = await catalogRepository.version(db);
  const held = new HeldCatalog(version);
  const pairs = new Pairs();
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<LoadedRow>(
      `SELECT p.id, p.area_path, p.category, p.status, p.stars, p.stars_valid_until::text AS until, p.search_text,
         c.card_open, c.texts::text AS texts
       FROM registry_products p JOIN catalog_cards c ON c.product_id = p.id
       WHERE p.status <> 'draft' AND p.id > $1::uuid ORDER BY p.id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) break;
    held.add(rows, pairs);
    if (rows.length < BATCH) break;
    after = rows.at(-1)!.id;
  }
  if ((await catalogRepository.version(db)) !== version) return undefined;
  await held.index(pairs.words.subarray(0, pairs.length), pairs.products.subarray(0, pairs.length));
  return held;
}

/** The least time between two loads of one database's catalog: a burst of writes is read once. */
const RELOAD_GAP_MS = 30_000;

interface Holder {
  current?: HeldCatalog;
  loading?: Promise<void>;
  started: number;
}
const holders = new WeakMap<Queryable, Holder>();

/**
 * The catalog in memory at `version`, when it is held; otherwise undefined, and a load begins (at
 * most one at a time for each database, at most one each RELOAD_GAP_MS): the database answers until
 * it is done. A catalog of an older version is let go at once.
 */
export function heldCatalog(db: Queryable, version: string): HeldCatalog | undefined {
  let holder = holders.get(db);
  if (!holder) holders.set(db, (holder = { started: -Infinity }));
  const current = holder.current;
  if (current?.version === version) return current;
  // A replica behind the catalog held asks an older version: the database answers it, nothing is read.
  if (current && BigInt(current.version) > BigInt(version)) return undefined;
  holder.current = undefined;
  if (!holder.loading && Date.now() - holder.started >= RELOAD_GAP_MS) {
    holder.started = Date.now();
    const h = holder;
    h.loading = loadHeldCatalog(db)
      .then((read) => {
        if (read && (h.current === undefined || BigInt(read.version) > BigInt(h.current.version))) h.current = read;
      })
      .catch(() => undefined) // the database answers; the next load is tried after the gap
      .finally(() => (h.loading = undefined));
  }
  return undefined;
}

/** Loads the catalog into memory now, until it reads one version throughout (tests, the benchmark). */
export async function holdCatalog(db: Queryable): Promise<HeldCatalog> {
  for (;;) {
    const read = await loadHeldCatalog(db);
    if (read) {
      const holder = holders.get(db) ?? { started: Date.now() };
      holder.current = read;
      holders.set(db, holder);
      return read;
    }
  }
}

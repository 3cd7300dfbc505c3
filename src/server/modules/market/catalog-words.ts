import type { CatalogWordLookup } from './catalog-search.js';

/**
 * The catalog's words (catalog_words) held in the server's memory, so that a search word new to the
 * server is looked up without a statement (migration 0063, decision 032). It answers as
 * catalogRepository.wordLookups does in the database — whether a word occurs, the closest words by
 * pg_trgm's similarity, the words that contain each — and catalog-words.test.ts holds the two
 * equal. The words only grow: the server reads those added since the version it last read.
 */

/**
 * The most catalog words a found word's `within` lists (more: null), the same bound as the
 * database's look-up: a word inside more of them is read through the trigram index. The index of
 * products' words (migration 0062) is read once for each word listed, and the planner reckons each
 * at about 1,700 rows whatever it is: at 200,000 products it chose a sequential scan (760 ms) over
 * 400 words, the index up to 256 (reckoned 1.4 % cheaper there, 13 % at 200). With 192, `pangan`
 * (in 86 words, 159 products) reads 0.6 ms, 45 through the trigram index; `medan` (187 words, 507
 * products) up to 300 ms through the trigram index under load.
 */
export const MAX_WITHIN = 192;
/** pg_trgm's `%`: a word is close when its similarity is at least this (pg_trgm.similarity_threshold). */
const THRESHOLD = 0.3;
/** The closest words a misspelt word is respelt as, at most. */
const MAX_CLOSE = 3;

/** A word's trigrams as pg_trgm takes them: the word with two spaces before and one after, each once. */
export function trigrams(word: string): string[] {
  const padded = `  ${word} `;
  const found = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) found.add(padded.slice(i, i + 3));
  return [...found];
}

export class CatalogWords {
  /** The catalog version the words were read at, and catalog_version.words_cleared then. */
  version = -1n;
  cleared = -1n;
  private readonly words: string[] = [];
  private readonly known = new Set<string>();
  /** Of each word, by its index in `words`: how many trigrams it has. */
  private readonly sizes: number[] = [];
  /** Each trigram's words, by index in `words`, in the order they were added. */
  private readonly lists = new Map<string, number[]>();
  /** Scratch for counting the trigrams each word shares with a token, one slot per word (left at 0). */
  private counts = new Uint8Array(0);

  get size(): number {
    return this.words.length;
  }

  /** Adds words read from catalog_words (a word already held is skipped). */
  add(words: readonly string[]): void {
    for (const word of words) {
      if (this.known.has(word)) continue;
      const index = this.words.push(word) - 1;
      this.known.add(word);
      const own = trigrams(word);
      this.sizes.push(own.length);
      for (const t of own) {
        const list = this.lists.get(t);
        if (list) list.push(index);
        else this.lists.set(t, [index]);
      }
    }
  }

  /**
   * The catalog's words that contain `word`, at most `most` + 1 of them (enough to tell "too many").
   * Every such word holds each of `word`'s own trigrams: the fewest-held one's words are tested.
   */
  private containing(word: string, most: number): string[] {
    let fewest: number[] | undefined;
    for (let i = 0; i + 3 <= word.length; i++) {
      const list = this.lists.get(word.slice(i, i + 3)) ?? [];
      if (fewest === undefined || list.length < fewest.length) fewest = list;
      if (list.length === 0) return [];
    }
    const found: string[] = [];
    for (const index of fewest ?? []) {
      const candidate = this.words[index]!;
      if (candidate.includes(word) && found.push(candidate) > most) break;
    }
    return found;
  }

  /** The catalog's words containing `word` when at most MAX_WITHIN do, else null. */
  within(word: string): string[] | null {
    const found = this.containing(word, MAX_WITHIN);
    return found.length > MAX_WITHIN ? null : found;
  }

  /**
   * The closest words to `token` (pg_trgm's similarity, at least its threshold), best first, then in
   * the order of their text, leaving out a word that is a small part of it ('kopiluwak' not 'kopi').
   * Similarity, as pg_trgm reckons it in single precision: trigrams shared / trigrams of either.
   */
  close(token: string): { word: string; similarity: number }[] {
    const own = trigrams(token);
    // A close word shares at least `least` of the token's trigrams (s / (n + m - s) >= t with m >= s
    // gives s >= t·n), so it is in one of any n - least + 1 of their lists: the shortest ones are
    // read, and a word found there is looked for in the longest by halving (each list is in the
    // order words were added). Reading every list touched 14,000 words a misspelling at 73,770.
    const lists = own.map((t) => this.lists.get(t) ?? []).sort((a, b) => a.length - b.length);
    const least = Math.ceil(THRESHOLD * own.length - 1e-9);
    const read = lists.length - least + 1;
    if (this.counts.length < this.words.length) this.counts = new Uint8Array(Math.max(1024, this.words.length * 2));
    const [first, rest] = [lists.slice(0, read), lists.slice(read)];
    const { counts, sizes, words } = this;
    const touched: number[] = [];
    for (const list of first) {
      for (let i = 0; i < list.length; i++) {
        const index = list[i]!;
        const count = counts[index]!;
        counts[index] = count + 1;
        if (count === 0) touched.push(index);
      }
    }
    const found: { word: string; similarity: number }[] = [];
    for (const index of touched) {
      let shared = counts[index]!;
      counts[index] = 0;
      // Not close even if every longest list held it (most words found share one trigram): no search.
      const most = shared + rest.length;
      if (most < THRESHOLD * (own.length + sizes[index]! - most)) continue;
      for (let i = 0; i < rest.length; i++) if (holds(rest[i]!, index)) shared++;
      const similarity = Math.fround(shared / (own.length + sizes[index]! - shared));
      const word = words[index]!;
      if (similarity < THRESHOLD) continue;
      if (token.includes(word) && 5 * word.length < 4 * token.length) continue;
      found.push({ word, similarity });
    }
    found.sort((a, b) => b.similarity - a.similarity || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    return found.slice(0, MAX_CLOSE);
  }

  /**
   * A search word's look-ups, as the database gives them (catalogRepository.wordLookups): `rare`
   * says of a close word whether none of the catalog's first products holds it.
   */
  lookUp(token: string, first: FirstWords): CatalogWordLookup[] {
    const within = this.within(token);
    const known = within === null || within.length > 0;
    const none = { token, known, word: null, similarity: null, within, rare: null };
    if (known) return [none];
    const close = this.close(token);
    if (close.length === 0) return [none];
    return close.map(({ word, similarity }) => {
      const within = this.within(word);
      return { token, known, word, similarity, within, rare: !first.hold(word, within) };
    });
  }
}

/** Whether `list`, in ascending order, holds `index`. */
function holds(list: number[], index: number): boolean {
  let [low, high] = [0, list.length - 1];
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = list[middle]!;
    if (at === index) return true;
    if (at < index) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * The words of the catalog's first products (catalogRepository.firstTexts), for telling whether one
 * of them holds a word — a close word is rare when none does. The texts are published, so each of
 * their words of 3 to 60 letters and digits is a catalog word: one that holds a catalog word holds
 * one of the words that contain it (`within`), looked up in a set instead of reading every text
 * (200 texts read for each close word took most of a look-up's time). A longer run is read as it is.
 */
export class FirstWords {
  private readonly words = new Set<string>();
  private readonly long: string[] = [];

  constructor(texts: readonly string[]) {
    for (const text of texts) {
      for (const run of text.match(/[a-z0-9]{3,}/g) ?? []) {
        if (run.length <= 60) this.words.add(run);
        else this.long.push(run);
      }
    }
  }

  /** Whether a text holds `word`, a catalog word; `within`, the catalog's words that contain it, when known. */
  hold(word: string, within: readonly string[] | null): boolean {
    if (this.long.some((run) => run.includes(word))) return true;
    if (within) return within.some((w) => this.words.has(w));
    for (const w of this.words) if (w.includes(word)) return true;
    return false;
  }
}

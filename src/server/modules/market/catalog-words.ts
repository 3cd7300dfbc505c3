import type { CatalogWordLookup, WordLookup } from './catalog-search.js';

/**
 * The catalog's words (catalog_words) held in the server's memory, so that a search word new to the
 * server is looked up without a statement (migration 0063, decision 032). It answers as
 * catalogRepository.wordLookups does in the database — whether a word occurs, the closest words by
 * pg_trgm's similarity, the words that contain each — and catalog-words.test.ts holds the two
 * equal. The words only grow: the server reads those added since the version it last read.
 */

/**
 * The most catalog words a found word's `within` lists (more: null), the same bound as the
 * database's look-up: a word inside more of them is read through the trigram index (a rare close
 * word looked up in memory, through them all at once: MAX_HELD). The index of
 * products' words (migration 0062) is read once for each word listed, and the planner reckons each
 * at about 1,700 rows whatever it is: at 200,000 products it chose a sequential scan (760 ms) over
 * 400 words, the index up to 256 (reckoned 1.4 % cheaper there, 13 % at 200). With 192, `pangan`
 * (in 86 words, 159 products) reads 0.6 ms, 45 through the trigram index; `medan` (187 words, 507
 * products) up to 300 ms through the trigram index under load.
 */
export const MAX_WITHIN = 192;
/**
 * The most catalog words a rare close word's products are read through at once (catalog_rare_tiers(),
 * migration 0064, whose kept plan always reads the index of products' words): a rare word inside more
 * words than a look-up lists (`batan`, in 248) read through the trigram index took 20–300 ms.
 */
export const MAX_HELD = 2048;
/** pg_trgm's `%`: a word is close when its similarity is at least this (pg_trgm.similarity_threshold). */
const THRESHOLD = 0.3;
/** The closest words a misspelt word is respelt as, at most. */
const MAX_CLOSE = 3;

/** Characters a trigram is made of: the space, a–z, 0–9, and any other (no catalog word has one). */
const SYMBOLS = 38;
const TRIGRAMS = SYMBOLS ** 3;
const symbol = (code: number): number =>
  code === 32 ? 0 : code >= 97 && code <= 122 ? code - 96 : code >= 48 && code <= 57 ? code - 21 : 37;
const trigramAt = (text: string, i: number): number =>
  (symbol(text.charCodeAt(i)) * SYMBOLS + symbol(text.charCodeAt(i + 1))) * SYMBOLS + symbol(text.charCodeAt(i + 2));

/** A word's trigrams as pg_trgm takes them (the word with two spaces before and one after), each once, as numbers. */
function trigrams(word: string): number[] {
  const padded = `  ${word} `;
  const found = new Set<number>();
  for (let i = 0; i + 3 <= padded.length; i++) found.add(trigramAt(padded, i));
  return [...found];
}

/** The words of a trigram, by index: a part of the indexed lists, then those added since (each in ascending order). */
interface List {
  from: number;
  to: number;
  added: readonly number[];
}
const NONE: readonly number[] = [];

/**
 * The catalog's words and, for each trigram, the words that hold it. The lists are kept in two typed
 * arrays (one offset per trigram, then every list end to end), which the garbage collector does not
 * read through: held as 17,000 arrays of numbers, the same lists made every other request of the
 * server 20–30 % slower (its full collections marking them). Words added later are listed apart until
 * they are a sixteenth of those indexed, then all are indexed again.
 */
export class CatalogWords {
  /** The catalog version the words were read at, and catalog_version.words_cleared then. */
  version = -1n;
  cleared = -1n;
  private readonly words: string[] = [];
  private readonly known = new Set<string>();
  /** Of each word, by its index in `words`: how many trigrams it has. */
  private sizes = new Uint8Array(0);
  /** The first `indexed` words' lists: those of trigram t are entries[offsets[t]] to entries[offsets[t + 1]]. */
  private offsets = new Int32Array(TRIGRAMS + 1);
  private entries = new Int32Array(0);
  private indexed = 0;
  /** The lists of the words added since they were indexed. */
  private added = new Map<number, number[]>();
  /** Scratch for counting the trigrams each word shares with a token, one slot per word (left at 0). */
  private counts = new Uint8Array(0);
  /** Scratch: the words a token's shortest lists hold, each once. */
  private touched = new Int32Array(0);

  get size(): number {
    return this.words.length;
  }

  /** Adds words read from catalog_words (a word already held is skipped). */
  add(words: readonly string[]): void {
    const first = this.words.length;
    for (const word of words) {
      if (this.known.has(word)) continue;
      this.words.push(word);
      this.known.add(word);
    }
    if (this.sizes.length < this.words.length) {
      const sizes = new Uint8Array(this.words.length * 2);
      sizes.set(this.sizes);
      this.sizes = sizes;
    }
    if (this.words.length - this.indexed > this.indexed / 16) {
      this.index();
      return;
    }
    for (let index = first; index < this.words.length; index++) {
      const own = trigrams(this.words[index]!);
      this.sizes[index] = own.length;
      for (const t of own) {
        const list = this.added.get(t);
        if (list) list.push(index);
        else this.added.set(t, [index]);
      }
    }
  }

  /**
   * Every word's trigram lists, made again in the two arrays: counted, then filled, each word's
   * trigrams found again rather than kept (kept, 73,770 of them outlived the young generation and
   * slowed the requests that followed while they were collected).
   */
  private index(): void {
    const longest = this.words.reduce((most, word) => Math.max(most, word.length), 0);
    const own = new Int32Array(longest + 3);
    /** The distinct trigrams of a word, into `own`: how many. */
    const distinct = (word: string): number => {
      const padded = `  ${word} `;
      let n = 0;
      for (let i = 0; i + 3 <= padded.length; i++) {
        const t = trigramAt(padded, i);
        let seen = false;
        for (let j = 0; j < n && !seen; j++) seen = own[j] === t;
        if (!seen) own[n++] = t;
      }
      return n;
    };
    const offsets = new Int32Array(TRIGRAMS + 1);
    for (const [index, word] of this.words.entries()) {
      const n = distinct(word);
      this.sizes[index] = n;
      for (let j = 0; j < n; j++) offsets[own[j]! + 1]!++;
    }
    for (let t = 0; t < TRIGRAMS; t++) offsets[t + 1]! += offsets[t]!;
    const entries = new Int32Array(offsets[TRIGRAMS]!);
    const next = offsets.slice(0, TRIGRAMS);
    for (const [index, word] of this.words.entries()) {
      const n = distinct(word);
      for (let j = 0; j < n; j++) entries[next[own[j]!]!++] = index;
    }
    [this.offsets, this.entries, this.indexed, this.added] = [offsets, entries, this.words.length, new Map()];
  }

  private list(t: number): List {
    return { from: this.offsets[t]!, to: this.offsets[t + 1]!, added: this.added.get(t) ?? NONE };
  }

  private static length(list: List): number {
    return list.to - list.from + list.added.length;
  }

  /**
   * The catalog's words that contain `word` (of 3 or more characters), at most `most` + 1 of them
   * (enough to tell "too many"). Every such word holds each of `word`'s own trigrams: the
   * fewest-held one's words are tested.
   */
  private containing(word: string, most: number): string[] {
    let fewest: List | undefined;
    for (let i = 0; i + 3 <= word.length; i++) {
      const list = this.list(trigramAt(word, i));
      if (fewest === undefined || CatalogWords.length(list) < CatalogWords.length(fewest)) fewest = list;
    }
    const found: string[] = [];
    if (!fewest) return found;
    const test = (index: number) => {
      const candidate = this.words[index]!;
      return candidate.includes(word) && found.push(candidate) > most;
    };
    for (let i = fewest.from; i < fewest.to; i++) if (test(this.entries[i]!)) return found;
    for (const index of fewest.added) if (test(index)) return found;
    return found;
  }

  /** The catalog's words containing `word` when at most `most` do, else null. */
  within(word: string, most = MAX_WITHIN): string[] | null {
    const found = this.containing(word, most);
    return found.length > most ? null : found;
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
    // read, and a word found there is looked for in the longest (each list is in the order words were
    // added). Reading every list touched 14,000 words a misspelling at 73,770.
    const lists = own.map((t) => this.list(t)).sort((a, b) => CatalogWords.length(a) - CatalogWords.length(b));
    const least = Math.ceil(THRESHOLD * own.length - 1e-9);
    const read = lists.length - least + 1;
    if (this.counts.length < this.words.length) this.counts = new Uint8Array(this.words.length * 2);
    const [first, rest] = [lists.slice(0, read), lists.slice(read)];
    const { counts, sizes, words, entries } = this;
    if (this.touched.length < this.words.length) this.touched = new Int32Array(this.words.length * 2);
    const touched = this.touched;
    let n = 0;
    for (const list of first) {
      for (let i = list.from; i < list.to; i++) {
        const index = entries[i]!;
        if (counts[index]!++ === 0) touched[n++] = index;
      }
      for (const index of list.added) if (counts[index]!++ === 0) touched[n++] = index;
    }
    // The words that may still be close (most words found share one trigram: not close even if every
    // longest list held them), in ascending order, looked for in each longest list in one pass forward.
    const pending: number[] = [];
    for (let k = 0; k < n; k++) {
      const index = touched[k]!;
      const most = counts[index]! + rest.length;
      if (most >= THRESHOLD * (own.length + sizes[index]! - most)) pending.push(index);
      else counts[index] = 0;
    }
    pending.sort((a, b) => a - b);
    for (const list of rest) {
      let at = list.from;
      for (const index of pending) {
        if (index >= this.indexed) {
          if (list.added.includes(index)) counts[index]!++;
          continue;
        }
        // Galloping past the words before it (steps of 1, 2, 4 …), then halving the last step.
        let step = 1;
        while (at + step < list.to && entries[at + step]! < index) {
          at += step;
          step *= 2;
        }
        let high = Math.min(at + step, list.to);
        while (at < high) {
          const middle = (at + high) >>> 1;
          if (entries[middle]! < index) at = middle + 1;
          else high = middle;
        }
        if (at < list.to && entries[at] === index) counts[index]!++;
      }
    }
    const found: { word: string; similarity: number }[] = [];
    for (const index of pending) {
      const shared = counts[index]!;
      counts[index] = 0;
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
   * A search word's spellings alone (what the catalog held in memory reads, catalog-held.ts): whether
   * it is one of the catalog's words or inside one, else its closest words.
   */
  respell(token: string): WordLookup[] {
    const within = this.within(token);
    const none = { token, known: within === null || within.length > 0, word: null, similarity: null };
    if (none.known) return [none];
    const close = this.close(token);
    return close.length === 0 ? [none] : close.map(({ word, similarity }) => ({ ...none, word, similarity }));
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

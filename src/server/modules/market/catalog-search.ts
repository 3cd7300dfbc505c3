/**
 * How the catalog reads search words. A search runs in tiers, each a set of words that a
 * product's text (every language's name, description and story) must all contain:
 *
 * - when every word occurs in the catalog: the words as typed, one tier (rank 1000);
 * - when some word occurs nowhere (catalog_words holds the words of published products): that
 *   word respelt as the closest words of the catalog, best first — 'kripik salak' →
 *   'keripik salak', 'salak chps' → 'salak chips'. Each tier leaves out the products of the tiers
 *   above it.
 *
 * A tier's rank is an integer, unique among the tiers of one search, so a page cursor (rank, id)
 * says exactly where the next page starts.
 */
export const EXACT_RANK = 1000;

/** The most near tiers one search tries, and the most words whose spelling it varies. */
const MAX_NEAR_TIERS = 5;
const MAX_VARIED_WORDS = 4;

/**
 * Words written in more than one way where a close spelling cannot find the other: Japanese kanji
 * and kana (蜂蜜 and はちみつ share no character). Each group lists the spellings of one word; a
 * search with one of them also tries the others, in a tier below its own.
 */
const SPELLINGS: string[][] = [
  ['はちみつ', '蜂蜜', 'ハチミツ'],
  ['コーヒー', '珈琲'],
  ['かご', '籠', 'カゴ'],
  ['ココナッツ', '椰子'],
  ['せんべい', '煎餅'],
  ['でんぶ', '田麩'],
];

/** The tiers of a search with each word of another spelling (SPELLINGS), below `tiers`. */
export function otherSpellingTiers(tiers: SearchTier[]): SearchTier[] {
  const extra: SearchTier[] = [];
  let rank = Math.min(EXACT_RANK, ...tiers.map((t) => t.rank));
  for (const tier of tiers) {
    for (const [i, word] of tier.words.entries()) {
      const group = SPELLINGS.find((g) => g.includes(word));
      for (const other of group?.filter((w) => w !== word) ?? []) {
        if (rank <= 1) return extra;
        extra.push({ rank: --rank, words: tier.words.map((w, j) => (j === i ? other : w)) });
      }
    }
  }
  return extra;
}

export interface SearchTier {
  rank: number;
  words: string[];
}

/** A word of the catalog close to a search word; `known` says whether the search word itself occurs. */
export interface WordLookup {
  token: string;
  known: boolean;
  word: string | null;
  similarity: number | null;
}

/**
 * A catalog search word's look-up, with what its page reads through the index of products' words
 * (migration 0062): `within`, the catalog's words that contain the word found (the search word when
 * it is known, else the close word), null when there are too many to be worth it; `rare`, for a
 * close word, whether so few products hold it that a probe of the catalog in id order would give up
 * on it at once (null when not asked).
 */
export interface CatalogWordLookup extends WordLookup {
  within: string[] | null;
  rare: boolean | null;
  /**
   * For a rare close word inside more of the catalog's words than `within` lists: those words, when
   * there are at most MAX_HELD (catalog-words.ts); only a look-up made in memory gives them.
   */
  held?: string[] | null;
}

/** What a search's pages read of a word found by its look-ups (see CatalogWordLookup). */
export interface FoundWord {
  within: string[] | null;
  rare: boolean;
  /** The catalog's words that contain a rare word, when known: `within`, else `held`. */
  held: string[] | null;
}

/** The words the look-ups found (a search word known to the catalog, a close word), each once. */
export function foundWords(lookups: CatalogWordLookup[]): Map<string, FoundWord> {
  const found = new Map<string, FoundWord>();
  for (const l of lookups) {
    const word = l.word ?? (l.known ? l.token : null);
    if (word !== null && !found.has(word)) {
      found.set(word, { within: l.within, rare: l.rare === true, held: l.within ?? l.held ?? null });
    }
  }
  return found;
}

/**
 * The words of a search, lower-cased as stored text is, split at spaces and punctuation (also
 * Japanese 、。・), each once. Written as Unicode's compatibility form first (NFKC): a Japanese
 * keyboard in its Japanese mode types Latin letters full-width (ＨＯＮＥＹ), and some phones type
 * half-width katakana (ﾊﾁﾐﾂ); both are the words the catalog holds (honey, ハチミツ).
 */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  const words = q
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((w) => w !== '');
  return [...new Set(words)];
}

/** Words whose spelling a search may vary: Latin letters and digits, as catalog_words holds them. */
export function isVariable(word: string): boolean {
  return /^[a-z0-9]{3,60}$/.test(word);
}

interface Variant {
  word: string;
  score: number;
}

/**
 * The near tiers of a search, from the close spellings found for its words. Only words that occur
 * nowhere in the catalog are respelt (the words as typed found nothing then); with no close
 * spelling for one of them, nothing can match.
 */
export function nearTiers(words: string[], lookups: WordLookup[]): SearchTier[] {
  const varied = new Set(words.filter(isVariable).slice(0, MAX_VARIED_WORDS));
  const choices: Variant[][] = [];
  for (const word of words) {
    const found = lookups.filter((l) => l.token === word);
    if (!varied.has(word) || found.length === 0 || found.some((l) => l.known)) {
      choices.push([{ word, score: 1 }]);
      continue;
    }
    const variants = found.flatMap((l) =>
      l.word !== null && l.similarity !== null ? [{ word: l.word, score: l.similarity }] : [],
    );
    if (variants.length === 0) return [];
    choices.push(variants);
  }
  const combinations = choices
    .reduce<Variant[][]>((partial, variants) => partial.flatMap((p) => variants.map((v) => [...p, v])), [[]])
    .filter((combination) => combination.some((v, i) => v.word !== words[i]))
    .map((combination) => ({
      words: combination.map((v) => v.word),
      score: combination.reduce((sum, v) => sum + v.score, 0) / combination.length,
    }))
    .sort((a, b) => b.score - a.score || a.words.join(' ').localeCompare(b.words.join(' ')));
  const tiers: SearchTier[] = [];
  let rank = EXACT_RANK;
  for (const c of combinations.slice(0, MAX_NEAR_TIERS)) {
    rank = Math.min(rank - 1, Math.round(c.score * (EXACT_RANK - 1)));
    if (rank < 1) break;
    tiers.push({ rank, words: c.words });
  }
  return tiers;
}

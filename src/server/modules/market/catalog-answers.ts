import type { Database } from '../../db/database.js';
import type { Clock } from '../../http/context.js';
import { dateIn } from '../../../shared/dates.js';
import type { UiLocale } from '../../../shared/locales.js';
import { CatalogCache, catalogEtag } from './catalog-cache.js';
import { searchWords } from './catalog-search.js';
import { catalogPageJson, catalogVersion, getCatalogProduct } from './catalog.service.js';
import type { CatalogQuery } from './market.schemas.js';

/** An answer of the public catalog; tagged, when it is kept, before it is read. */
export interface CatalogAnswer {
  /** The answer's tag, when it is one that caches may keep: a client that holds it is spared the read. */
  etag: string | undefined;
  /** The answer as the JSON it is sent as: from the cache, else read (and kept, when it is one that is). */
  body(): Promise<string>;
}

/**
 * The public catalog's answers, kept per process under the catalog's version (decision 024): one
 * cache for the API and for the pages rendered on the server, so that a page's search and the same
 * search asked by the app share one answer. Only answers to visitors who are not signed in are kept
 * (`kept`); a signed-in caller's is read as it is. A kept answer is tagged with the version and what
 * was asked; the version is read first, on the database the answer is read from, so that an answer
 * is never older than the version it is kept under.
 */
export class CatalogAnswers {
  readonly #cache: CatalogCache | undefined;

  /**
   * @param held The database whose catalog is held in memory (OVOP_CATALOG_IN_MEMORY,
   *   catalog-held.ts), the primary: pages are answered from it when it is held at the version read.
   */
  constructor(
    private readonly clock: Clock,
    cacheBytes: number,
    private readonly held?: Database,
  ) {
    this.#cache = cacheBytes > 0 ? new CatalogCache(cacheBytes) : undefined;
  }

  /** A page of the catalog (catalogPageJson). */
  page(db: Database, query: CatalogQuery, kept: boolean): Promise<CatalogAnswer> {
    const read = (version?: string) => catalogPageJson({ db, clock: this.clock, version, held: this.held }, query);
    return kept ? this.#kept(db, `list ${pageKey(query)}`, read) : fresh(read);
  }

  /** A product's public page (getCatalogProduct). */
  product(db: Database, id: string, locale: UiLocale, kept: boolean): Promise<CatalogAnswer> {
    const read = async () => JSON.stringify(await getCatalogProduct({ db, clock: this.clock }, id, locale));
    return kept ? this.#kept(db, `product ${id} ${locale}`, read) : fresh(read);
  }

  async #kept(db: Database, what: string, read: (version: string) => Promise<string>): Promise<CatalogAnswer> {
    const version = await catalogVersion(db);
    // The day is part of what is asked: a badge that lapses today leaves the answer.
    const key = `${what} ${dateIn(this.clock.now())}`;
    const cache = this.#cache;
    return {
      etag: catalogEtag(version, key),
      async body() {
        const cacheKey = `${version} ${key}`;
        let body = cache?.get(cacheKey);
        if (body === undefined) {
          body = await read(version);
          cache?.set(cacheKey, body);
        }
        return body;
      },
    };
  }
}

const fresh = async (read: () => Promise<string>): Promise<CatalogAnswer> => ({ etag: undefined, body: read });

/**
 * What a page's answer depends on, written the same way whatever order the fields came in.
 * catalogPageJson reads `q` only through its search words, so the words stand for it: 'Keripik ', as
 * a phone's keyboard writes it with its capital and the space after a suggested word, is the same
 * question as 'keripik', with the same answer and tag. Every other field counts as it is, a field
 * added to the query later included.
 */
export function pageKey({ q, ...rest }: CatalogQuery): string {
  const fields = Object.entries(rest)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([searchWords(q), ...fields]);
}

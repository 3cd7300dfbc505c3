import { hash } from 'node:crypto';

/**
 * The public catalog's answers, serialized, kept per process under the catalog's version (decision
 * 024). A key names the version the answer was read after, so a write (which bumps the version in
 * its own transaction) makes every older key unreachable for readers that see it: no entry is ever
 * cleared, the least recently used ones leave when the bytes are over the bound.
 */
export class CatalogCache {
  readonly #entries = new Map<string, string>();
  #bytes = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): string | undefined {
    const body = this.#entries.get(key);
    if (body === undefined) return undefined;
    // Map keeps insertion order: taking the entry out and in again makes it the most recent.
    this.#entries.delete(key);
    this.#entries.set(key, body);
    return body;
  }

  set(key: string, body: string): void {
    const size = sizeOf(key, body);
    if (size > this.maxBytes / 4) return; // one answer never pushes out most of the others
    const old = this.#entries.get(key);
    if (old !== undefined) {
      this.#entries.delete(key);
      this.#bytes -= sizeOf(key, old);
    }
    this.#entries.set(key, body);
    this.#bytes += size;
    for (const [oldest, value] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= sizeOf(oldest, value);
    }
  }
}

/** Strings are kept as UTF-16: two bytes a code unit, plus a little for the entry itself. */
const sizeOf = (key: string, body: string) => 2 * (key.length + body.length) + 64;

/** A strong validator of one answer: the catalog's version and what was asked (not the answer's bytes). */
export function catalogEtag(version: string, key: string): string {
  return `"${version}-${hash('sha1', key, 'base64url').slice(0, 22)}"`;
}

/** Whether an If-None-Match header names `etag` (a list, `*`, or weak forms of it). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

import { invalid } from './errors.js';

export { pageQuery } from '../../shared/common.schemas.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): string[] | null {
  if (cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string')) {
      return key as string[];
    }
  } catch {
    // fall through to the error below
  }
  throw invalid([{ path: 'query.cursor', code: 'bad_cursor', message: 'is not a cursor this list gave out' }]);
}

/** Lists fetch limit + 1 rows: the extra row only tells whether a next page exists. */
export function toPage<R, T>(rows: R[], limit: number, present: (row: R) => T, key: (row: R) => string[]): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return {
    items: items.map(present),
    nextCursor: more && last !== undefined ? encodeCursor(key(last)) : null,
  };
}

import type { Queryable } from './database.js';

/** A LIKE pattern matching every string that starts with `prefix` (wildcards in it escaped). */
export function likePrefix(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}

/** A LIKE pattern matching every string that contains `text`. */
export function likeContaining(text: string): string {
  return `%${escapeLike(text)}%`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The WHERE clause of a list query: conditions joined by AND, each value bound as the next `$n`
 * after the parameters already in `params` (those of a scope condition, say). Renders as SQL.
 */
export class Where {
  private readonly parts: string[];

  constructor(
    private readonly params: unknown[],
    ...conditions: string[]
  ) {
    this.parts = conditions;
  }

  /** Binds a value and returns its placeholder. */
  bind(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  /** `column = value`, when a value is given. */
  equal(column: string, value: unknown): this {
    if (value !== undefined && value !== null && value !== '') this.parts.push(`${column} = ${this.bind(value)}`);
    return this;
  }

  /** Rows in the area subtree whose materialised path is given, when one is. */
  under(column: string, areaPath: string | undefined): this {
    if (areaPath) this.parts.push(`${column} LIKE ${this.bind(likePrefix(areaPath))}`);
    return this;
  }

  and(condition: string): this {
    this.parts.push(condition);
    return this;
  }

  toString(): string {
    return this.parts.length ? this.parts.join(' AND ') : 'true';
  }
}

/** Tables whose rows are held for one change at a time: versioned records and state machines. */
type LockableTable =
  | 'inquiries'
  | 'orders'
  | 'users'
  | 'programs'
  | 'villages'
  | 'producer_groups'
  | 'members'
  | 'products'
  | 'rating_schemes'
  | 'assessments'
  | 'certifications';

/**
 * Holds a row until the transaction ends, before an edit reads it: two edits based on the same
 * version (or two moves of one order) then go one after the other, and the second sees the first.
 * Without it, on PostgreSQL both would pass their check and the first change would be lost.
 */
export async function lockRow(db: Queryable, table: LockableTable, id: string): Promise<void> {
  await db.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
}

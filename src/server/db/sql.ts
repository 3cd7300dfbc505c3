import type { Queryable, Row } from './database.js';

/** A LIKE pattern matching every string that starts with `prefix` (wildcards in it escaped). */
export function likePrefix(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}

/** A LIKE pattern matching every string that contains `text`. */
export function likeContaining(text: string): string {
  return `%${escapeLike(text)}%`;
}

/**
 * Put at the start of a statement whose best plan depends on its values (how many rows a search
 * word matches): PostgreSQL plans it for the values of each call instead of keeping one plan for
 * all, as it may for a prepared statement (`mayPrepare` leaves it unnamed on both engines).
 */
export const PLANNED_EACH_TIME = '/* planned each time */ ';

/**
 * Whether a statement runs as a named prepared statement, on either engine (decisions 018, 034):
 * one with parameters, not marked PLANNED_EACH_TIME, while fewer than MAX_PREPARED texts are named,
 * so that neither a process nor a connection keeps an ever-growing set. A text without parameters
 * goes through the simple protocol, which allows several statements in one (migrations).
 */
export function mayPrepare(text: string, params: readonly unknown[], named: number, most = MAX_PREPARED): boolean {
  return params.length > 0 && !text.startsWith(PLANNED_EACH_TIME) && named < most;
}
const MAX_PREPARED = 2000;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A piece of SQL with its values kept apart: `sql\`a = ${x} AND ${other}\``. Values become `$n`
 * placeholders only when the piece is rendered into a query's parameter list, so pieces built in
 * different places (a scope condition in a policy, a filter in a repository) compose without
 * anyone counting placeholders or sharing a mutable array.
 */
export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** Appends this piece's values to `params` and returns its text with their `$n` placeholders. */
  renderInto(params: unknown[]): string {
    let text = this.strings[0]!;
    this.values.forEach((value, i) => {
      text += value instanceof Sql ? value.renderInto(params) : `$${params.push(value)}`;
      text += this.strings[i + 1]!;
    });
    return text;
  }

  /** The text and parameters of a whole query. */
  render(): { text: string; params: unknown[] } {
    const params: unknown[] = [];
    return { text: this.renderInto(params), params };
  }
}

/** Tagged template: values become parameters, nested `Sql` pieces are inlined. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql([...strings], values);
}

/** Trusted SQL text (a column name, a keyword), never user input. */
export const rawSql = (text: string): Sql => new Sql([text], []);

/** Pieces joined by a separator: `joinSql([a, b], ' OR ')`. */
export function joinSql(pieces: readonly Sql[], separator: string): Sql {
  if (pieces.length === 0) return rawSql('');
  const strings: string[] = [''];
  const values: unknown[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0) strings[strings.length - 1] += separator;
    values.push(piece);
    strings.push('');
  });
  return new Sql(strings, values);
}

/** Runs a query built with `sql`. */
export function query<T extends Row>(db: Queryable, piece: Sql): Promise<T[]> {
  const { text, params } = piece.render();
  return db.query<T>(text, params);
}

/**
 * The WHERE clause of a list query: conditions joined by AND, each value bound as the next `$n`
 * after the parameters already in `params`. Scope conditions arrive as `Sql` pieces and are
 * rendered here, into this query's parameters. Renders as SQL.
 */
export class Where {
  private readonly parts: string[];

  constructor(
    private readonly params: unknown[],
    ...conditions: (string | Sql)[]
  ) {
    this.parts = conditions.map((c) => (typeof c === 'string' ? c : c.renderInto(params)));
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

  and(condition: string | Sql): this {
    this.parts.push(typeof condition === 'string' ? condition : condition.renderInto(this.params));
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

/**
 * One way to reach the database, whichever engine is underneath: embedded PGlite or PostgreSQL.
 * Repositories take a `Queryable`; services open one transaction per command with `db.transaction`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- row types are interfaces, which lack index signatures
export type Row = Record<string, any>;

export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export type Tx = Queryable;

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` inside one transaction: all of its writes commit together or none do. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgErrorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

import { isDeepStrictEqual } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import type { FastifyReply } from 'fastify';
import type { Queryable } from '../db/database.js';
import { batchScope } from './context.js';
import { conflict } from './errors.js';

/** What a create answers: the record, and whether this call made it (201) or replayed it (200). */
export interface Created<T> {
  record: T;
  created: boolean;
}

export interface CreateOnce<Row, Out> {
  /** The client's id for the record (offline capture sends its own), or undefined for a new one. */
  id: string | undefined;
  /** The stored row with this id, if any (inside the command's transaction). */
  find: (id: string) => Promise<Row | undefined>;
  /**
   * The kind of record and which of many ids it already has: lets a batch ask once for all its
   * ids instead of `find` for each new one (see `AbsentIds`).
   */
  existing?: { kind: string; among: (ids: string[]) => Promise<string[]> };
  /** Whether the caller may see that row; when not, the id is answered as taken and nothing is shown. */
  visible: (row: Row) => boolean;
  /** The stored row's facts in the shape of `input`: the two must be equal for a replay. */
  stored: (row: Row) => unknown;
  /** What the caller sent, normalised the way it is stored (defaults filled in). */
  input: unknown;
  /** The answer for a replay. */
  present: (row: Row) => Out | Promise<Out>;
  /** Creates the record under `id` and returns the answer. */
  create: (id: string) => Promise<Out>;
}

/**
 * The one way to create with a client id: a create repeated with the same id and the same content
 * is the same record (200, answered as stored); the same id with other content is a conflict
 * carrying the current record; an id of a record the caller may not see is a bare conflict — ids
 * travel on printed QR codes, so they are not secrets, and a create never answers with a
 * stranger's data. Runs inside the caller's transaction (`db`), where it holds a lock on the id.
 */
export async function createOnce<Row, Out>(db: Queryable, spec: CreateOnce<Row, Out>): Promise<Created<Out>> {
  if (spec.id) {
    // Creates racing with the same id wait here for each other: the later one then finds the
    // committed row and answers it as a replay (200), never a unique-key 409. On PostgreSQL each
    // statement sees what committed before it, so `find` after the wait sees the winner's row.
    // A batch takes the locks of its requests' ids at its start, in one statement.
    const batch = batchScope.getStore();
    if (!batch?.locked.has(spec.id)) await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [spec.id]);
    const surelyNew =
      batch?.locked.has(spec.id) && spec.existing
        ? await batch.absent.has(spec.existing.kind, spec.id, spec.existing.among)
        : false;
    const existing = surelyNew ? undefined : await spec.find(spec.id);
    if (existing) {
      if (!spec.visible(existing)) throw idInUse();
      const record = await spec.present(existing);
      if (!isDeepStrictEqual(spec.stored(existing), spec.input))
        throw conflict(
          'Another record already has this id with different content.',
          { current: record },
          { code: 'id-other-content' },
        );
      return { record, created: false };
    }
  }
  const id = spec.id ?? uuidv7();
  batchScope.getStore()?.absent.made(id);
  return { record: await spec.create(id), created: true };
}

/** An id already taken by a record the caller may not see: a conflict that says nothing about it. */
export const idInUse = () =>
  conflict('This id is already in use; create the record with another id.', {}, { code: 'id-in-use' });

/** Sends a create's answer: 201 when made now, 200 when replayed. */
export function sendCreated<T>(reply: FastifyReply, { record, created }: Created<T>): FastifyReply {
  return reply.code(created ? 201 : 200).send(record);
}

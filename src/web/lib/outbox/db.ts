import { Dexie, type EntityTable } from 'dexie';
import type { Problem } from '../http';

/**
 * The states a field record goes through, after DHIS2 Android's: waiting to be created or changed,
 * on its way, arrived, refused with a reason the user can fix, or clashing with a newer version.
 */
export type OutboxState = 'to-post' | 'to-update' | 'uploading' | 'synced' | 'error' | 'conflict';

export type OutboxKind =
  | 'group'
  | 'group-edit'
  | 'member'
  | 'member-edit'
  | 'product'
  | 'product-edit'
  | 'photo'
  | 'attendance'
  | 'transaction'
  | 'enrolment'
  | 'batch'
  | 'stock-movement'
  | 'scores'
  | 'self-scores'
  | 'thread'
  | 'reply';

export interface OutboxFile {
  field: string;
  name: string;
  blob: Blob;
}

export interface OutboxRecord {
  /** The id the client chose: the record's id on the server too, so a replay is recognised there. */
  clientId: string;
  kind: OutboxKind;
  /** What the list shows ("KWT Mawar", "Ni Made Sari"). */
  label: string;
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  body?: unknown;
  files?: OutboxFile[];
  state: OutboxState;
  /** The server's refusal (400/422) or the conflict's answer (409, with `current`). */
  problem?: Problem;
  attempts: number;
  nextAttemptAt: number;
  /** When a sender took it (state uploading): a claim older than a minute was left by a closed page. */
  claimedAt?: number;
  createdAt: number;
  /** Another record that must arrive first (a member of a group registered offline waits for the group). */
  dependsOn?: string;
  /** Whose record it is: only the signed-in user's records are sent, with their own session. */
  userId: string;
}

/** The one signed-in user the service worker may send for (the page writes it at sign-in). */
interface Meta {
  key: 'user';
  value: string;
}

/**
 * The outbox lives in IndexedDB, never in the Cache API: a new service worker, a cleared cache or a
 * reload leaves it as it was. Records are kept after they arrive (state synced) until the user
 * clears them, so nothing disappears unseen.
 */
export const outboxDb = new Dexie('ovop-outbox') as Dexie & {
  records: EntityTable<OutboxRecord, 'clientId'>;
  meta: EntityTable<Meta, 'key'>;
};

outboxDb.version(1).stores({
  records: 'clientId, state, userId, createdAt, dependsOn',
  meta: 'key',
});

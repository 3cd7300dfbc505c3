import type { Problem } from '../http';
import type { OutboxKind, OutboxRecord, OutboxState } from './db';

/** Pauses between attempts: 5 s doubling to 30 min, so a phone on 2G does not drain its battery. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

/** The state a record waits in before it is sent: a create, or a change of something that exists. */
export const waitingState = (record: Pick<OutboxRecord, 'method'>): OutboxState =>
  record.method === 'POST' ? 'to-post' : 'to-update';

export const isWaiting = (state: OutboxState) => state === 'to-post' || state === 'to-update';

/** Counted in the header's badge: everything not yet arrived. */
export const isUnsynced = (state: OutboxState) => state !== 'synced';

/**
 * Refusals that say the record's purpose is met already: an enrolment queued for a member who is in
 * that session by now (enrolled from another phone, or the same enrolment tapped twice offline).
 * The form shows the same answer as "already enrolled"; the outbox counts it as arrived.
 */
const ALREADY_THERE: Partial<Record<OutboxKind, string>> = { enrolment: 'already-enrolled' };

export const isAlreadyThere = (record: Pick<OutboxRecord, 'kind'>, problem: Problem | undefined) =>
  problem?.status === 409 && problem.code !== undefined && ALREADY_THERE[record.kind] === problem.code;

/** What an attempt's outcome does to the record. `status` 0 means the network failed. */
export function afterAttempt(
  record: Pick<OutboxRecord, 'method' | 'attempts' | 'kind'>,
  status: number,
  problem: Problem | undefined,
  now: number,
): Partial<OutboxRecord> & { state: OutboxState } {
  if (status >= 200 && status < 300) return { state: 'synced', attempts: record.attempts + 1, problem: undefined };
  // Kept with its answer, so the outbox screen can say it was there already.
  if (isAlreadyThere(record, problem)) return { state: 'synced', attempts: record.attempts + 1, problem };
  if (status === 409) return { state: 'conflict', attempts: record.attempts + 1, ...(problem ? { problem } : {}) };
  // Refused for what it says (invalid, a rule broken, not allowed, gone, a rule's limit such as a new
  // member's threads a day): the user must look at it. A bare 429 is the server's load: try later.
  if ([400, 403, 404, 413, 422].includes(status) || (status === 429 && problem?.code !== undefined)) {
    return { state: 'error', attempts: record.attempts + 1, ...(problem ? { problem } : {}) };
  }
  // Network down, signed out (401: sent again after sign-in), server trouble: try again later.
  const attempts = record.attempts + 1;
  return { state: waitingState(record), attempts, nextAttemptAt: now + backoffMs(attempts) };
}

/**
 * Whether the writer may still change (or drop) a record: not while it is on its way, nor once it
 * arrived. A post drafted offline is edited in place, under the same id.
 */
export const isRedraftable = (state: OutboxState) => state !== 'uploading' && state !== 'synced';

/**
 * Whether a waiting record may be sent now: its time has come and what it depends on has arrived.
 * A record whose parent is refused or in conflict waits with it.
 */
export function isReady(record: OutboxRecord, now: number, parentState: OutboxState | undefined): boolean {
  if (!isWaiting(record.state) || record.nextAttemptAt > now) return false;
  return record.dependsOn === undefined || parentState === undefined || parentState === 'synced';
}

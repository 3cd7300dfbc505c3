import { outboxDb, type OutboxFile, type OutboxKind, type OutboxRecord } from './db';
import { afterAttempt, isReady, isRedraftable, isUnsynced, waitingState } from './rules';
import { batchable, planBatch, type Planned, type RecordOutcome } from '../../../shared/batch-plan';
import { attempt, attemptBatch, problemError } from './send';

export interface OutboxWrite {
  clientId: string;
  kind: OutboxKind;
  label: string;
  method: OutboxRecord['method'];
  url: string;
  body?: unknown;
  files?: OutboxFile[];
  dependsOn?: string | undefined;
}

export type Sent<T> = { queued: false; data: T } | { queued: true; record: OutboxRecord };

const SYNC_TAG = 'ovop-outbox';

/** The signed-in user whose records are sent; the page sets it at sign-in and clears it at sign-out. */
export async function setOutboxUser(userId: string | null): Promise<void> {
  if (userId) await outboxDb.meta.put({ key: 'user', value: userId });
  else await outboxDb.meta.delete('user');
}

const currentUser = async () => (await outboxDb.meta.get('user'))?.value;

/** Stores a write to be sent later; asks for Background Sync where the browser has it. */
export async function enqueue(write: OutboxWrite): Promise<OutboxRecord> {
  const userId = await currentUser();
  if (!userId) throw new Error('The outbox needs a signed-in user.');
  const record: OutboxRecord = {
    ...write,
    ...(write.dependsOn ? { dependsOn: write.dependsOn } : { dependsOn: undefined }),
    state: waitingState(write),
    attempts: 0,
    nextAttemptAt: 0,
    createdAt: Date.now(),
    userId,
  };
  await outboxDb.records.put(record);
  await requestBackgroundSync();
  return record;
}

async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)?.sync;
    await sync?.register(SYNC_TAG);
  } catch {
    // No Background Sync here: the app sends on reconnect, on start and on "Sync now".
  }
}

/** Whether a write must wait in the outbox: offline, or it depends on a record not yet arrived. */
async function mustWait(write: OutboxWrite): Promise<boolean> {
  if (!navigator.onLine) return true;
  if (!write.dependsOn) return false;
  const parent = await outboxDb.records.get(write.dependsOn);
  return parent !== undefined && parent.state !== 'synced';
}

/**
 * A field screen's write: sent at once when it can be; kept in the outbox when the network is down
 * (or its parent is still waiting). The server's refusals (400, 409, 422…) are thrown as ApiError,
 * as `api()` does, so the form shows them beside its fields.
 */
export async function sendOrQueue<T>(write: OutboxWrite): Promise<Sent<T>> {
  if (await mustWait(write)) return { queued: true, record: await enqueue(write) };
  const outcome = await attempt(write);
  if (outcome.status === 0) return { queued: true, record: await enqueue(write) };
  if (outcome.status >= 200 && outcome.status < 300) return { queued: false, data: outcome.data as T };
  throw problemError(outcome);
}

let flushing: Promise<number> | null = null;

/**
 * Sends every waiting record of the signed-in user, oldest first, parents before children. Each
 * record is claimed (state uploading) inside a transaction, so the page and the service worker
 * never send the same one at once. Returns how many arrived.
 */
export function flushOutbox(): Promise<number> {
  flushing ??= flushOnce().finally(() => (flushing = null));
  return flushing;
}

async function flushOnce(): Promise<number> {
  const userId = await currentUser();
  if (!userId) return 0;
  await releaseStaleClaims(userId);
  let arrived = 0;
  for (;;) {
    const claimed = await claimNext(userId);
    if (!claimed) return arrived;
    const records = claimed.flatMap((p) => p.records) as OutboxRecord[];
    const outcomes =
      records.length === 1
        ? new Map<string, RecordOutcome>([[records[0]!.clientId, await attempt(records[0]!)]])
        : ((await attemptBatch(claimed)) ?? (await eachAlone(records)));
    let offline = false;
    for (const record of records) {
      const outcome = outcomes.get(record.clientId) ?? 'again';
      if (outcome === 'again') {
        await outboxDb.records.update(record.clientId, { state: waitingState(record), nextAttemptAt: 0 });
        continue;
      }
      const next = afterAttempt(record, outcome.status, outcome.problem, Date.now());
      await outboxDb.records.update(record.clientId, next);
      if (next.state === 'synced') arrived++;
      offline ||= outcome.status === 0;
    }
    // The network is down: the rest would fail the same way.
    if (offline) return arrived;
  }
}

/** Records of a batch the server would not take as one: sent one by one, as each would be alone. */
async function eachAlone(records: OutboxRecord[]): Promise<Map<string, RecordOutcome>> {
  const out = new Map<string, RecordOutcome>();
  for (const record of records) out.set(record.clientId, await attempt(record));
  return out;
}

/**
 * Claims the next records to send (state uploading) inside a transaction, so the page and the
 * service worker never send the same one at once: the oldest ready record alone when it carries a
 * photo, else as many ready records as one batch holds, oldest first, parents before children.
 */
async function claimNext(userId: string): Promise<Planned[] | undefined> {
  return outboxDb.transaction('rw', outboxDb.records, async () => {
    const now = Date.now();
    const mine = await outboxDb.records.where('userId').equals(userId).sortBy('createdAt');
    const states = new Map(mine.map((r) => [r.clientId, r.state]));
    const ready = mine.filter((r) => isReady(r, now, r.dependsOn ? states.get(r.dependsOn) : undefined));
    const first = ready[0];
    if (!first) return undefined;
    const plan: Planned[] = batchable(first)
      ? planBatch(ready)
      : [{ request: { id: first.clientId, method: first.method, url: first.url }, records: [first] }];
    for (const record of plan.flatMap((p) => p.records)) {
      await outboxDb.records.update(record.clientId, { state: 'uploading', claimedAt: now });
    }
    return plan;
  });
}

/** A record left "uploading" by a page closed mid-send goes back to waiting (the server knows replays). */
async function releaseStaleClaims(userId: string): Promise<void> {
  const claimed = await outboxDb.records.where('state').equals('uploading').toArray();
  for (const r of claimed) {
    if (r.userId === userId && (r.claimedAt ?? 0) < Date.now() - 60_000) {
      await outboxDb.records.update(r.clientId, { state: waitingState(r), nextAttemptAt: 0 });
    }
  }
}

/** Sends a refused record again, with the user's corrections (or as it was). */
export async function resend(clientId: string, body?: unknown): Promise<void> {
  const record = await outboxDb.records.get(clientId);
  if (!record) return;
  await outboxDb.records.update(clientId, {
    state: waitingState(record),
    nextAttemptAt: 0,
    problem: undefined,
    ...(body === undefined ? {} : { body }),
  });
  void flushOutbox();
}

/**
 * A draft changed by its writer before it left (a post written offline): the new body under the
 * same id, waiting again. Refused (false) once it is on its way or arrived: it is sent as it was.
 */
export async function redraft(clientId: string, body: unknown): Promise<boolean> {
  const changed = await outboxDb.transaction('rw', outboxDb.records, async () => {
    const record = await outboxDb.records.get(clientId);
    if (!record || !isRedraftable(record.state)) return false;
    await outboxDb.records.update(clientId, {
      body,
      state: waitingState(record),
      problem: undefined,
      attempts: 0,
      nextAttemptAt: 0,
    });
    return true;
  });
  if (changed && navigator.onLine) void flushOutbox();
  return changed;
}

/** "Keep mine": the change is sent again on top of the server's current version. */
export async function keepMine(clientId: string): Promise<void> {
  const record = await outboxDb.records.get(clientId);
  const current = record?.problem?.current as { version?: number } | undefined;
  if (!record || current?.version === undefined) return;
  await resend(clientId, { ...(record.body as object), version: current.version });
}

/** "Take the server's" (or forget a refused record): the record leaves the outbox. */
export async function discard(clientId: string): Promise<void> {
  await outboxDb.records.delete(clientId);
}

/** Arrived records are kept until the user clears them. */
export async function clearSynced(): Promise<void> {
  await outboxDb.records.where('state').equals('synced').delete();
}

/** The user's records not yet arrived, as a JSON file (photos as data URLs) to keep or hand over. */
export async function exportUnsynced(): Promise<Blob> {
  const userId = await currentUser();
  const records = (await outboxDb.records.toArray()).filter((r) => r.userId === userId && isUnsynced(r.state));
  const files = async (list: OutboxFile[] | undefined) =>
    Promise.all((list ?? []).map(async (f) => ({ field: f.field, name: f.name, dataUrl: await dataUrl(f.blob) })));
  const out = await Promise.all(records.map(async (r) => ({ ...r, files: await files(r.files) })));
  return new Blob([JSON.stringify({ exportedAt: new Date().toISOString(), records: out }, null, 2)], {
    type: 'application/json',
  });
}

const dataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(blob);
  });

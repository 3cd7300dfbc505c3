import { outboxDb, type OutboxRecord } from './db';
import { flushOutbox, sendOrQueue, type OutboxWrite, type Sent } from './outbox';
import { waitingState } from './rules';

/** States in which a record has not left the phone and nobody is sending it. */
const REPLACEABLE: OutboxRecord['state'][] = ['to-post', 'to-update', 'error', 'conflict'];

/**
 * A write under a natural key: a PUT that sets a whole value (an assessor's scores), its client id
 * named after what it sets. When an earlier write under the same key still waits on the phone, this
 * one takes its place, so only the newest is sent, on the version both were based on; otherwise it
 * goes as any write. One already on its way is left to finish: this one then gets a key of its own.
 */
export async function sendOrReplace<T>(write: OutboxWrite): Promise<Sent<T>> {
  const outcome = await outboxDb.transaction('rw', outboxDb.records, async () => {
    const earlier = await outboxDb.records.get(write.clientId);
    if (!earlier || !REPLACEABLE.includes(earlier.state)) return earlier?.state === 'uploading' ? 'busy' : 'none';
    const record: OutboxRecord = {
      ...earlier,
      label: write.label,
      body: write.body,
      state: waitingState(earlier),
      problem: undefined,
      attempts: 0,
      nextAttemptAt: 0,
      createdAt: Date.now(),
    };
    await outboxDb.records.put(record);
    return record;
  });
  if (outcome === 'none') return sendOrQueue<T>(write);
  if (outcome === 'busy') return sendOrQueue<T>({ ...write, clientId: `${write.clientId}:${crypto.randomUUID()}` });
  if (navigator.onLine) void flushOutbox();
  return { queued: true, record: outcome };
}

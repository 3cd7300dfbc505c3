import type { z } from 'zod';
import type { problemAnswer } from './common.schemas.js';
import { BATCH_MAX_REQUESTS } from './schemas/batch.js';

/**
 * How the field app's outbox sends its records in batches (`POST /api/v1/batch`): which records go
 * together, and what each batch answer means for each record. Pure, so the app and the replay
 * benchmark plan the same way.
 */

/** What an outbox record sends: enough to put it in a batch. */
export interface Sendable {
  clientId: string;
  kind: string;
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  body?: unknown;
  /** A photo: sent alone, as multipart. */
  files?: readonly unknown[];
}

/** A problem as the server sends it (the web's `Problem`). */
type Problem = Partial<z.infer<typeof problemAnswer>> & { title: string; status: number };

/** One request of a batch, and the records it carries (several attendance taps of one day make one). */
export interface Planned {
  request: { id: string; method: Sendable['method']; url: string; body?: unknown };
  records: Sendable[];
}

/** An attempt's outcome for one record, as `afterAttempt` takes it; `again` sends it in the next round. */
export type RecordOutcome = { status: number; data?: unknown; problem?: Problem } | 'again';

/** A batch stays well under the server's 1 MB limit for a request body. */
const MAX_BATCH_BYTES = 512 * 1024;

/** Only JSON writes to this API travel in a batch; a photo (multipart) goes on its own. */
export const batchable = (r: Sendable) => !r.files?.length && /^\/api\/v1\/(?!batch(?:[/?#]|$))/.test(r.url);

interface Mark {
  memberId: string;
  present: boolean;
  markedAt?: string;
}

const marksOf = (r: { body?: unknown }): Mark[] => (r.body as { items?: Mark[] } | undefined)?.items ?? [];

/** The later of two marks of one member: by the time tapped, else the one queued later. */
const later = (a: Mark, b: Mark) => (a.markedAt && b.markedAt && a.markedAt > b.markedAt ? a : b);

/**
 * The next batch from ready records, oldest first: as many as fit in `max` requests and the byte
 * budget. Attendance taps of one session day become one PUT of all their marks (a member tapped
 * twice keeps the later mark), placed where the day's latest tap stands, so it still goes after
 * every record queued before any of its taps (an enrolment made offline comes first).
 */
export function planBatch(ready: Sendable[], max = BATCH_MAX_REQUESTS): Planned[] {
  const plan: Planned[] = [];
  let bytes = 0;
  for (const record of ready.filter(batchable)) {
    const size = JSON.stringify(record.body ?? null).length + record.url.length + 64;
    const day = record.kind === 'attendance' ? plan.findIndex((p) => p.request.url === record.url) : -1;
    if (day >= 0) {
      if (bytes + size > MAX_BATCH_BYTES) break;
      const [merged] = plan.splice(day, 1);
      const marks = new Map<string, Mark>();
      for (const m of [...marksOf(merged!.request), ...marksOf(record)]) {
        const before = marks.get(m.memberId);
        marks.set(m.memberId, before ? later(before, m) : m);
      }
      plan.push({
        request: { ...merged!.request, body: { items: [...marks.values()] } },
        records: [...merged!.records, record],
      });
    } else {
      if (plan.length >= max || (plan.length > 0 && bytes + size > MAX_BATCH_BYTES)) break;
      const { clientId: id, method, url, body } = record;
      plan.push({ request: { id, method, url, ...(body === undefined ? {} : { body }) }, records: [record] });
    }
    bytes += size;
  }
  return plan;
}

/**
 * What a batch's answer to one request means for each record in it. A record alone takes the answer
 * as it is. Taps merged into one day's PUT share a success or a refusal of the whole day (a day
 * outside the session, a lost permission); when the refusal names single marks (`items.3.memberId`:
 * not enrolled), only the taps that sent those marks take it — renamed to their own place in their
 * own list — and the others go again in the next round without them.
 */
export function outcomesOf(planned: Planned, answer: { status: number; body: unknown }): Map<string, RecordOutcome> {
  const ok = answer.status >= 200 && answer.status < 300;
  const problem = ok ? undefined : problemOf(answer);
  const whole: RecordOutcome = ok ? { status: answer.status, data: answer.body } : { status: answer.status, problem };
  const out = new Map<string, RecordOutcome>();
  const named = (problem?.errors ?? [])
    .map((e) => ({ error: e, index: /^items\.(\d+)(\.|$)/.exec(e.path)?.[1] }))
    .filter((e) => e.index !== undefined);
  if (planned.records.length === 1 || ok || named.length === 0) {
    for (const r of planned.records) out.set(r.clientId, whole);
    return out;
  }
  const sent = marksOf(planned.request);
  for (const r of planned.records) {
    const mine = marksOf(r);
    const errors = named.flatMap(({ error, index }) => {
      const mark = sent[Number(index)];
      const at = mark ? mine.findIndex((m) => m.memberId === mark.memberId) : -1;
      return at < 0 ? [] : [{ ...error, path: error.path.replace(/^items\.\d+/, `items.${at}`) }];
    });
    out.set(r.clientId, errors.length ? { status: answer.status, problem: { ...problem!, errors } } : 'again');
  }
  // Marks the answer names but no tap sent: the refusal is the whole day's after all.
  if ([...out.values()].every((o) => o === 'again')) for (const r of planned.records) out.set(r.clientId, whole);
  return out;
}

function problemOf(answer: { status: number; body: unknown }): Problem {
  const body = answer.body;
  return body && typeof body === 'object' && 'title' in body
    ? { ...(body as Problem), status: answer.status }
    : { title: 'Error', status: answer.status };
}

import { ApiError, type Problem } from '../http';
import type { BatchAnswer } from '../../../shared/schemas/batch';
import { outcomesOf, type Planned, type RecordOutcome } from '../../../shared/batch-plan';
import type { OutboxRecord } from './db';

export interface Attempt {
  status: number;
  data?: unknown;
  problem?: Problem;
}

/** One attempt at a record's request; status 0 when the network failed. Used by the page and the service worker. */
export async function attempt(record: Pick<OutboxRecord, 'method' | 'url' | 'body' | 'files'>): Promise<Attempt> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (record.files?.length) {
    const form = new FormData();
    for (const f of record.files) form.append(f.field, f.blob, f.name);
    body = form;
  } else if (record.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(record.body);
  }
  let response: Response;
  try {
    response = await fetch(record.url, { method: record.method, headers, body, credentials: 'same-origin' });
  } catch {
    return { status: 0 };
  }
  const data: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (response.ok) return { status: response.status, data };
  const problem =
    data && typeof data === 'object' && 'title' in data
      ? { ...(data as Problem), status: response.status }
      : { title: response.statusText || 'Error', status: response.status };
  return { status: response.status, problem };
}

export const problemError = (outcome: Attempt) =>
  new ApiError(outcome.problem ?? { title: 'Error', status: outcome.status });

/**
 * One attempt at a batch: each record's outcome, as if it had been sent alone. When the batch itself
 * fails (network, signed out, server trouble) every record takes that answer; when the server does
 * not take the batch as such (an older server, a body it refuses whole), `undefined`: send them alone.
 */
export async function attemptBatch(plan: Planned[]): Promise<Map<string, RecordOutcome> | undefined> {
  const whole = (outcome: RecordOutcome) => new Map(plan.flatMap((p) => p.records.map((r) => [r.clientId, outcome])));
  let response: Response;
  try {
    response = await fetch('/api/v1/batch', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ requests: plan.map((p) => p.request) }),
      credentials: 'same-origin',
    });
  } catch {
    return whole({ status: 0 });
  }
  if (response.status === 401 || response.status === 429 || response.status >= 500) {
    const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
    return whole({ status: response.status, problem: { title: 'Error', ...problem, status: response.status } });
  }
  if (!response.ok) return undefined;
  const { results } = (await response.json()) as BatchAnswer;
  const answers = new Map(results.map((r) => [r.id, r]));
  const out = new Map<string, RecordOutcome>();
  for (const p of plan) {
    const answer = answers.get(p.request.id);
    if (answer) for (const [id, outcome] of outcomesOf(p, answer)) out.set(id, outcome);
    else for (const r of p.records) out.set(r.clientId, 'again');
  }
  return out;
}

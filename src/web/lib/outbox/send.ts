import { ApiError, type Problem } from '../http';
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

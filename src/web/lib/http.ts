/**
 * The web app's one HTTP client: JSON in and out, problem+json errors thrown as ApiError.
 *
 * Calls to the API live in `features/<feature>/api/`, one file per resource, named after it
 * (`groups.ts`, `members.ts`, `journal.ts`, `reports.ts`…), holding that resource's operations as
 * small functions over `api()`: `listGroups`, `getGroup`, `registerGroup`, `patchGroup`. A
 * component never builds a request itself. Answer types come from the server's response schemas
 * in `src/shared/schemas` (`import type { GroupAnswer }`: types only, so no zod enters the bundle),
 * and what a user may do with a record from its `abilities`; another feature reaches a feature's
 * operations only through its `index.ts`.
 */

import type { z } from 'zod';
import type { fieldErrorAnswer, problemAnswer } from '../../shared/common.schemas';

export type FieldError = z.infer<typeof fieldErrorAnswer>;
/** A problem as the server sends it; a failure that never reached it (status 0) has only some of it. */
export type Problem = Partial<z.infer<typeof problemAnswer>> & { title: string; status: number };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Listeners told about every failed request (the toast shows them). */
const failureListeners = new Set<(error: ApiError) => void>();
export function onRequestFailed(listener: (error: ApiError) => void): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Failures the caller shows itself (field errors, 404 pages, 409 conflicts) raise no toast. */
  quiet?: (error: ApiError) => boolean;
  signal?: AbortSignal;
}

export async function api<T>(path: string, { method = 'GET', body, quiet, signal }: RequestOptions = {}): Promise<T> {
  // The server words its refusals in the interface's language (for clients that show them as they are).
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': interfaceLanguage() };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    const error = new ApiError({
      code: 'network',
      title: 'Network error',
      status: 0,
      detail: 'The server could not be reached.',
    });
    // A caller that retries by itself (attendance saves) says so through `quiet`, as for any failure.
    // Offline, the screen says so itself (the outbox keeps writes): no toast for every read.
    if (!quiet?.(error) && globalThis.navigator?.onLine !== false)
      for (const listener of failureListeners) listener(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem =
      data && typeof data === 'object' && 'title' in data
        ? (data as Problem)
        : { title: response.statusText || 'Error', status: response.status };
    const error = new ApiError({ ...problem, status: response.status });
    if (!quiet?.(error)) for (const listener of failureListeners) listener(error);
    throw error;
  }
  return data as T;
}

const interfaceLanguage = () => (typeof document === 'undefined' ? '' : document.documentElement.lang) || 'id';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Money {
  amount: string;
  currency: string;
}

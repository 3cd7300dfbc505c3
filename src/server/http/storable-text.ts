import type { FastifyRequest } from 'fastify';
import { invalid, type FieldError } from './errors.js';

const UNSTORABLE = 'contains a character that cannot be stored';

/**
 * PostgreSQL refuses NUL in `text` and `jsonb` (a 500 from deep inside a query), and a lone UTF-16
 * surrogate has no UTF-8 form, so the driver would silently store U+FFFD instead of what was sent.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const isStorable = (text: string) => !text.includes('\0') && !LONE_SURROGATE.test(text);

/**
 * The paths of every string in `value` (keys included) that cannot be stored, named as the error
 * handler names zod fields: `name.id`, `items.0.note`; a bad key is reported at its object's path.
 */
function unstorablePaths(value: unknown, path: string): string[] {
  if (typeof value === 'string') return isStorable(value) ? [] : [path];
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return [];
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
  const badKey = entries.some(([key]) => !isStorable(key)) ? [path || '(body)'] : [];
  return [...badKey, ...entries.flatMap(([key, item]) => unstorablePaths(item, at(key)))];
}

const toErrors = (paths: string[], message = UNSTORABLE): FieldError[] =>
  paths.map((path) => ({ path, code: 'not_storable', message }));

/**
 * Deeper than any request of the API needs (a rating scheme's definition is six levels deep).
 * Without a bound, a body of a few thousand nested arrays overflows the stack of whatever walks
 * it first (this hook, a schema, the JSON column) and answers 500.
 */
const MAX_DEPTH = 32;

/** Whether `value` nests objects or arrays more than `depth` levels deep; a loop, so the check cannot overflow. */
function nestsDeeperThan(value: unknown, depth: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, level] = next;
    if (item === null || typeof item !== 'object' || Buffer.isBuffer(item)) continue;
    if (level >= depth) return true;
    for (const child of Object.values(item)) pending.push([child, level + 1]);
  }
  return false;
}

/** The body's top-level fields that nest too deeply, or `(body)` when the body itself is a too-deep array. */
function tooDeepPaths(body: unknown): string[] {
  if (body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return [];
  if (Array.isArray(body)) return nestsDeeperThan(body, MAX_DEPTH) ? ['(body)'] : [];
  return Object.entries(body)
    .filter(([, value]) => nestsDeeperThan(value, MAX_DEPTH - 1))
    .map(([key]) => key);
}

/**
 * A `preValidation` hook for every route: refuses text PostgreSQL cannot store, and bodies nested
 * beyond `MAX_DEPTH`, as a 400 naming the field, before any schema transform or query sees them. Multipart uploads are read in the handler,
 * where `uploadedFile` applies the same rule to their file name and fields.
 */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const deep = tooDeepPaths(request.body);
  if (deep.length > 0) throw invalid(toErrors(deep, 'is nested too deeply'));
  const paths = [
    ...unstorablePaths(request.params, 'params'),
    ...unstorablePaths(request.query, 'query'),
    ...(typeof request.body === 'string' ? unstorablePaths(request.body, '(body)') : unstorablePaths(request.body, '')),
  ];
  if (paths.length > 0) throw invalid(toErrors(paths));
}

/** The same rule for the text parts of a multipart upload (`photo.filename`, a form field). */
export function refuseUnstorableParts(parts: Record<string, string>): void {
  const paths = Object.entries(parts).flatMap(([path, text]) => unstorablePaths(text, path));
  if (paths.length > 0) throw invalid(toErrors(paths));
}

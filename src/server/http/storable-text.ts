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

const toErrors = (paths: string[]): FieldError[] => paths.map((path) => ({ path, message: UNSTORABLE }));

/**
 * A `preValidation` hook for every route: refuses text PostgreSQL cannot store as a 400 naming the
 * field, before any schema transform or query sees it. Multipart uploads are read in the handler,
 * where `uploadedFile` applies the same rule to their file name and fields.
 */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
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

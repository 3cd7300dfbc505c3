import { ApiError } from '../../../lib/http';

/** Rules the books enforce (422) and stale replays (409), by their problem type. */
const KNOWN = [
  'period-closed',
  'unbalanced',
  'period-already-closed',
  'period-not-ended',
  'reversal-of-reversal',
  'conflict',
] as const;

/** The key of a plain-words message for a refused posting, or null when the problem is not one of ours. */
export function ruleKey(error: unknown): string | null {
  if (!(error instanceof ApiError) || (error.status !== 422 && error.status !== 409)) return null;
  const code = error.problem.type?.split('/').pop() ?? '';
  const known = (KNOWN as readonly string[]).includes(code) ? code : error.status === 409 ? 'conflict' : 'other';
  return `books.rule.${known.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`;
}

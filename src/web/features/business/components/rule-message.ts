import { ApiError, type Money } from '../../../lib/http';
import { formatMoney } from '../../../lib/format';

/** Rules the books enforce (422) and stale replays (409), by their problem type. */
const KNOWN = [
  'period-closed',
  'unbalanced',
  'period-already-closed',
  'period-not-ended',
  'reversal-of-reversal',
  'conflict',
  'insufficient-balance',
  'more-than-receivable',
  'more-than-owed',
  'more-than-saved',
  'stock-insufficient',
  'date-in-future',
  'cooperative-only',
  'final-tax-off',
  'final-tax-nothing-due',
] as const;

/** The key of a plain-words message for a refused posting, or null when the problem is not one of ours. */
export function ruleKey(error: unknown): string | null {
  if (!(error instanceof ApiError) || (error.status !== 422 && error.status !== 409)) return null;
  const code = error.problem.type?.split('/').pop() ?? '';
  const known = (KNOWN as readonly string[]).includes(code) ? code : error.status === 409 ? 'conflict' : 'other';
  return `books.rule.${known.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`;
}

const isMoney = (value: unknown): value is Money =>
  typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value;

/**
 * The amount a refused posting asked for and the balance it met, as the reader writes them: money
 * in their locale's format, a quantity of stock as the server counted it.
 */
export function ruleValues(error: unknown, locale: string): { amount: string; balance: string } {
  const problem = error instanceof ApiError ? (error.problem as unknown as Record<string, unknown>) : {};
  const text = (value: unknown) =>
    isMoney(value) ? formatMoney(value, locale) : typeof value === 'string' ? value : '';
  return { amount: text(problem.amount), balance: text(problem.balance) };
}

import type { FieldError, Problem } from './http';

/** `t` of the i18n context: the key itself when no message has it. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The sentence for a code in the reader's language, or undefined when the code has none. */
function coded(t: Translate, code: string | undefined, params: Record<string, string | number> = {}) {
  if (!code) return undefined;
  const key = `error.${code}`;
  const text = t(key, params);
  return text === key ? undefined : text;
}

/**
 * What went wrong, in the reader's language: the problem's code translated with its parameters.
 * An unknown code (a newer server) falls back to the server's own text, which it already words in
 * the language the request asked for.
 */
export function problemText(problem: Problem, t: Translate): string {
  return coded(t, problem.code, problem.params) ?? problem.detail ?? problem.title;
}

/** A short heading for a failure, by its status ("No connection", "Not allowed", …). */
export function problemTitle(problem: Problem, t: Translate): string {
  const key = `error.status.${problem.status}`;
  const text = t(key);
  return text === key ? t('error.status.other') : text;
}

/** One field's error in the reader's language, falling back to the server's sentence. */
export function fieldText(error: Pick<FieldError, 'code' | 'params' | 'message'>, t: Translate): string {
  return coded(t, error.code, error.params) ?? error.message;
}

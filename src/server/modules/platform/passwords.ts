import { hash, verify } from '@node-rs/argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { FieldCode } from '../../../shared/problem-codes.js';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane); @node-rs/argon2 defaults to argon2id.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Loaded and built on the first check, not at start: loading the dictionaries takes about 0.2 s and
 * ranking them about a second and tens of megabytes, which a server that checks no password (most
 * restarts) never needs.
 */
let strength: Promise<{ checker: ZxcvbnFactory; warnings: Record<string, string> }> | undefined;
const strengthChecker = () =>
  (strength ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const checker = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
    });
    return { checker, warnings: en.translations.warnings as Record<string, string> };
  })());

/** zxcvbn's warnings (its translation keys, given when no translations are set) → our codes. */
const WARNING_CODES: Record<string, FieldCode> = {
  straightRow: 'password_keyboard',
  keyPattern: 'password_keyboard',
  simpleRepeat: 'password_repeats',
  extendedRepeat: 'password_repeats',
  sequences: 'password_sequence',
  recentYears: 'password_dates',
  dates: 'password_dates',
  topTen: 'password_common',
  topHundred: 'password_common',
  common: 'password_common',
  similarToCommon: 'password_common',
  pwned: 'password_common',
  wordByItself: 'password_words',
  namesByThemselves: 'password_words',
  commonNames: 'password_words',
  userInputs: 'password_personal',
};

interface PasswordWeakness {
  code: FieldCode;
  params?: Record<string, number>;
  message: string;
}

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so both paths take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not a real password, only for equal timing');
  return dummyHash;
}

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Why a password is refused, or null when it is acceptable: long enough and not guessable from
 * common-password lists, keyboard patterns, or the account's own email and name (zxcvbn score ≥ 3).
 */
export async function passwordWeakness(password: string, userInputs: string[] = []): Promise<PasswordWeakness | null> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    const message = `must be at least ${MIN_PASSWORD_LENGTH} characters`;
    return { code: 'password_too_short', params: { minimum: MIN_PASSWORD_LENGTH }, message };
  }
  if (password.length > 256) {
    return { code: 'password_too_long', params: { maximum: 256 }, message: 'must be at most 256 characters' };
  }
  const lowered = password.toLowerCase();
  const personal = userInputs.flatMap((s) => [s.toLowerCase(), s.toLowerCase().split('@')[0] ?? '']);
  if (personal.some((s) => s.length >= 4 && lowered.includes(s))) {
    return { code: 'password_personal', message: 'must not contain your email or name' };
  }
  const inputs = userInputs.flatMap((s) => s.toLowerCase().split(/[@.\s_-]+/)).filter((s) => s.length >= 3);
  const { checker, warnings } = await strengthChecker();
  const result = checker.check(password, inputs);
  if (result.score >= 3) return null;
  const warning = result.feedback.warning ?? '';
  const reason = warnings[warning];
  return {
    code: WARNING_CODES[warning] ?? 'password_guessable',
    message: `is too easy to guess${reason ? ` (${reason})` : ''}`,
  };
}

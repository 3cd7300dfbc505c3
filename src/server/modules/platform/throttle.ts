import type { Queryable } from '../../db/database.js';
import { tooManyRequests } from '../../http/errors.js';
import { throttleRepository } from './platform.repository.js';

/**
 * How one kind of attempt is throttled: at `limit` failures the key is locked for `lockSeconds`,
 * and every further failure (once a lock has ended) locks it twice as long as the one before, up to
 * `maxLockSeconds`. Failures are forgotten after `windowSeconds` with neither a failure nor a lock.
 */
export interface ThrottleRule {
  limit: number;
  windowSeconds: number;
  lockSeconds: number;
  maxLockSeconds: number;
}

/** Refuses with 429 and Retry-After while any of `keys` is locked. */
export async function refuseWhileLocked(db: Queryable, keys: string[], now: Date): Promise<void> {
  const until = await throttleRepository.lockedUntil(db, keys, now);
  if (until) throw tooManyRequests(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)));
}

/** Counts a failure for `key` and locks it when the rule says so (`limit` overrides the rule's). */
export async function countFailure(
  db: Queryable,
  key: string,
  rule: ThrottleRule,
  now: Date,
  limit = rule.limit,
): Promise<number> {
  const failures = await throttleRepository.count(db, key, now, rule.windowSeconds);
  if (failures >= limit) {
    const seconds = Math.min(rule.maxLockSeconds, rule.lockSeconds * 2 ** Math.min(failures - limit, 30));
    await throttleRepository.lock(db, key, new Date(now.getTime() + seconds * 1000));
  }
  return failures;
}

import { describe, expect, it } from 'vitest';
import type { OutboxRecord } from './db';
import { afterAttempt, backoffMs, isReady, isRedraftable } from './rules';

const record = (over: Partial<OutboxRecord> = {}): OutboxRecord => ({
  clientId: 'c1',
  kind: 'member',
  label: 'Ni Made Sari',
  method: 'POST',
  url: '/api/v1/groups/g1/members',
  state: 'to-post',
  attempts: 0,
  nextAttemptAt: 0,
  createdAt: 1,
  userId: 'u1',
  ...over,
});

describe('the outbox rules', () => {
  it('marks a record synced on a 2xx, a replay (200) as much as a first create (201)', () => {
    expect(afterAttempt(record(), 201, undefined, 0).state).toBe('synced');
    expect(afterAttempt(record(), 200, undefined, 0).state).toBe('synced');
  });

  it('keeps a record waiting after a network failure, 401 or 5xx, with a growing pause', () => {
    const first = afterAttempt(record(), 0, undefined, 1000);
    expect(first).toMatchObject({ state: 'to-post', attempts: 1, nextAttemptAt: 1000 + backoffMs(1) });
    expect(afterAttempt(record({ method: 'PATCH', attempts: 3 }), 503, undefined, 0)).toMatchObject({
      state: 'to-update',
      attempts: 4,
    });
    expect(afterAttempt(record(), 401, undefined, 0).state).toBe('to-post');
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));
    expect(backoffMs(50)).toBe(30 * 60_000);
  });

  it('turns a refusal into an error carrying the server reason, and a 409 into a conflict', () => {
    const problem = { title: 'Invalid', status: 422, detail: 'birthYear is 1999' };
    expect(afterAttempt(record(), 422, problem, 0)).toMatchObject({ state: 'error', problem });
    expect(afterAttempt(record(), 400, problem, 0).state).toBe('error');
    const current = { version: 4 };
    expect(afterAttempt(record(), 409, { title: 'Conflict', status: 409, current }, 0)).toMatchObject({
      state: 'conflict',
      problem: { current },
    });
  });

  it('counts a queued enrolment of a member already in the session as arrived, and no other conflict', () => {
    const already = { title: 'Conflict', status: 409, code: 'already-enrolled' as const };
    const enrolment = record({ kind: 'enrolment', url: '/api/v1/sessions/s1/enrolments' });
    expect(afterAttempt(enrolment, 409, already, 0)).toMatchObject({ state: 'synced', problem: already });
    const other = { title: 'Conflict', status: 409, code: 'id-other-content' as const };
    expect(afterAttempt(enrolment, 409, other, 0).state).toBe('conflict');
    expect(afterAttempt(record(), 409, already, 0).state).toBe('conflict');
  });

  it('holds a record until its time has come and its parent has arrived', () => {
    const child = record({ dependsOn: 'g1' });
    expect(isReady(child, 10, 'to-post')).toBe(false);
    expect(isReady(child, 10, 'error')).toBe(false);
    expect(isReady(child, 10, 'synced')).toBe(true);
    // A parent sent straight away (never queued) is not in the outbox at all.
    expect(isReady(child, 10, undefined)).toBe(true);
    expect(isReady(record({ nextAttemptAt: 20 }), 10, undefined)).toBe(false);
    expect(isReady(record({ state: 'conflict' }), 10, undefined)).toBe(false);
  });

  it('keeps a post refused by a rule’s limit (a new member’s threads a day) with its reason, and retries a bare 429', () => {
    const slow = { title: 'Too many requests', status: 429, code: 'slow-mode' as const, params: { maximum: 3 } };
    const thread = record({ kind: 'thread', url: '/api/v1/community/spaces/s1/threads' });
    expect(afterAttempt(thread, 429, slow, 0)).toMatchObject({ state: 'error', problem: slow });
    expect(afterAttempt(thread, 429, { title: 'Too many requests', status: 429 }, 0)).toMatchObject({
      state: 'to-post',
      attempts: 1,
    });
  });

  it('lets a draft be changed or dropped while it waits or was refused, not on its way nor once arrived', () => {
    expect(['to-post', 'to-update', 'error', 'conflict'].every((s) => isRedraftable(s as OutboxRecord['state']))).toBe(
      true,
    );
    expect(isRedraftable('uploading')).toBe(false);
    expect(isRedraftable('synced')).toBe(false);
  });
});

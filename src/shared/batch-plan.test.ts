import { describe, expect, it } from 'vitest';
import { outcomesOf, planBatch, type Sendable } from './batch-plan.js';

const DAY = '/api/v1/sessions/s1/attendance/2026-11-02';
const OTHER_DAY = '/api/v1/sessions/s1/attendance/2026-11-03';

const member = (clientId: string): Sendable => ({
  clientId,
  kind: 'member',
  method: 'POST',
  url: '/api/v1/groups/g1/members',
  body: { id: clientId, name: clientId },
});

const tap = (clientId: string, url: string, memberId: string, present: boolean, markedAt?: string): Sendable => ({
  clientId,
  kind: 'attendance',
  method: 'PUT',
  url,
  body: { items: [{ memberId, present, ...(markedAt ? { markedAt } : {}) }] },
});

describe('planning a batch', () => {
  it('keeps records in their order, one request each, up to the batch size', () => {
    const plan = planBatch(['a', 'b', 'c', 'd'].map(member), 3);
    expect(plan.map((p) => p.request.id)).toEqual(['a', 'b', 'c']);
    expect(plan.map((p) => p.records.map((r) => r.clientId))).toEqual([['a'], ['b'], ['c']]);
  });

  it('leaves a photo upload to be sent alone', () => {
    const photo: Sendable = { ...member('p'), url: '/api/v1/products/x/photos', files: [] };
    const withFile = { ...photo, files: [{ field: 'file', name: 'a.jpg', blob: new Blob(['x']) }] };
    expect(planBatch([member('a'), withFile, member('b')]).map((p) => p.request.id)).toEqual(['a', 'b']);
  });

  it('merges the taps of one day into one PUT where its latest tap stands, the later mark of a member winning', () => {
    const plan = planBatch([
      tap('t1', DAY, 'm1', true, '2026-11-02T01:00:00Z'),
      member('enrolled-meanwhile'),
      tap('t2', OTHER_DAY, 'm1', true),
      tap('t3', DAY, 'm2', false, '2026-11-02T01:05:00Z'),
      tap('t4', DAY, 'm1', false, '2026-11-02T01:10:00Z'),
      tap('t5', DAY, 'm2', true, '2026-11-02T01:01:00Z'),
    ]);
    expect(plan.map((p) => p.request.url)).toEqual(['/api/v1/groups/g1/members', OTHER_DAY, DAY]);
    const day = plan[2]!;
    expect(day.records.map((r) => r.clientId)).toEqual(['t1', 't3', 't4', 't5']);
    expect(day.request.body).toEqual({
      items: [
        { memberId: 'm1', present: false, markedAt: '2026-11-02T01:10:00Z' },
        // t5 was queued later but tapped earlier: the mark made last stands.
        { memberId: 'm2', present: false, markedAt: '2026-11-02T01:05:00Z' },
      ],
    });
  });
});

describe('a batch answer, record by record', () => {
  const plan = planBatch([
    tap('t1', DAY, 'm1', true),
    tap('t2', DAY, 'm2', true),
    tap('t3', DAY, 'm3', true),
    member('a'),
  ]);
  const day = plan.find((p) => p.request.url === DAY)!;

  it('gives every tap of a day the day’s success', () => {
    const out = outcomesOf(day, { status: 200, body: { items: [] } });
    expect([...out.values()].map((o) => o !== 'again' && o.status)).toEqual([200, 200, 200]);
  });

  it('gives a refusal naming one mark to the tap that sent it, in its own terms, and sends the others again', () => {
    const body = {
      title: 'Invalid request',
      status: 400,
      errors: [{ path: 'items.1.memberId', code: 'not_enrolled', message: 'is not enrolled in the session' }],
    };
    const out = outcomesOf(day, { status: 400, body });
    expect(out.get('t1')).toBe('again');
    expect(out.get('t3')).toBe('again');
    const refused = out.get('t2');
    expect(refused !== 'again' && refused?.problem?.errors).toEqual([
      { path: 'items.0.memberId', code: 'not_enrolled', message: 'is not enrolled in the session' },
    ]);
  });

  it('gives a refusal of the whole day to every tap', () => {
    const body = { title: 'Invalid request', status: 400, errors: [{ path: 'params.date', code: 'in_future' }] };
    const out = outcomesOf(day, { status: 400, body });
    expect([...out.values()].map((o) => o !== 'again' && o.problem?.errors?.[0]?.path)).toEqual([
      'params.date',
      'params.date',
      'params.date',
    ]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { putAttendance } from './attendance';

const sheet = { date: '2026-03-02', items: [] };
const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('saving attendance from a phone', () => {
  it('sends the same PUT again after a lost connection or a server error, then succeeds', async () => {
    const fetch = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('network down'))
      .mockResolvedValueOnce(answer(503, { title: 'Unavailable', status: 503 }))
      .mockResolvedValueOnce(answer(200, sheet));
    vi.stubGlobal('fetch', fetch);
    const waits: number[] = [];
    const markedAt = '2026-03-02T01:02:03.004Z';
    const result = await putAttendance(
      's1',
      '2026-03-02',
      [{ memberId: 'm1', present: true, markedAt }],
      async (ms) => {
        waits.push(ms);
      },
    );
    expect(result).toEqual(sheet);
    expect(waits).toEqual([500, 1000]);
    const bodies = fetch.mock.calls.map(([, init]) => (init as RequestInit).body);
    expect(new Set(bodies).size).toBe(1);
    // Every retry carries the tap's own time, so the server can tell it from a newer tap.
    expect(JSON.parse(bodies[0] as string)).toEqual({ items: [{ memberId: 'm1', present: true, markedAt }] });
    expect(fetch.mock.calls.every(([, init]) => (init as RequestInit).method === 'PUT')).toBe(true);
  });

  it('does not retry what the server refused, and gives up after five retries', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(403, { title: 'Forbidden', status: 403 })));
    await expect(putAttendance('s1', '2026-03-02', [], async () => {})).rejects.toMatchObject({ status: 403 });
    const down = vi.fn().mockRejectedValue(new TypeError('network down'));
    vi.stubGlobal('fetch', down);
    await expect(putAttendance('s1', '2026-03-02', [], async () => {})).rejects.toMatchObject({ status: 0 });
    expect(down).toHaveBeenCalledTimes(6);
  });
});

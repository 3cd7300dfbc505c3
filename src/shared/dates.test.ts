import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateIn } from './dates.js';

describe('dateIn', () => {
  it('gives the date Intl gives at every instant, also asked again within a minute and across midnights', () => {
    const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Kathmandu', 'Asia/Tokyo', 'Pacific/Chatham', 'UTC'];
    // Any minute, or the minute before a midnight that is not on the hour (Kathmandu's, at 18:15 UTC).
    const instant = fc.oneof(
      fc
        .tuple(fc.integer({ min: 20_000_000, max: 30_000_000 }), fc.constantFrom(0, 1, 59_999, 30_000))
        .map(([minute, ms]) => new Date(minute * 60_000 + ms)),
      fc.integer({ min: 15_000, max: 21_000 }).map((day) => new Date((day * 1440 + 18 * 60 + 14) * 60_000 + 1)),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.constantFrom(...zones)), { minLength: 1, maxLength: 20 }), (asks) => {
        for (const [now, timeZone] of asks) {
          const intl = new Intl.DateTimeFormat('en-CA', {
            timeZone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          });
          expect(dateIn(now, timeZone)).toBe(intl.format(now));
          // The same minute's last millisecond, just before the next minute's first.
          const end = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 59_999);
          expect(dateIn(end, timeZone)).toBe(intl.format(end));
          expect(dateIn(new Date(end.getTime() + 1), timeZone)).toBe(intl.format(new Date(end.getTime() + 1)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

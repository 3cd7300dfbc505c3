import { describe, expect, it } from 'vitest';
import { basisPoints, completion, scoreTest, sessionDays } from './completion.js';

const rule = { minAttendancePercent: 80, minPostTestPercent: 60 };
const progress = (daysPresent: number, totalDays: number, post: number | null, hasPostTest = true) => ({
  daysPresent,
  totalDays,
  postTestBasisPoints: post,
  hasPostTest,
});

describe('the completion rule', () => {
  it('passes exactly 80 % attendance and exactly 60 % on the post-test', () => {
    expect(completion(progress(4, 5, 6000), rule)).toMatchObject({
      attendancePercent: 80,
      postTestPercent: 60,
      complete: true,
    });
  });

  it('refuses 79.x % attendance however close it is', () => {
    // 19 of 24 days is 79.17 %; 399 of 500 is 79.8 %.
    expect(completion(progress(19, 24, 10000), rule)).toMatchObject({ attendanceOk: false, complete: false });
    expect(completion(progress(399, 500, 10000), rule).complete).toBe(false);
    expect(completion(progress(400, 500, 10000), rule).complete).toBe(true);
  });

  it('refuses a post-test just under the threshold, or one never taken', () => {
    expect(completion(progress(5, 5, 5999), rule)).toMatchObject({ postTestOk: false, complete: false });
    expect(completion(progress(5, 5, null), rule)).toMatchObject({ postTestPercent: null, complete: false });
  });

  it('counts attendance alone when the course has no post-test', () => {
    expect(completion(progress(4, 5, null, false), rule).complete).toBe(true);
  });

  it('follows a course’s own rule', () => {
    const strict = { minAttendancePercent: 100, minPostTestPercent: 75 };
    expect(completion(progress(4, 5, 10000), strict).complete).toBe(false);
    expect(completion(progress(5, 5, 7500), strict).complete).toBe(true);
  });
});

describe('tests and days', () => {
  it('scores answers by the right choice and rounds percentages down', () => {
    const q = (answer: number) => ({ text: { id: 'S' }, choices: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], answer });
    expect(scoreTest({ questions: [q(0), q(1), q(2)] }, [0, 1, null])).toEqual({ correct: 2, total: 3 });
    expect(basisPoints(2, 3)).toBe(6666);
  });

  it('lists every day of a session, across a month end', () => {
    expect(sessionDays('2026-01-30', '2026-02-02')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
  });
});

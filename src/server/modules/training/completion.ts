import { addDays } from '../../../shared/dates.js';
import { daysBetween, type CompletionRule, type CourseTest } from './training.schemas.js';

/** The days a session runs, first to last, each counted once. */
export function sessionDays(startsOn: string, endsOn: string): string[] {
  return Array.from({ length: daysBetween(startsOn, endsOn) + 1 }, (_, i) => addDays(startsOn, i));
}

export interface Progress {
  daysPresent: number;
  totalDays: number;
  /** Best post-test score in hundredths of a percent (6000 = 60 %); null when never taken. */
  postTestBasisPoints: number | null;
  /** Whether the course has a post-test at all; without one only attendance counts. */
  hasPostTest: boolean;
}

/**
 * A participant completes a course when attendance and the post-test reach the course's rule
 * (DESIGN §3.5: e.g. ≥ 80 % attendance and post-test ≥ 60 %). Compared in integers, so exactly
 * 80 % passes and 79.9 % does not, whatever floating point would round to.
 */
export function completion(progress: Progress, rule: CompletionRule) {
  const attendanceOk = progress.daysPresent * 100 >= rule.minAttendancePercent * progress.totalDays;
  const postTestOk =
    !progress.hasPostTest ||
    (progress.postTestBasisPoints !== null && progress.postTestBasisPoints >= rule.minPostTestPercent * 100);
  return {
    attendancePercent: Math.floor((progress.daysPresent * 1000) / progress.totalDays) / 10,
    postTestPercent: progress.postTestBasisPoints === null ? null : progress.postTestBasisPoints / 100,
    attendanceOk,
    postTestOk,
    complete: attendanceOk && postTestOk,
  };
}

/** Scores answers against the course's test: how many are right, out of how many questions. */
export function scoreTest(test: CourseTest, answers: (number | null)[]): { correct: number; total: number } {
  const correct = test.questions.filter((q, i) => answers[i] === q.answer).length;
  return { correct, total: test.questions.length };
}

/** Hundredths of a percent, rounded down: 2 of 3 is 6666 (66.66 %), never rounded up to a pass. */
export const basisPoints = (correct: number, total: number) => Math.floor((correct * 10000) / total);

import type { EnrolmentAnswer } from '../../../shared/schemas/training.js';
import { completion, sessionDays } from './completion.js';
import type { CourseRow } from './courses.repository.js';
import type { EnrolmentRow } from './enrolments.repository.js';
import type { SessionRow } from './sessions.repository.js';

/** An enrolment as the record shows it, whoever looks (the audit log, completion). */
export function progressOf(
  row: EnrolmentRow,
  session: SessionRow,
  course: CourseRow,
): Omit<EnrolmentAnswer, 'abilities'> {
  const progress = completion(
    {
      daysPresent: row.days_present,
      totalDays: sessionDays(session.starts_on, session.ends_on).length,
      postTestBasisPoints: row.best_post,
      hasPostTest: course.post_test !== null,
    },
    { minAttendancePercent: course.min_attendance_percent, minPostTestPercent: course.min_post_test_percent },
  );
  return {
    id: row.id,
    sessionId: row.session_id,
    member: { id: row.member_id, name: row.member_name },
    group: { id: row.group_id, name: row.group_name },
    status: row.status,
    daysPresent: row.days_present,
    attendancePercent: progress.attendancePercent,
    preTestPercent: row.best_pre === null ? null : row.best_pre / 100,
    postTestPercent: progress.postTestPercent,
    complete: row.status === 'enrolled' && progress.complete,
    certificateId: row.certificate_id,
    createdAt: row.created_at.toISOString(),
  };
}

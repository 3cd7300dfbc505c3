import type { Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { textsMissingLocales } from '../../../shared/localized.js';
import { COURSE_DOCUMENT_FORMAT, type CourseDocument } from '../../../shared/schemas/training.js';
import { programById } from '../programs/index.js';
import { createCourse, readCourse } from './courses.service.js';

/**
 * A course as a file (decision 027): what its writer wrote — titles, topic, hours, links, its tests
 * with their answers, the completion rule — under a format name and version, so another program of
 * this installation or of another one can take it in. Uploaded files stay behind (they are counted).
 * Exporting is for those who may edit the course (they see the answers); importing, for those who
 * may write the target program's courses.
 */
export async function exportCourse(ctx: Ctx, id: string): Promise<CourseDocument> {
  const row = await readCourse(ctx, id, 'update');
  const program = await programById(ctx.db, row.program_id);
  return {
    format: COURSE_DOCUMENT_FORMAT,
    formatVersion: 1,
    source: { programCode: program?.code ?? null, exportedAt: ctx.clock.now().toISOString() },
    course: {
      title: row.title,
      ...(Object.keys(row.description).length ? { description: row.description } : {}),
      topic: row.topic,
      durationHours: row.duration_hours,
      links: row.links,
      preTest: row.pre_test,
      postTest: row.post_test,
      completionRule: {
        minAttendancePercent: row.min_attendance_percent,
        minPostTestPercent: row.min_post_test_percent,
      },
    },
    filesLeftBehind: row.files.length,
  };
}

/** Takes a course file into a program as a new course (one transaction: a refused file leaves nothing). */
export async function importCourse(ctx: Ctx, programId: string, document: CourseDocument) {
  const { record } = await createCourse(ctx, { programId, ...document.course });
  const program = await programById(ctx.db, programId);
  if (!program) throw notFound('Program');
  return {
    course: record,
    missingLocales: textsMissingLocales(document.course, program.locales),
    filesLeftBehind: document.filesLeftBehind,
  };
}

import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import type { Actor, Ctx } from '../../http/context.js';
import { conflict, invalid, notFound, Problem } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion, replayOrConflict } from '../../http/versioning.js';
import type { FileStorage } from '../../storage/file-storage.js';
import { holdsAnyRole, recordAudit } from '../platform/index.js';
import { coursesRepository, type CourseRow, type CourseValues } from './courses.repository.js';
import { assertMayReadProgram, assertMayTeach, mayTeach } from './training.policy.js';
import type { CourseTest, CreateCourseBody, ListCoursesQuery, PatchCourseBody } from './training.schemas.js';

/** Questions without their answers: what a participant (or anyone who does not teach) sees. */
export const withoutAnswers = (test: CourseTest | null) =>
  test && { questions: test.questions.map(({ text, choices }) => ({ text, choices })) };

/** The answers to the tests only for those who write courses; the rest see the questions alone. */
export function presentCourse(row: CourseRow, withAnswers: boolean) {
  return {
    id: row.id,
    programId: row.program_id,
    title: row.title,
    description: row.description,
    topic: row.topic,
    durationHours: row.duration_hours,
    links: row.links,
    files: row.files,
    preTest: withAnswers ? row.pre_test : withoutAnswers(row.pre_test),
    postTest: withAnswers ? row.post_test : withoutAnswers(row.post_test),
    completionRule: {
      minAttendancePercent: row.min_attendance_percent,
      minPostTestPercent: row.min_post_test_percent,
    },
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
type PresentedCourse = ReturnType<typeof presentCourse>;

const present = (actor: Actor, row: CourseRow) => presentCourse(row, mayTeach(actor, row.program_id));

export async function readCourse(ctx: Pick<Ctx, 'actor'> & { db: Queryable }, id: string): Promise<CourseRow> {
  const row = await coursesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Course');
  assertMayReadProgram(ctx.actor, row.program_id, 'Course');
  return row;
}

export async function getCourse(ctx: Ctx, id: string): Promise<PresentedCourse> {
  return present(ctx.actor, await readCourse(ctx, id));
}

export async function listCourses(ctx: Ctx, query: ListCoursesQuery) {
  assertMayReadProgram(ctx.actor, query.programId, 'Program');
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await coursesRepository.list(ctx.db, { ...query, after });
  return toPage(
    rows,
    query.limit,
    (r) => present(ctx.actor, r),
    (r) => [r.id],
  );
}

function toValues(input: Omit<CreateCourseBody, 'id' | 'programId'>): CourseValues {
  return {
    title: input.title,
    description: input.description ?? {},
    topic: input.topic,
    duration_hours: input.durationHours,
    links: input.links,
    pre_test: input.preTest ?? null,
    post_test: input.postTest ?? null,
    min_attendance_percent: input.completionRule.minAttendancePercent,
    min_post_test_percent: input.completionRule.minPostTestPercent,
  };
}

const valuesOf = (row: CourseRow): CourseValues => ({
  title: row.title,
  description: row.description,
  topic: row.topic,
  duration_hours: row.duration_hours,
  links: row.links,
  pre_test: row.pre_test,
  post_test: row.post_test,
  min_attendance_percent: row.min_attendance_percent,
  min_post_test_percent: row.min_post_test_percent,
});

export async function createCourse(
  ctx: Ctx,
  input: CreateCourseBody,
): Promise<{ course: PresentedCourse; created: boolean }> {
  assertMayTeach(ctx.actor, input.programId, 'Program');
  const { id: givenId, programId, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    if (givenId) {
      const existing = await coursesRepository.byId(tx, givenId);
      if (existing) {
        // Another program's course (or one the caller may not read) is not shown, not even its title.
        if (existing.program_id !== programId || !holdsAnyRole(ctx.actor, existing.program_id))
          throw conflict('This id is already in use.');
        const course = replayOrConflict(valuesOf(existing), toValues(fields), () => present(ctx.actor, existing));
        return { course, created: false };
      }
    }
    const id = givenId ?? uuidv7();
    await coursesRepository.insert(tx, id, programId, toValues(fields));
    const course = presentCourse((await coursesRepository.byId(tx, id))!, true);
    await recordAudit(tx, ctx, { action: 'course.create', entity: 'course', entityId: id, after: course });
    return { course, created: true };
  });
}

export async function patchCourse(ctx: Ctx, id: string, base: number, input: PatchCourseBody) {
  return ctx.db.transaction(async (tx) => {
    const current = await readCourse({ actor: ctx.actor, db: tx }, id);
    assertMayTeach(ctx.actor, current.program_id, 'Course');
    const before = presentCourse(current, true);
    assertVersion(current, base, () => before);
    const { version: _version, completionRule, ...changes } = input;
    const values = valuesOf(current);
    // The version is checked again by the UPDATE itself: a concurrent edit between the read and the
    // write (PostgreSQL, read committed) makes it match no row, and the caller gets the conflict.
    const updated = await coursesRepository.update(tx, id, base, {
      title: changes.title ?? values.title,
      description: changes.description ?? values.description,
      topic: changes.topic ?? values.topic,
      duration_hours: changes.durationHours ?? values.duration_hours,
      links: changes.links ?? values.links,
      pre_test: changes.preTest !== undefined ? changes.preTest : values.pre_test,
      post_test: changes.postTest !== undefined ? changes.postTest : values.post_test,
      min_attendance_percent: completionRule?.minAttendancePercent ?? values.min_attendance_percent,
      min_post_test_percent: completionRule?.minPostTestPercent ?? values.min_post_test_percent,
    });
    if (!updated) {
      const now = (await coursesRepository.byId(tx, id))!;
      throw conflict(`The record changed since version ${base}; it is now version ${now.version}.`, {
        current: presentCourse(now, true),
      });
    }
    const after = presentCourse((await coursesRepository.byId(tx, id))!, true);
    await recordAudit(tx, ctx, { action: 'course.update', entity: 'course', entityId: id, before, after });
    return after;
  });
}

/** Course materials: PDF, JPEG or PNG handouts up to 8 MB, judged by their first bytes. */
export const MATERIAL_MAX_BYTES = 8 * 1024 * 1024;
const SIGNATURES = [
  { type: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export async function addMaterial(ctx: Ctx, files: FileStorage, id: string, upload: { data: Buffer; title: string }) {
  const current = await readCourse(ctx, id);
  assertMayTeach(ctx.actor, current.program_id, 'Course');
  if (upload.data.length > MATERIAL_MAX_BYTES)
    throw new Problem(413, 'too-large', 'Payload too large', 'A file may be at most 8 MB.');
  const kind = SIGNATURES.find((s) => s.magic.every((byte, i) => upload.data[i] === byte));
  if (!kind) throw invalid([{ path: 'file', message: 'must be a PDF, JPEG or PNG file' }]);
  const fileId = uuidv7();
  const key = `courses/${id}/${fileId}.${kind.ext}`;
  // File first: a crash leaves at worst an unreferenced file, never a course pointing at nothing.
  await files.put(key, upload.data);
  return ctx.db.transaction(async (tx) => {
    const file = {
      id: fileId,
      title: upload.title,
      url: `/media/${key}`,
      contentType: kind.type,
      byteSize: upload.data.length,
    };
    await coursesRepository.addFile(tx, id, file);
    const after = presentCourse((await coursesRepository.byId(tx, id))!, true);
    await recordAudit(tx, ctx, { action: 'course.material', entity: 'course', entityId: id, after: file });
    return after;
  });
}

import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { inTransaction, type Actor, type Ctx, type UserActor } from '../../http/context.js';
import { conflict, invalid, notFound, tooLarge } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion } from '../../http/versioning.js';
import { mediaUrl, recordIdOf, type LinkSigner } from '../../storage/media-links.js';
import { recordAudit } from '../platform/index.js';
import type { CourseAnswer } from '../../../shared/schemas/training.js';
import { coursesRepository, type CourseRow, type CourseValues } from './courses.repository.js';
import {
  authorizeOffer,
  coursePolicy,
  mayInOffer,
  offerAbilities,
  trainingProgramPolicy,
  withoutAbilities,
} from './training.policy.js';
import type { CourseTest, CreateCourseBody, ListCoursesQuery, PatchCourseBody } from './training.schemas.js';

/** Questions without their answers: what a participant (or anyone who does not teach) sees. */
export const withoutAnswers = (test: CourseTest | null) =>
  test && { questions: test.questions.map(({ text, choices }) => ({ text, choices })) };

/**
 * The answers to the tests only for those who may edit the course; the rest see the questions
 * alone. Materials come as links that open them for the caller for a few minutes.
 */
export function presentCourse(signer: LinkSigner, row: CourseRow): CourseAnswer {
  const abilities = offerAbilities(signer.actor, coursePolicy, { programId: row.program_id });
  const withAnswers = abilities.update;
  return {
    id: row.id,
    programId: row.program_id,
    title: row.title,
    description: row.description,
    topic: row.topic,
    durationHours: row.duration_hours,
    links: row.links,
    files: row.files.map(({ key, ...file }) => ({ ...file, url: mediaUrl(signer, key) })),
    preTest: withAnswers ? row.pre_test : withoutAnswers(row.pre_test),
    postTest: withAnswers ? row.post_test : withoutAnswers(row.post_test),
    completionRule: {
      minAttendancePercent: row.min_attendance_percent,
      minPostTestPercent: row.min_post_test_percent,
    },
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    abilities,
  };
}

/** A course as the audit log keeps it: no abilities, and its materials by where they are stored, never by link. */
const courseFacts = (row: CourseRow, course: CourseAnswer) => ({ ...withoutAbilities(course), files: row.files });

/** A course the actor may do `action` with (404 when they may not read it, 403 when only read). */
export async function readCourse(
  ctx: { actor: Actor; db: Queryable },
  id: string,
  action: 'read' | 'update' = 'read',
): Promise<CourseRow> {
  const row = await coursesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Course');
  authorizeOffer(ctx.actor, coursePolicy, action, { programId: row.program_id });
  return row;
}

export async function getCourse(ctx: Ctx, id: string): Promise<CourseAnswer> {
  return presentCourse(ctx, await readCourse(ctx, id));
}

/** The program's courses, with what the caller may do in the program's training (write courses, plan sessions). */
export async function listCourses(ctx: Ctx, query: ListCoursesQuery) {
  authorizeOffer(ctx.actor, trainingProgramPolicy, 'read', { programId: query.programId });
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await coursesRepository.list(ctx.db, { ...query, after });
  const page = toPage(
    rows,
    query.limit,
    (r) => presentCourse(ctx, r),
    (r) => [r.id],
  );
  return { ...page, abilities: offerAbilities(ctx.actor, trainingProgramPolicy, { programId: query.programId }) };
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

/** Creates a course; a create repeated with the same id and content answers the course as stored. */
export async function createCourse(ctx: Ctx, input: CreateCourseBody): Promise<Created<CourseAnswer>> {
  authorizeOffer(ctx.actor, trainingProgramPolicy, 'createCourse', { programId: input.programId });
  const { id, programId, ...fields } = input;
  return inTransaction(ctx, (tx) =>
    createOnce(tx.db, {
      id,
      find: (id) => coursesRepository.byId(tx.db, id),
      visible: (row) => offerAbilities(tx.actor, coursePolicy, { programId: row.program_id }).read,
      stored: (row) => ({ programId: row.program_id, ...valuesOf(row) }),
      input: { programId, ...toValues(fields) },
      present: (row) => presentCourse(tx, row),
      create: async (id) => {
        const row = await coursesRepository.insert(tx.db, id, programId, toValues(fields));
        const course = presentCourse(tx, row);
        await recordAudit(tx.db, tx, {
          action: 'course.create',
          entity: 'course',
          entityId: id,
          after: courseFacts(row, course),
        });
        return course;
      },
    }),
  );
}

export async function patchCourse(ctx: Ctx, id: string, base: number, input: PatchCourseBody) {
  return inTransaction(ctx, async (tx) => {
    const current = await readCourse(tx, id, 'update');
    const before = presentCourse(tx, current);
    assertVersion(current, base, () => before);
    const { version: _version, completionRule, ...changes } = input;
    const values = valuesOf(current);
    // The version is checked again by the UPDATE itself: a concurrent edit between the read and the
    // write (PostgreSQL, read committed) makes it match no row, and the caller gets the conflict.
    const updated = await coursesRepository.update(tx.db, id, base, {
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
      const now = await coursesRepository.byId(tx.db, id);
      if (!now) throw notFound('Course');
      throw conflict(
        `The record changed since version ${base}; it is now version ${now.version}.`,
        {
          current: presentCourse(tx, now),
        },
        { code: 'version-conflict', params: { base, version: now.version } },
      );
    }
    const after = presentCourse(tx, updated);
    await recordAudit(tx.db, tx, {
      action: 'course.update',
      entity: 'course',
      entityId: id,
      before: courseFacts(current, before),
      after: courseFacts(updated, after),
    });
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

export async function addMaterial(ctx: Ctx, id: string, upload: { data: Buffer; title: string }) {
  await readCourse(ctx, id, 'update');
  if (upload.data.length > MATERIAL_MAX_BYTES)
    throw tooLarge('A file may be at most 8 MB.', {
      code: 'too-large',
      params: { maxMegabytes: MATERIAL_MAX_BYTES / 1024 / 1024 },
    });
  const kind = SIGNATURES.find((s) => s.magic.every((byte, i) => upload.data[i] === byte));
  if (!kind) throw invalid([{ path: 'file', code: 'file_type_document', message: 'must be a PDF, JPEG or PNG file' }]);
  const fileId = uuidv7();
  const key = `courses/${id}/${fileId}.${kind.ext}`;
  // File first: a crash leaves at worst an unreferenced file, never a course pointing at nothing.
  await ctx.files.put(key, upload.data);
  return inTransaction(ctx, async (tx) => {
    const file = { id: fileId, title: upload.title, key, contentType: kind.type, byteSize: upload.data.length };
    const row = await coursesRepository.addFile(tx.db, id, file);
    if (!row) throw notFound('Course');
    await recordAudit(tx.db, tx, { action: 'course.material', entity: 'course', entityId: id, after: file });
    return presentCourse(tx, row);
  });
}

/** Whether the reader may open a course material: it is on the course, and they may read the course. */
export async function mayReadCourseMaterial(
  reader: { db: Queryable; actor: UserActor },
  key: string,
): Promise<boolean> {
  const id = recordIdOf(key, 'courses');
  const row = id === undefined ? undefined : await coursesRepository.byId(reader.db, id);
  return (
    !!row &&
    row.files.some((f) => f.key === key) &&
    mayInOffer(reader.actor, coursePolicy, 'read', { programId: row.program_id })
  );
}

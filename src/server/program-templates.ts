import type { z } from 'zod';
import type { Ctx } from './http/context.js';
import { invalid, notFound } from './http/errors.js';
import { exportStoryTemplate, importStoryTemplate } from './modules/community/index.js';
import { exportScheme, importScheme } from './modules/quality/index.js';
import { exportCourse, importCourse } from './modules/training/index.js';
import { programByCode } from './modules/programs/index.js';
import { courseDocument, COURSE_DOCUMENT_FORMAT, type CourseDocument } from '../shared/schemas/training.js';
import { schemeDocument, SCHEME_DOCUMENT_FORMAT, type SchemeDocument } from '../shared/schemas/quality.js';
import {
  storyTemplateDocument,
  STORY_TEMPLATE_DOCUMENT_FORMAT,
  type StoryTemplateDocument,
} from '../shared/schemas/community-stories.js';

/**
 * A program's templates as files from the command line (`ovop programs export-template` and
 * `import-template`): the same documents and the same checks as the HTTP export and import of
 * courses, rating schemes and story templates (decision 027), run as the system.
 */
export const TEMPLATE_KINDS = ['course', 'scheme', 'story'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

async function programOf(ctx: Ctx, code: string) {
  const program = await programByCode(ctx.db, code);
  if (!program) throw notFound('Program');
  return program;
}

/** The file of a program's course or rating scheme; one of another program is refused as not found. */
export async function exportTemplate(
  ctx: Ctx,
  programCode: string,
  kind: 'course',
  id: string,
): Promise<CourseDocument>;
export async function exportTemplate(
  ctx: Ctx,
  programCode: string,
  kind: 'scheme',
  id: string,
): Promise<SchemeDocument>;
export async function exportTemplate(
  ctx: Ctx,
  programCode: string,
  kind: 'story',
  id: string,
): Promise<StoryTemplateDocument>;
export async function exportTemplate(
  ctx: Ctx,
  programCode: string,
  kind: TemplateKind,
  id: string,
): Promise<CourseDocument | SchemeDocument | StoryTemplateDocument>;
export async function exportTemplate(ctx: Ctx, programCode: string, kind: TemplateKind, id: string) {
  const program = await programOf(ctx, programCode);
  const document = await EXPORTS[kind](ctx, id);
  if (document.source?.programCode !== program.code) throw notFound(NAMES[kind]);
  return document;
}

const EXPORTS = { course: exportCourse, scheme: exportScheme, story: exportStoryTemplate };
const NAMES = { course: 'Course', scheme: 'Rating scheme', story: 'Story template' } as const;
const DOCUMENTS = {
  [COURSE_DOCUMENT_FORMAT]: 'course',
  [SCHEME_DOCUMENT_FORMAT]: 'scheme',
  [STORY_TEMPLATE_DOCUMENT_FORMAT]: 'story',
} as const;

/**
 * Takes a course, rating-scheme or story-template file into a program, its kind read from its `format`; a file of
 * another shape is refused naming the field, before anything is written.
 */
export async function importTemplate(ctx: Ctx, programCode: string, file: unknown) {
  const program = await programOf(ctx, programCode);
  const format = (file as { format?: unknown } | null)?.format;
  const kind =
    typeof format === 'string' && Object.hasOwn(DOCUMENTS, format)
      ? DOCUMENTS[format as keyof typeof DOCUMENTS]
      : undefined;
  if (!kind) {
    throw invalid([
      {
        path: 'format',
        code: 'invalid',
        message: `must be ${Object.keys(DOCUMENTS).join(' or ')}`,
      },
    ]);
  }
  if (kind === 'course') {
    const { course, missingLocales, filesLeftBehind } = await importCourse(
      ctx,
      program.id,
      checked(courseDocument, file),
    );
    return { kind, id: course.id, missingLocales, filesLeftBehind };
  }
  if (kind === 'story') {
    const { template, missingLocales } = await importStoryTemplate(
      ctx,
      program.id,
      checked(storyTemplateDocument, file),
    );
    return { kind, id: template.id, missingLocales, filesLeftBehind: 0 };
  }
  const { scheme, missingLocales } = await importScheme(ctx, program.id, checked(schemeDocument, file));
  return { kind, id: scheme.id, missingLocales, filesLeftBehind: 0 };
}

/** The file as the document it claims to be, or every field that is not, named by its path. */
function checked<T>(schema: z.ZodType<T>, file: unknown): T {
  const parsed = schema.safeParse(file);
  if (parsed.success) return parsed.data;
  throw invalid(
    parsed.error.issues.map((i) => ({
      path: i.path.join('.') || 'file',
      code: 'invalid' as const,
      message: i.message,
    })),
  );
}

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { buildStaff, signedIn, system } from '../../test/factories.js';
import { packagingCourse } from '../../test/training-fixtures.js';
import { Problem } from './http/errors.js';
import { createProgramFromPack, installPack } from './modules/countries/index.js';
import { exportTemplate, importTemplate } from './program-templates.js';

const t = useTestApp();

const count = async (table: 'courses' | 'rating_schemes', programId: string) =>
  (
    await t.database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE program_id = $1`, [
      programId,
    ])
  )[0]!.n;

/** An Indonesian program with the packaging course, and a Thai one started from its pack (with its rating scheme). */
async function world() {
  const db = t.database.db;
  const trainer = await buildStaff(db, 'trainer');
  const made = await t.request({
    method: 'POST',
    url: '/api/v1/courses',
    as: await signedIn(t.app, trainer.user),
    payload: packagingCourse(trainer.programId),
  });
  expect(made.statusCode, made.body).toBe(201);
  const [{ code: idCode }] = (await db.query<{ code: string }>('SELECT code FROM programs WHERE id = $1', [
    trainer.programId,
  ])) as [{ code: string }];
  await installPack(db, 'TH');
  const { program: th, scheme } = await createProgramFromPack(system(db), {
    country: 'TH',
    code: 'OTOP-TH-FILES',
    name: 'OTOP (files)',
    startedOn: '2026-01-01',
  });
  return {
    id: { id: trainer.programId, code: idCode, courseId: made.json<{ id: string }>().id },
    th,
    schemeId: scheme.id,
  };
}

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Problem);
  return error as Problem;
};

describe('program templates as files (ovop programs export-template / import-template)', () => {
  it('copy a course from an Indonesian program into a Thai one and the Thai rating scheme back', async () => {
    const w = await world();
    const ctx = system(t.database.db);
    const course = await exportTemplate(ctx, w.id.code, 'course', w.id.courseId);
    expect(course).toMatchObject({ format: 'ovop.course', source: { programCode: w.id.code } });
    // Through the file as the command writes and reads it.
    const intoThai = await importTemplate(ctx, w.th.code, JSON.parse(JSON.stringify(course)));
    expect(intoThai).toMatchObject({ kind: 'course' });
    expect(intoThai.missingLocales.some((m) => m.locales.includes('th'))).toBe(true);
    const copied = await exportTemplate(ctx, w.th.code, 'course', intoThai.id);
    expect(copied.course).toEqual(course.course);

    const scheme = await exportTemplate(ctx, w.th.code, 'scheme', w.schemeId);
    const before = await count('rating_schemes', w.id.id);
    const intoIndonesian = await importTemplate(ctx, w.id.code, JSON.parse(JSON.stringify(scheme)));
    expect(intoIndonesian.kind).toBe('scheme');
    expect(await count('rating_schemes', w.id.id)).toBe(before + 1);
    expect((await exportTemplate(ctx, w.id.code, 'scheme', intoIndonesian.id)).definition).toEqual(scheme.definition);

    // A story template, from a file into the Thai program and from there into the Indonesian one.
    const storyFile = {
      format: 'ovop.story-template',
      formatVersion: 1,
      definition: {
        title: { th: 'เรื่องของกลุ่ม', en: "The group's story" },
        sections: [{ heading: { th: 'ก่อนหน้านี้', en: 'Before' }, prompt: { en: 'What did the group sell before?' } }],
      },
    };
    const story = await importTemplate(ctx, w.th.code, storyFile);
    expect(story.kind).toBe('story');
    const storyOut = await exportTemplate(ctx, w.th.code, 'story', story.id);
    expect(storyOut).toMatchObject({ format: 'ovop.story-template', source: { programCode: w.th.code } });
    const storyIn = await importTemplate(ctx, w.id.code, JSON.parse(JSON.stringify(storyOut)));
    expect((await exportTemplate(ctx, w.id.code, 'story', storyIn.id)).definition).toEqual(storyFile.definition);
    expect(storyIn.missingLocales).toContainEqual({
      path: 'sections.0.prompt',
      locales: expect.arrayContaining(['id']),
    });

    // A record is exported only under its own program's code.
    expect((await refusal(exportTemplate(ctx, w.th.code, 'course', w.id.courseId))).status).toBe(404);
  });

  it('refuse a file of the wrong shape naming the field, and write nothing', async () => {
    const w = await world();
    const ctx = system(t.database.db);
    const before = await count('courses', w.th.id);
    const course = await exportTemplate(ctx, w.id.code, 'course', w.id.courseId);
    const unknown = await refusal(importTemplate(ctx, w.th.code, { ...course, format: 'ovop.story' }));
    expect(unknown.errors).toEqual([expect.objectContaining({ path: 'format' })]);
    const badTitle = await refusal(
      importTemplate(ctx, w.th.code, { ...course, course: { ...course.course, title: 'not localized' } }),
    );
    expect(badTitle.status).toBe(400);
    expect(badTitle.errors?.map((e) => e.path)).toContain('course.title');
    expect((await refusal(importTemplate(ctx, w.th.code, [course]))).errors?.[0]?.path).toBe('format');
    expect(await count('courses', w.th.id)).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildStaff, signedIn } from '../../../../test/factories.js';
import { packagingCourse } from '../../../../test/training-fixtures.js';

const t = useTestApp();

/** Two programs with a trainer each; the first has the packaging course (its post-test in id and en only). */
async function world() {
  const db = t.database.db;
  const a = await buildStaff(db, 'trainer');
  const b = await buildStaff(db, 'trainer');
  const trainerA = await signedIn(t.app, a.user);
  const trainerB = await signedIn(t.app, b.user);
  const made = await t.request({
    method: 'POST',
    url: '/api/v1/courses',
    as: trainerA,
    payload: packagingCourse(a.programId),
  });
  expect(made.statusCode, made.body).toBe(201);
  return { a: a.programId, b: b.programId, trainerA, trainerB, courseId: made.json<{ id: string }>().id };
}

const exported = async (id: string, as: Session) => {
  const r = await t.request({ url: `/api/v1/courses/${id}/export`, as });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

const coursesOf = async (programId: string) =>
  Number(
    (
      await t.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM courses WHERE program_id = $1', [
        programId,
      ])
    )[0]!.n,
  );

describe('a course copied between programs as a file', () => {
  it('comes back the same after export, import into another program and export again, under a new id', async () => {
    const w = await world();
    const file = await exported(w.courseId, w.trainerA);
    expect(file).toMatchObject({ format: 'ovop.course', formatVersion: 1, filesLeftBehind: 0 });
    const imported = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${w.b}/courses/import`,
      as: w.trainerB,
      payload: file,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const body = imported.json();
    expect(body.course).toMatchObject({ programId: w.b, version: 1 });
    expect(body.course.id).not.toBe(w.courseId);
    // The post-test's questions and choices lack Japanese, one of the program's languages.
    expect(body.missingLocales).toContainEqual({ path: 'postTest.questions.0.text', locales: ['ja'] });
    expect(body.missingLocales).toContainEqual({ path: 'description', locales: ['ja'] });
    const again = await exported(body.course.id, w.trainerB);
    const { source: _a, ...first } = file;
    const { source: _b, ...second } = again;
    expect(second).toEqual(first);
  });

  it('refuses a file of another format or with a broken test, naming the field, and writes nothing', async () => {
    const w = await world();
    const file = await exported(w.courseId, w.trainerA);
    const send = (payload: object) =>
      t.request({ method: 'POST', url: `/api/v1/programs/${w.b}/courses/import`, as: w.trainerB, payload });
    const other = await send({ ...file, format: 'ovop.rating-scheme' });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors).toEqual([expect.objectContaining({ path: 'format' })]);
    const broken = structuredClone(file);
    broken.course.postTest.questions[2].answer = 9;
    const refused = await send(broken);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ path: 'course.postTest.questions.2.answer', code: 'not_a_choice' }),
    ]);
    expect(await coursesOf(w.b)).toBe(0);
  });

  it('lets only who may write courses export or import, each in their own program', async () => {
    const w = await world();
    const { user } = await buildStaff(t.database.db, 'facilitator', { programId: w.a });
    const facilitator = await signedIn(t.app, user);
    expect((await t.request({ url: `/api/v1/courses/${w.courseId}/export`, as: facilitator })).statusCode).toBe(403);
    expect((await t.request({ url: `/api/v1/courses/${w.courseId}/export`, as: w.trainerB })).statusCode).toBe(404);
    const file = await exported(w.courseId, w.trainerA);
    const intoB = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${w.b}/courses/import`,
      as: w.trainerA,
      payload: file,
    });
    expect(intoB.statusCode).toBe(404);
    const byFacilitator = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${w.a}/courses/import`,
      as: facilitator,
      payload: file,
    });
    expect(byFacilitator.statusCode).toBe(403);
    expect(await coursesOf(w.b)).toBe(0);
    expect(await coursesOf(w.a)).toBe(1);
  });
});

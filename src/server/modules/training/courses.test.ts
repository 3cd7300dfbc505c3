import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildProgram, buildStaff, signedIn } from '../../../../test/factories.js';
import { KARANGASEM, paths } from '../../../../test/registry-fixtures.js';
import { coursesRepository } from './courses.repository.js';
import { packagingCourse, POST_TEST, trainingWorld } from '../../../../test/training-fixtures.js';

const t = useTestApp();

describe('courses', () => {
  it('are written by the program manager or a trainer, with the 80/60 completion rule by default', async () => {
    const w = await trainingWorld(t);
    const created = await w.request('POST', '/api/v1/courses', w.trainer, packagingCourse(w.program.id));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      topic: 'packaging',
      durationHours: 16,
      completionRule: { minAttendancePercent: 80, minPostTestPercent: 60 },
      postTest: { questions: expect.arrayContaining([expect.objectContaining({ answer: 0 })]) },
      preTest: null,
      version: 1,
    });
    const own = await w.request(
      'POST',
      '/api/v1/courses',
      w.admin,
      packagingCourse(w.program.id, { topic: 'ecotourism_guiding' }),
    );
    expect(own.statusCode).toBe(201);
    const facilitator = await w.staff('facilitator', { areaCode: KARANGASEM });
    expect((await w.request('POST', '/api/v1/courses', facilitator, packagingCourse(w.program.id))).statusCode).toBe(
      403,
    );
    const list = await w.request('GET', `/api/v1/courses?programId=${w.program.id}&topic=packaging`, facilitator);
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([created.json().id]);
  });

  it('never show the test answers to people who do not teach', async () => {
    const w = await trainingWorld(t);
    const course = await w.course();
    const manager = await w.staff('group_manager', { groupId: w.groups.bali.id });
    const seen = await w.request('GET', `/api/v1/courses/${course.id}`, manager);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().postTest.questions).toHaveLength(5);
    expect(JSON.stringify(seen.json())).not.toContain('"answer"');
    const listed = await w.request('GET', `/api/v1/courses?programId=${w.program.id}`, manager);
    expect(JSON.stringify(listed.json())).not.toContain('"answer"');
  });

  it('name every invalid field and write nothing', async () => {
    const w = await trainingWorld(t);
    const bad = await w.request('POST', '/api/v1/courses', w.admin, {
      programId: w.program.id,
      title: {},
      topic: 'Marketing!',
      durationHours: 0,
      links: [{ title: 'x', url: 'not a url' }],
      postTest: { questions: [{ ...POST_TEST.questions[0], answer: 5 }] },
      completionRule: { minAttendancePercent: 120, minPostTestPercent: 60 },
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual([
      'completionRule.minAttendancePercent',
      'durationHours',
      'links.0.url',
      'postTest.questions.0.answer',
      'title',
      'topic',
    ]);
    expect(await t.database.db.query('SELECT 1 FROM courses')).toHaveLength(0);
  });

  it('replay a create with the same id, refuse stale edits, and keep other programs out', async () => {
    const w = await trainingWorld(t);
    const payload = { ...packagingCourse(w.program.id), id: '01936a3e-7b7c-7cc0-8000-0000000c0001' };
    expect((await w.request('POST', '/api/v1/courses', w.admin, payload)).statusCode).toBe(201);
    expect((await w.request('POST', '/api/v1/courses', w.admin, payload)).statusCode).toBe(200);
    expect((await w.request('POST', '/api/v1/courses', w.admin, { ...payload, durationHours: 8 })).statusCode).toBe(
      409,
    );
    const url = `/api/v1/courses/${payload.id}`;
    const edit = await w.request('PATCH', url, w.trainer, {
      version: 1,
      completionRule: { minAttendancePercent: 90, minPostTestPercent: 70 },
    });
    expect(edit.json()).toMatchObject({
      version: 2,
      durationHours: 16,
      completionRule: { minAttendancePercent: 90, minPostTestPercent: 70 },
    });
    expect((await w.request('PATCH', url, w.trainer, { version: 1, durationHours: 4 })).statusCode).toBe(409);
    const other = await buildProgram(t.database.db);
    const outsider = await signedIn(t.app, (await buildStaff(t.database.db, 'trainer', { programId: other.id })).user);
    expect((await w.request('GET', url, outsider)).statusCode).toBe(404);
    expect((await w.request('PATCH', url, outsider, { version: 2, durationHours: 4 })).statusCode).toBe(404);
    expect((await w.request('POST', '/api/v1/courses', outsider, packagingCourse(w.program.id))).statusCode).toBe(404);
  });

  it('answer a create reusing another program’s course id with a bare conflict, showing nothing of it', async () => {
    const w = await trainingWorld(t);
    const id = '01936a3e-7b7c-7cc0-8000-0000000c0002';
    expect(
      (await w.request('POST', '/api/v1/courses', w.admin, { ...packagingCourse(w.program.id), id })).statusCode,
    ).toBe(201);
    const other = await buildProgram(t.database.db);
    const outsider = await signedIn(t.app, (await buildStaff(t.database.db, 'trainer', { programId: other.id })).user);
    for (const payload of [
      { ...packagingCourse(other.id), id },
      { ...packagingCourse(other.id, { title: { en: 'Mine' } }), id },
    ]) {
      const taken = await w.request('POST', '/api/v1/courses', outsider, payload);
      expect(taken.statusCode).toBe(409);
      expect(taken.json().detail).toBe('This id is already in use; create the record with another id.');
      expect(taken.json()).not.toHaveProperty('current');
      expect(taken.body).not.toContain('answer');
      expect(taken.body).not.toContain('Pengemasan');
    }
  });

  it('apply an edit only to the version it was based on, even when two race', async () => {
    const w = await trainingWorld(t);
    const course = await w.course();
    const url = `/api/v1/courses/${course.id}`;
    const edits = await Promise.all(
      [4, 8, 12, 24].map((durationHours) => w.request('PATCH', url, w.trainer, { version: 1, durationHours })),
    );
    const statuses = edits.map((e) => e.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    for (const refused of edits.filter((e) => e.statusCode === 409))
      expect(refused.json().current).toMatchObject({ id: course.id, version: 2 });
    const winner = edits.find((e) => e.statusCode === 200)!.json();
    expect((await w.request('GET', url, w.trainer)).json()).toMatchObject({
      version: 2,
      durationHours: winner.durationHours,
    });
    // The write itself refuses a stale base, whatever was read before it.
    const row = (await coursesRepository.byId(t.database.db, course.id))!;
    const { id: _id, program_id: _p, files: _f, version: _v, created_at: _c, updated_at: _u, ...values } = row;
    expect(
      await coursesRepository.update(t.database.db, course.id, 1, { ...values, duration_hours: 99 }),
    ).toBeUndefined();
    expect((await coursesRepository.byId(t.database.db, course.id))!).toMatchObject({ version: 2 });
    expect(
      await coursesRepository.update(t.database.db, course.id, 2, { ...values, duration_hours: 99 }),
    ).toMatchObject({
      version: 3,
      duration_hours: 99,
    });
  });

  it('take handouts as uploaded files, PDF or images only', async () => {
    const w = await trainingWorld(t);
    const course = await w.course();
    const upload = (data: Buffer) =>
      t.request({
        method: 'POST',
        url: `/api/v1/courses/${course.id}/materials?title=Modul%201`,
        as: w.trainer,
        payload: handout(data),
      });
    const pdf = await upload(Buffer.from('%PDF-1.4\n%fake handout\n'));
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json().files).toEqual([
      expect.objectContaining({
        title: 'Modul 1',
        contentType: 'application/pdf',
        url: expect.stringMatching(/^\/media\//),
      }),
    ]);
    const file = await t.request({ method: 'GET', url: pdf.json().files[0].url });
    expect(file.body).toContain('fake handout');
    const text = await upload(Buffer.from('just text'));
    expect(paths(text)).toEqual(['file']);
  });
});

/** The form a browser sends for a handout chosen as modul.pdf. */
function handout(data: Buffer): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), 'modul.pdf');
  return form;
}

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildProgram, buildStaff, signedIn } from '../../../../test/factories.js';
import { KARANGASEM, paths } from '../../../../test/registry-fixtures.js';
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

  it('take handouts as uploaded files, PDF or images only', async () => {
    const w = await trainingWorld(t);
    const course = await w.course();
    const upload = (data: Buffer) =>
      t.request({
        method: 'POST',
        url: `/api/v1/courses/${course.id}/materials?title=Modul%201`,
        as: w.trainer,
        payload: multipart(data),
        headers: { ...w.trainer.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
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

const BOUNDARY = 'ovop-boundary';
function multipart(data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="modul.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

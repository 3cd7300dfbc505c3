import type { Role } from '../src/server/http/context.js';
import type { Session, TestApp } from './app.js';
import { buildStaff, signedIn } from './factories.js';
import { registryWorld } from './registry-fixtures.js';

/** A post-test of five questions; `right(n)` answers the first n correctly and the rest wrongly. */
export const POST_TEST = {
  questions: [1, 2, 3, 4, 5].map((n) => ({
    text: { id: `Pertanyaan ${n}`, en: `Question ${n}` },
    choices: [{ id: 'Benar' }, { id: 'Salah' }, { id: 'Tidak tahu' }],
    answer: 0,
  })),
};
export const right = (n: number) => [0, 0, 0, 0, 0].map((_, i) => (i < n ? 0 : 1));

export const packagingCourse = (programId: string, overrides: Record<string, unknown> = {}) => ({
  programId,
  title: { id: 'Pengemasan produk pangan', en: 'Food product packaging', ja: '食品の包装' },
  description: { id: 'Kemasan yang aman dan menarik.', en: 'Safe, attractive packaging.' },
  topic: 'packaging',
  durationHours: 16,
  links: [{ title: 'Panduan label BPOM', url: 'https://example.org/label.pdf' }],
  postTest: POST_TEST,
  ...overrides,
});

/**
 * The registry world (a group in Karangasem, another in Lombok Barat) with a trainer, members in
 * both groups, and ways to create a course and a session and to enrol and mark attendance.
 */
export async function trainingWorld(t: TestApp) {
  const w = await registryWorld(t);
  const db = t.database.db;
  async function staff(role: Role, scope: { areaCode?: string; groupId?: string } = {}) {
    const { user } = await buildStaff(db, role, { programId: w.program.id, ...scope });
    return { ...(await signedIn(t.app, user)), userId: user.id, name: user.name };
  }
  const trainer = await staff('trainer');
  let n = 0;
  const member = async (groupId: string, sex: 'female' | 'male' = 'female') =>
    (await w.post(`/api/v1/groups/${groupId}/members`, {
      name: `Peserta ${++n}`,
      sex,
      birthYear: 1985,
      joinedOn: '2024-01-01',
    })) as { id: string; name: string };
  const course = (overrides: Record<string, unknown> = {}) =>
    w.post('/api/v1/courses', packagingCourse(w.program.id, overrides));
  const session = async (overrides: Record<string, unknown> = {}) => {
    const c = overrides.courseId ? null : await course();
    return w.post('/api/v1/sessions', {
      courseId: c?.id,
      areaCode: '51.07.06.2004',
      address: 'Balai Desa Sibetan',
      startsOn: '2026-03-02',
      endsOn: '2026-03-06',
      trainerId: trainer.userId,
      capacity: 30,
      ...overrides,
    });
  };
  const request = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, as: Session, payload?: object) =>
    t.request({ method, url, as, ...(payload ? { payload } : {}) });
  const enrol = (sessionId: string, memberId: string, as: Session = w.admin) =>
    request('POST', `/api/v1/sessions/${sessionId}/enrolments`, as, { memberId });
  const mark = (
    sessionId: string,
    date: string,
    items: { memberId: string; present: boolean; markedAt?: string }[],
    as: Session = trainer,
  ) => request('PUT', `/api/v1/sessions/${sessionId}/attendance/${date}`, as, { items });
  const postTest = (sessionId: string, enrolmentId: string, answers: number[], as: Session = trainer) =>
    request('POST', `/api/v1/sessions/${sessionId}/enrolments/${enrolmentId}/tests/post`, as, { answers });
  return { ...w, staff, trainer, member, course, session, request, enrol, mark, postTest };
}

export type TrainingWorld = Awaited<ReturnType<typeof trainingWorld>>;

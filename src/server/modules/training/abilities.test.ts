import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildStaff, signedIn } from '../../../../test/factories.js';
import { KARANGASEM, LOMBOK_BARAT } from '../../../../test/registry-fixtures.js';
import { trainingWorld } from '../../../../test/training-fixtures.js';

const t = useTestApp();

describe('training abilities', () => {
  it('tell each role what it may do with a course, a session and the program’s training, and keep other programs out', async () => {
    const w = await trainingWorld(t);
    const session = await w.session();
    const manager = await w.staff('program_manager');
    const otherTrainer = await w.staff('trainer');
    const lombok = await w.staff('facilitator', { areaCode: LOMBOK_BARAT });
    const member = await w.staff('group_member', { groupId: w.groups.bali.id });
    const outsider = await signedIn(t.app, (await buildStaff(t.database.db, 'program_manager')).user);
    const sessionOf = async (as: Session) => {
      const r = await w.request('GET', `/api/v1/sessions/${session.id}`, as);
      return r.statusCode === 200 ? r.json().abilities : r.statusCode;
    };
    expect(await sessionOf(manager)).toEqual({ read: true, run: true, markAttendance: true, enrol: true });
    expect(await sessionOf(w.trainer)).toEqual({ read: true, run: true, markAttendance: true, enrol: true });
    expect(await sessionOf(otherTrainer)).toEqual({ read: true, run: false, markAttendance: false, enrol: false });
    // A facilitator of another regency sees the whole calendar and enrols their own people anywhere.
    expect(await sessionOf(lombok)).toEqual({ read: true, run: false, markAttendance: false, enrol: true });
    expect(await sessionOf(member)).toEqual({ read: true, run: false, markAttendance: false, enrol: false });
    expect(await sessionOf(outsider)).toBe(404);
    expect((await w.request('GET', `/api/v1/sessions/${session.id}`, w.trainer)).json().mayRun).toBe(true);

    const courseOf = async (as: Session) => {
      const r = await w.request('GET', `/api/v1/courses/${session.courseId}`, as);
      return r.statusCode === 200 ? r.json().abilities : r.statusCode;
    };
    expect(await courseOf(otherTrainer)).toEqual({ read: true, update: true });
    expect(await courseOf(lombok)).toEqual({ read: true, update: false });
    expect(await courseOf(outsider)).toBe(404);
    expect(
      (await w.request('PATCH', `/api/v1/courses/${session.courseId}`, lombok, { version: 1, durationHours: 2 }))
        .statusCode,
    ).toBe(403);

    const programOf = async (as: Session) =>
      (await w.request('GET', `/api/v1/courses?programId=${w.program.id}`, as)).json().abilities;
    expect(await programOf(manager)).toEqual({
      read: true,
      createCourse: true,
      planSession: true,
      planForAnyTrainer: true,
      readCertificateSettings: true,
      setCertificateSettings: true,
    });
    expect(await programOf(otherTrainer)).toEqual({
      read: true,
      createCourse: true,
      planSession: true,
      planForAnyTrainer: false,
      readCertificateSettings: true,
      setCertificateSettings: false,
    });
    expect(await programOf(lombok)).toEqual({
      read: true,
      createCourse: false,
      planSession: false,
      planForAnyTrainer: false,
      readCertificateSettings: false,
      setCertificateSettings: false,
    });
    const sessions = (await w.request('GET', `/api/v1/sessions?programId=${w.program.id}`, member)).json();
    expect(sessions.abilities).toMatchObject({ planSession: false });
    expect(sessions.items[0].abilities).toEqual({ read: true, run: false, markAttendance: false, enrol: false });
  });

  it('tell each caller what they may do for each participant, and a facilitator of one regency cannot touch another’s', async () => {
    const w = await trainingWorld(t);
    const session = await w.session();
    const bali = await w.member(w.groups.bali.id);
    const lombokMember = await w.member(w.groups.lombok.id);
    const baliEnrolment = (await w.enrol(session.id, bali.id)).json();
    const lombokEnrolment = (await w.enrol(session.id, lombokMember.id)).json();
    const karangasem = await w.staff('facilitator', { areaCode: KARANGASEM });
    const lombok = await w.staff('facilitator', { areaCode: LOMBOK_BARAT });
    const baliManager = await w.staff('group_manager', { groupId: w.groups.bali.id });
    const baliMember = await w.staff('group_member', { groupId: w.groups.bali.id });
    const seen = async (as: Session) =>
      Object.fromEntries(
        (await w.request('GET', `/api/v1/sessions/${session.id}/enrolments`, as))
          .json()
          .items.map((e: { member: { id: string }; abilities: unknown }) => [e.member.id, e.abilities]),
      );
    const all = { read: true, enrol: true, withdraw: true, recordTest: true };
    expect(await seen(w.trainer)).toEqual({ [bali.id]: all, [lombokMember.id]: all });
    expect(await seen(karangasem)).toEqual({ [bali.id]: all });
    expect(await seen(baliManager)).toEqual({ [bali.id]: { ...all, recordTest: false } });
    expect(await seen(baliMember)).toEqual({
      [bali.id]: { read: true, enrol: false, withdraw: false, recordTest: false },
    });

    const cancel = (enrolmentId: string, as: Session) =>
      w.request('POST', `/api/v1/sessions/${session.id}/enrolments/${enrolmentId}/cancel`, as);
    expect((await cancel(lombokEnrolment.id, karangasem)).statusCode).toBe(404);
    expect((await cancel(baliEnrolment.id, baliMember)).statusCode).toBe(403);
    const withdrawn = await cancel(lombokEnrolment.id, lombok);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().enrolment).toMatchObject({ status: 'cancelled', abilities: { withdraw: true } });
    const enrolled = await w.enrol(session.id, bali.id, baliManager);
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json()).toMatchObject({ id: baliEnrolment.id, abilities: { withdraw: true, recordTest: false } });
  });
});

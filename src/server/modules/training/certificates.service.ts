import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { reaches, recordAudit, requireUser } from '../platform/index.js';
import { certificatesRepository, type CertificateRow } from './certificates.repository.js';
import type { CourseRow } from './courses.repository.js';
import { enrolmentsRepository } from './enrolments.repository.js';
import { presentEnrolment } from './enrolments.service.js';
import type { SessionRow } from './sessions.repository.js';
import { ROLES, runsSession } from './training.policy.js';

export function presentCertificate(row: CertificateRow) {
  return {
    id: row.id,
    enrolmentId: row.enrolment_id,
    sessionId: row.session_id,
    memberId: row.member_id,
    verificationCode: row.verification_code,
    participantName: row.participant_name,
    course: { title: row.course_title, topic: row.topic },
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    trainerName: row.trainer_name,
    programName: row.program_name,
    issuedAt: row.issued_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedReason: row.revoked_reason,
    pdfUrl: `/api/v1/certificates/${row.id}.pdf`,
  };
}

/**
 * What anyone holding the paper may learn: that it is valid, the name as printed, the course, the
 * dates and the program — nothing else about the person (no id numbers, phone, age, sex or group).
 */
export function presentVerification(row: CertificateRow) {
  return {
    certificateId: row.id,
    status: row.revoked_at ? ('revoked' as const) : ('valid' as const),
    verificationCode: row.verification_code,
    participantName: row.participant_name,
    course: { title: row.course_title },
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    trainerName: row.trainer_name,
    programName: row.program_name,
    issuedOn: row.issued_at.toISOString().slice(0, 10),
  };
}

/** Ten characters from an alphabet without look-alikes (no 0/O, 1/I), for reading out over a phone. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const verificationCode = () => [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join('');

/**
 * Brings the certificates of the listed enrolments in line with completion: one is issued to each
 * that now completes the course, and a valid one is revoked from each that no longer does (attendance
 * corrected downwards, enrolment cancelled), with the reason in the audit log. Idempotent: an
 * enrolment holds at most one valid certificate, however often this runs; one withdrawn by hand is
 * not issued again by itself. The enrolments are read in one query, however many there are.
 */
export async function settleCertificates(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'requestId'>,
  session: SessionRow,
  course: CourseRow,
  enrolmentIds: string[],
): Promise<void> {
  if (enrolmentIds.length === 0) return;
  for (const row of await enrolmentsRepository.byIds(tx, enrolmentIds)) {
    if (row.session_id !== session.id) continue;
    const complete = presentEnrolment(row, session, course).complete;
    if (complete && !row.certificate_id && !row.certificate_withdrawn) {
      const id = uuidv7();
      await certificatesRepository.issue(tx, { id, enrolmentId: row.id, code: verificationCode() });
      const issued = await certificatesRepository.byId(tx, id);
      if (issued) {
        await recordAudit(tx, ctx, {
          action: 'certificate.issue',
          entity: 'training_certificate',
          entityId: id,
          after: presentCertificate(issued),
        });
      }
    } else if (!complete && row.certificate_id) {
      const before = (await certificatesRepository.byId(tx, row.certificate_id))!;
      await certificatesRepository.revoke(tx, row.certificate_id, 'no_longer_complete');
      await recordAudit(tx, ctx, {
        action: 'certificate.revoke',
        entity: 'training_certificate',
        entityId: row.certificate_id,
        before: presentCertificate(before),
        after: {
          ...presentCertificate((await certificatesRepository.byId(tx, row.certificate_id))!),
          reason: row.status === 'enrolled' ? 'no longer meets the completion rule' : `enrolment ${row.status}`,
        },
      });
    }
  }
}

/** The certificate's holder, their group and area staff, the session's trainer and the program manager. */
export async function readCertificate(ctx: Pick<Ctx, 'actor'> & { db: Queryable }, id: string) {
  requireUser(ctx.actor);
  const row = await certificatesRepository.byId(ctx.db, id);
  const target = row && { programId: row.program_id, areaPath: row.area_path, groupId: row.group_id };
  if (!row || !(runsSession(ctx.actor, row) || reaches(ctx.actor, target!, ROLES.readMember)))
    throw notFound('Certificate');
  return row;
}

export async function getCertificate(ctx: Ctx, id: string) {
  return presentCertificate(await readCertificate(ctx, id));
}

/** Public: answers for any certificate id, valid or revoked; an unknown id is a 404. */
export async function verifyCertificate(ctx: Pick<Ctx, 'db'>, id: string) {
  const row = await certificatesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Certificate');
  return presentVerification(row);
}

/** Withdraws a certificate issued in error; the verification page then says so. */
export async function revokeCertificate(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const current = await readCertificate({ actor: ctx.actor, db: tx }, id);
    if (!runsSession(ctx.actor, current)) throw forbidden('Only the trainer or the program manager may revoke.');
    await certificatesRepository.revoke(tx, id, 'withdrawn');
    const after = presentCertificate((await certificatesRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'certificate.revoke',
      entity: 'training_certificate',
      entityId: id,
      before: presentCertificate(current),
      after,
    });
    return after;
  });
}

import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { CertificateAnswer } from '../../../shared/schemas/training.js';
import type { Queryable } from '../../db/database.js';
import { inTransaction, type Actor, type Ctx, type TxCtx } from '../../http/context.js';
import { invalid, notFound } from '../../http/errors.js';
import { dateIn } from '../../../shared/dates.js';
import { certificateNumber, CODE_ALPHABET, codeOfNumber } from '../../../shared/certificate-number.js';
import { abilities, authorize, recordAudit } from '../platform/index.js';
import { certificatesRepository, type CertificateRow } from './certificates.repository.js';
import type { CourseRow } from './courses.repository.js';
import { enrolmentsRepository } from './enrolments.repository.js';
import { progressOf } from './progress.js';
import type { SessionRow } from './sessions.repository.js';
import { certificatePolicy, participantTarget } from './training.policy.js';

const certificateTarget = (row: CertificateRow) => participantTarget(row, row.trainer_id);

/** A certificate as the record shows it, whoever looks (the audit log). */
function recordOf(row: CertificateRow): Omit<CertificateAnswer, 'abilities'> {
  return {
    id: row.id,
    enrolmentId: row.enrolment_id,
    sessionId: row.session_id,
    memberId: row.member_id,
    verificationCode: row.verification_code,
    number: certificateNumber(row.verification_code),
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

export const presentCertificate = (actor: Actor, row: CertificateRow): CertificateAnswer => ({
  ...recordOf(row),
  abilities: abilities(actor, certificatePolicy, certificateTarget(row)),
});

/**
 * What anyone holding the paper may learn: that it is valid, the name as printed, the course, the
 * dates and the program — nothing else about the person (no id numbers, phone, age, sex or group).
 */
export function presentVerification(row: CertificateRow) {
  return {
    certificateId: row.id,
    status: row.revoked_at ? ('revoked' as const) : ('valid' as const),
    verificationCode: row.verification_code,
    number: certificateNumber(row.verification_code),
    participantName: row.participant_name,
    course: { title: row.course_title },
    hours: row.hours,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    trainerName: row.trainer_name,
    programName: row.program_name,
    issuer: row.issuer,
    place: row.place,
    signer: row.signer_name ? { name: row.signer_name, title: row.signer_title } : null,
    issuedOn: issuedOn(row),
  };
}

/** The day of issue, as the platform decides calendar days (`dateIn`, Indonesia's time by default). */
export const issuedOn = (row: Pick<CertificateRow, 'issued_at'>) => dateIn(row.issued_at);

/** Ten characters from an alphabet without look-alikes (no 0/O, 1/I), for reading out over a phone. */
const verificationCode = () => [...randomBytes(10)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');

/**
 * Brings the certificates of the listed enrolments in line with completion: one is issued to each
 * that now completes the course, and a valid one is revoked from each that no longer does (attendance
 * corrected downwards, enrolment cancelled), with the reason in the audit log. Idempotent: an
 * enrolment holds at most one valid certificate, however often this runs; one withdrawn by hand is
 * not issued again by itself. The enrolments are read in one query, however many there are.
 */
export async function settleCertificates(
  tx: TxCtx,
  session: SessionRow,
  course: CourseRow,
  enrolmentIds: string[],
): Promise<void> {
  if (enrolmentIds.length === 0) return;
  for (const row of await enrolmentsRepository.byIds(tx.db, enrolmentIds)) {
    if (row.session_id !== session.id) continue;
    const complete = progressOf(row, session, course).complete;
    if (complete && !row.certificate_id && !row.certificate_withdrawn) {
      const id = uuidv7();
      const issued = await certificatesRepository.issue(tx.db, {
        id,
        enrolmentId: row.id,
        code: verificationCode(),
        issuedAt: tx.clock.now(),
      });
      if (issued) {
        await recordAudit(tx.db, tx, {
          action: 'certificate.issue',
          entity: 'training_certificate',
          entityId: id,
          after: recordOf(issued),
        });
      }
    } else if (!complete && row.certificate_id) {
      const before = await certificatesRepository.byId(tx.db, row.certificate_id);
      const after = await certificatesRepository.revoke(tx.db, row.certificate_id, 'no_longer_complete');
      if (!before || !after) continue;
      await recordAudit(tx.db, tx, {
        action: 'certificate.revoke',
        entity: 'training_certificate',
        entityId: row.certificate_id,
        before: recordOf(before),
        after: {
          ...recordOf(after),
          reason: row.status === 'enrolled' ? 'no longer meets the completion rule' : `enrolment ${row.status}`,
        },
      });
    }
  }
}

/** The certificate's holder, their group and area staff, the session's trainer and the program manager. */
export async function readCertificate(
  ctx: { actor: Actor; db: Queryable },
  id: string,
  action: 'read' | 'revoke' = 'read',
): Promise<CertificateRow> {
  const row = await certificatesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Certificate');
  authorize(ctx.actor, certificatePolicy, action, certificateTarget(row));
  return row;
}

export async function getCertificate(ctx: Ctx, id: string) {
  return presentCertificate(ctx.actor, await readCertificate(ctx, id));
}

/** Public: answers for any certificate id, valid or revoked; an unknown id is a 404. */
export async function verifyCertificate(ctx: Pick<Ctx, 'db'>, id: string) {
  const row = await certificatesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Certificate');
  return presentVerification(row);
}

/**
 * Public: the certificate of a printed number as a person typed it. A number whose check character
 * does not match is named as mistyped (400) before any lookup; a well-formed unknown one is a 404.
 */
export async function verifyCertificateNumber(ctx: Pick<Ctx, 'db'>, number: string) {
  const code = codeOfNumber(number);
  if (!code)
    throw invalid([
      { path: 'query.number', code: 'certificate_number_mistyped', message: 'is not a certificate number as printed' },
    ]);
  const row = await certificatesRepository.byCode(ctx.db, code);
  if (!row) throw notFound('Certificate');
  return presentVerification(row);
}

/** Withdraws a certificate issued in error; the verification page then says so. Repeating it changes nothing. */
export async function revokeCertificate(ctx: Ctx, id: string): Promise<CertificateAnswer> {
  return inTransaction(ctx, async (tx) => {
    const current = await readCertificate(tx, id, 'revoke');
    const revoked = await certificatesRepository.revoke(tx.db, id, 'withdrawn');
    if (!revoked) return presentCertificate(tx.actor, current);
    await recordAudit(tx.db, tx, {
      action: 'certificate.revoke',
      entity: 'training_certificate',
      entityId: id,
      before: recordOf(current),
      after: recordOf(revoked),
    });
    return presentCertificate(tx.actor, revoked);
  });
}

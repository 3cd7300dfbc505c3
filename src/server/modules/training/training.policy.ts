import { ROLES, type Actor, type Role, type UserActor } from '../../http/context.js';
import {
  abilities,
  authorize,
  can,
  definePolicy,
  programTarget,
  type Policy,
  type Rule,
  type Target,
} from '../platform/index.js';

/**
 * Who may do what in training (DESIGN §2: the program manager configures courses, trainers run
 * courses and sessions and record attendance and test scores). Every role list of the module is
 * in the tables below; services call `authorize`/`can`/`scopeOf` (or the two helpers at the end
 * for the program's offer) and never name a role.
 *
 * "Owner" in training is the session's own trainer: they run their session and see and act for
 * all of its participants, whatever their grants reach.
 */

/** Every role a program grants. */
const EVERYONE: readonly Role[] = ROLES;
/** Write courses and plan sessions: a trainer anywhere in the program, or the program's own manager. */
const TEACHERS: Rule = { roles: ['trainer'], anywhere: true, programWide: ['program_manager'] };
/** Enrol a member of a group in their scope, and withdraw them. */
const ENROLLERS: readonly Role[] = ['program_manager', 'facilitator', 'group_manager'];
/** See a participant's learning record and certificates: as for the registry's groups. */
const MEMBER_READERS: readonly Role[] = EVERYONE;

/** The program's training as a whole: what the course catalog and the session calendar offer. */
export const trainingProgramPolicy = definePolicy('Program', {
  read: { roles: EVERYONE, anywhere: true },
  createCourse: TEACHERS,
  planSession: TEACHERS,
  /** A trainer plans sessions they run themselves; the program manager plans for any trainer. */
  planForAnyTrainer: { roles: [], programWide: ['program_manager'] },
  /** Who issues and signs the certificates: seen by those who teach, set by the program manager. */
  readCertificateSettings: TEACHERS,
  setCertificateSettings: { roles: [], programWide: ['program_manager'] },
});

/** Courses: the program's offer, read by anyone in it; those who teach edit them and see the answers. */
export const coursePolicy = definePolicy('Course', {
  read: { roles: EVERYONE, anywhere: true },
  update: TEACHERS,
});

/** Sessions: read by anyone in the program; run by their own trainer or the program manager. */
export const sessionPolicy = definePolicy('Session', {
  read: { roles: EVERYONE, anywhere: true },
  /** Call it off, see every participant, withdraw certificates. */
  run: { roles: [], programWide: ['program_manager'], owner: true },
  markAttendance: { roles: [], programWide: ['program_manager'], owner: true },
  /** Enrol someone at all (whom: `enrolmentPolicy.enrol` on the member). */
  enrol: { roles: ENROLLERS, anywhere: true, owner: true },
});

/**
 * A participant's enrolment, placed where their group is; the owner is the session's trainer.
 * A facilitator sees and acts for participants of their area, a group's manager for their group.
 */
export const enrolmentPolicy = definePolicy('Enrolment', {
  read: { roles: [...ENROLLERS, 'group_member'], owner: true },
  enrol: { roles: ENROLLERS, owner: true },
  withdraw: { roles: ENROLLERS, owner: true },
  recordTest: { roles: ['program_manager', 'facilitator'], owner: true },
});

/** Certificates: the holder's group and area staff read them; the session's trainer or the program manager withdraws one. */
export const certificatePolicy = definePolicy('Certificate', {
  read: { roles: MEMBER_READERS, owner: true },
  revoke: { roles: ['program_manager'], owner: true },
});

/** Learning records of a member or a group, and the program's figures of people trained (narrowed to the caller's area). */
export const learningRecordPolicy = definePolicy('Learning record', {
  read: MEMBER_READERS,
  summarize: ['program_manager', 'facilitator', 'trainer', 'assessor'],
});

/** Where a participant's group places them, with the session's trainer as owner. */
export const participantTarget = (
  row: { program_id: string; area_path: string; group_id: string },
  trainerId: string | null = null,
): Target => ({ programId: row.program_id, areaPath: row.area_path, groupId: row.group_id, ownerId: trainerId });

/*
 * Courses and sessions are the program's offer, placed in no area narrower than the program: read
 * by any grant in the program however narrowed (a facilitator of one regency sees the whole calendar
 * and enrols their own people in a session elsewhere), changed by a trainer or the program's own
 * manager (`anywhere` and `programWide` in the tables above). The session's trainer is its owner.
 */
const offerTarget = (record: { programId: string; ownerId?: string | null }): Target => ({
  ...programTarget(record.programId),
  ownerId: record.ownerId ?? null,
});

/** `authorize` for a record of the program's offer (the program itself, a course, a session). */
export const authorizeOffer = <A extends string>(
  actor: Actor,
  policy: Policy<A | 'read'>,
  action: A | 'read',
  record: { programId: string; ownerId?: string | null },
): UserActor => authorize(actor, policy, action, offerTarget(record));

/** `abilities` for a record of the program's offer. */
export const offerAbilities = <A extends string>(
  actor: Actor,
  policy: Policy<A>,
  record: { programId: string; ownerId?: string | null },
): Record<A, boolean> => abilities(actor, policy, offerTarget(record));

/** `can` for a record of the program's offer. */
export const mayInOffer = <A extends string>(
  actor: Actor,
  policy: Policy<A>,
  action: A,
  record: { programId: string; ownerId?: string | null },
): boolean => can(actor, policy, action, offerTarget(record));

/** A presented record as the audit log keeps it: the facts, without what this caller may do with them. */
export const withoutAbilities = <T extends { abilities: unknown }>({ abilities: _abilities, ...record }: T) => record;

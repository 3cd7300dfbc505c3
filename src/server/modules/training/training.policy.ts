import { ROLES, type Actor, type Role, type UserActor } from '../../http/context.js';
import { abilities, authorize, can, definePolicy, grantsIn, type Policy, type Target } from '../platform/index.js';

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
/** Write courses and plan sessions. */
const TEACHERS: readonly Role[] = ['program_manager', 'trainer'];
/** Enrol a member of a group in their scope, and withdraw them. */
const ENROLLERS: readonly Role[] = ['program_manager', 'facilitator', 'group_manager'];
/** See a participant's learning record and certificates: as for the registry's groups. */
const MEMBER_READERS: readonly Role[] = EVERYONE;

/** The program's training as a whole: what the course catalog and the session calendar offer. */
export const trainingProgramPolicy = definePolicy('Program', {
  read: EVERYONE,
  createCourse: TEACHERS,
  planSession: TEACHERS,
  /** A trainer plans sessions they run themselves; the program manager plans for any trainer. */
  planForAnyTrainer: ['program_manager'],
});

/** Courses: the program's offer, read by anyone in it; those who teach edit them and see the answers. */
export const coursePolicy = definePolicy('Course', {
  read: EVERYONE,
  update: TEACHERS,
});

/** Sessions: read by anyone in the program; run by their own trainer or the program manager. */
export const sessionPolicy = definePolicy('Session', {
  read: EVERYONE,
  /** Call it off, see every participant, withdraw certificates. */
  run: { roles: ['program_manager'], owner: true },
  markAttendance: { roles: ['program_manager'], owner: true },
  /** Enrol someone at all (whom: `enrolmentPolicy.enrol` on the member). */
  enrol: { roles: ENROLLERS, owner: true },
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
 * Courses and sessions are the program's offer, placed in no area narrower than the program: any
 * grant in the program reaches them, however narrowed (a facilitator of one regency sees the whole
 * calendar and enrols their own people in a session elsewhere). As a target, such a record stands
 * wherever one of the actor's grants in the program does; each is tried.
 */
function offerTargets(actor: Actor, programId: string, ownerId: string | null): Target[] {
  const targets = grantsIn(actor, programId).map((g) => ({
    programId,
    areaPath: g.areaPath ?? '',
    groupId: g.groupId,
    ownerId,
  }));
  return targets.length ? targets : [{ programId, areaPath: '', groupId: null, ownerId }];
}

/** `authorize` for a record of the program's offer (the program itself, a course, a session). */
export function authorizeOffer<A extends string>(
  actor: Actor,
  policy: Policy<A | 'read'>,
  action: A | 'read',
  record: { programId: string; ownerId?: string | null },
): UserActor {
  const targets = offerTargets(actor, record.programId, record.ownerId ?? null);
  const target =
    targets.find((t) => can(actor, policy, action, t)) ??
    targets.find((t) => can(actor, policy, 'read', t)) ??
    targets[0]!;
  return authorize(actor, policy, action, target);
}

/** `abilities` for a record of the program's offer: an action is allowed when any of the actor's grants allows it. */
export function offerAbilities<A extends string>(
  actor: Actor,
  policy: Policy<A>,
  record: { programId: string; ownerId?: string | null },
): Record<A, boolean> {
  const all = offerTargets(actor, record.programId, record.ownerId ?? null).map((t) => abilities(actor, policy, t));
  const actions = Object.keys(policy.rules) as A[];
  return Object.fromEntries(actions.map((a) => [a, all.some((x) => x[a])])) as Record<A, boolean>;
}

/** `can` for a record of the program's offer. */
export const mayInOffer = <A extends string>(
  actor: Actor,
  policy: Policy<A>,
  action: A,
  record: { programId: string; ownerId?: string | null },
): boolean => offerAbilities(actor, policy, record)[action];

/** A presented record as the audit log keeps it: the facts, without what this caller may do with them. */
export const withoutAbilities = <T extends { abilities: unknown }>({ abilities: _abilities, ...record }: T) => record;

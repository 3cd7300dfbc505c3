import type { Actor, Role } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { grantsIn, holdsAnyRole, managesProgram, reaches, requireUser, type ScopeTarget } from '../platform/index.js';

/**
 * Who may do what in training (DESIGN §2: the program manager configures courses, trainers run
 * courses and sessions and record attendance and test scores). As elsewhere, a read outside scope
 * answers 404 and a write by someone who may read answers 403.
 */
export const ROLES = {
  /** Enrol a member of a group in scope (besides the session's own trainer). */
  enrol: ['program_manager', 'facilitator', 'group_manager'],
  /** Record test answers for a participant in scope (besides the session's own trainer). */
  recordTest: ['program_manager', 'facilitator'],
  /** See a participant's learning record and certificates: as for the registry's groups. */
  readMember: ['program_manager', 'facilitator', 'assessor', 'trainer', 'group_manager', 'group_member'],
  /** See the program's training figures, narrowed to the caller's area. */
  summary: ['program_manager', 'facilitator', 'trainer', 'assessor'],
} as const satisfies Record<string, readonly Role[]>;

/** Courses and sessions are the program's offer: anyone holding a role in the program sees them. */
export function assertMayReadProgram(actor: Actor, programId: string, what: string): void {
  requireUser(actor);
  if (!holdsAnyRole(actor, programId)) throw notFound(what);
}

/** The program manager and the program's trainers write courses and plan sessions. */
export function mayTeach(actor: Actor, programId: string): boolean {
  return managesProgram(actor, programId) || grantsIn(actor, programId, ['trainer']).length > 0;
}

export function assertMayTeach(actor: Actor, programId: string, what: string): void {
  assertMayReadProgram(actor, programId, what);
  if (!mayTeach(actor, programId)) throw forbidden('Only the program manager or a trainer may do this.');
}

/** The session's own trainer, or the program manager, runs it: attendance, cancellation. */
export function runsSession(actor: Actor, session: { program_id: string; trainer_id: string }): boolean {
  return managesProgram(actor, session.program_id) || (actor.kind === 'user' && actor.id === session.trainer_id);
}

export function assertRunsSession(actor: Actor, session: { program_id: string; trainer_id: string }): void {
  assertMayReadProgram(actor, session.program_id, 'Session');
  if (!runsSession(actor, session))
    throw forbidden('Only the session’s own trainer or the program manager may do this.');
}

/** The session's trainer, or someone whose scope covers the member (their group or area). */
export function mayActForMember(
  actor: Actor,
  session: { program_id: string; trainer_id: string },
  member: ScopeTarget,
  roles: readonly Role[],
): boolean {
  return runsSession(actor, session) || reaches(actor, member, roles);
}

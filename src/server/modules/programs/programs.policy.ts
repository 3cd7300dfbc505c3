import type { Actor } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { holdsAnyRole, isAdmin, managesProgram, requireAdmin, requireUser } from '../platform/index.js';

/** Anyone holding a role in a program may read it; others are told it does not exist. */
export function assertMayReadProgram(actor: Actor, programId: string): void {
  requireUser(actor);
  if (!holdsAnyRole(actor, programId)) throw notFound('Program');
}

export const assertMayCreateProgram = (actor: Actor) => requireAdmin(actor);

export function assertMayManageProgram(actor: Actor, programId: string): void {
  assertMayReadProgram(actor, programId);
  if (!managesProgram(actor, programId)) throw forbidden('Only the program manager or an admin may do this.');
}

/** Program managers staff their program; only an admin appoints a program manager. */
export function assertMayGrant(actor: Actor, programId: string, role: string): void {
  assertMayManageProgram(actor, programId);
  if (role === 'program_manager' && !isAdmin(actor))
    throw forbidden('Only a platform admin may appoint a program manager.');
}

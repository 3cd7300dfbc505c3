import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { isAdmin, requireUser } from './access.js';

/** Programs whose whole staff list the actor may see: those it manages without narrowing. */
export function managedProgramIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return [
    ...new Set(
      actor.grants
        .filter((g) => g.role === 'program_manager' && g.areaCode === null && g.groupId === null)
        .map((g) => g.programId),
    ),
  ];
}

/** Admins and program managers open accounts; only an admin makes another admin. */
export function assertMayCreateUser(actor: Actor, makesAdmin: boolean): void {
  requireUser(actor);
  if (isAdmin(actor)) return;
  if (makesAdmin) throw forbidden('Only a platform admin may create an admin.');
  if (managedProgramIds(actor).length === 0) throw forbidden('Only an admin or a program manager may create accounts.');
}

export function assertMayListUsers(actor: Actor): void {
  requireUser(actor);
  if (!isAdmin(actor) && managedProgramIds(actor).length === 0) {
    throw forbidden('Only an admin or a program manager may list accounts.');
  }
}

/** Self-service covers name, locale and password; everything else is an admin's. */
export function assertMayPatchUser(
  actor: Actor,
  targetId: string,
  fields: { isAdmin?: unknown; disabled?: unknown },
): void {
  const user = requireUser(actor);
  if (isAdmin(actor)) return;
  if (user.id !== targetId) throw forbidden('You may change only your own account.');
  if (fields.isAdmin !== undefined || fields.disabled !== undefined) {
    throw forbidden('Only a platform admin may change admin rights or disable accounts.');
  }
}

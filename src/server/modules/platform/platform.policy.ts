import type { Actor } from '../../http/context.js';
import { can, definePolicy, programTarget, type Target } from './authorize.js';
import { isAdmin, programIdsOf } from './access.js';

/**
 * Who may do what with an account. An account is seen through the programs it holds a role in:
 * the manager of a whole program sees its staff (a manager narrowed to an area does not), and
 * everyone sees their own account. Admins may do everything.
 */
export const accountPolicy = definePolicy('User', {
  read: { roles: ['program_manager'], owner: true },
  /** Name, locale and password: the account's own (a new password needs the current one). */
  update: { roles: [], owner: true },
  /** Admin rights and disabling an account. */
  administer: [],
  /** Opening accounts, for staff: the manager of a whole program. */
  create: ['program_manager'],
  /** Opening an admin account. */
  createAdmin: [],
});

/** The account seen through one program it holds a role in (or through none: `programId` null). */
export const accountTarget = (accountId: string, programId: string | null): Target => ({
  ...programTarget(programId ?? ''),
  ownerId: accountId,
});

/**
 * The target through which the actor sees an account that holds roles in `programIds`: the first
 * that lets them read it, else the account alone (then only its owner and admins may read it).
 */
export function accountSeenBy(actor: Actor, accountId: string, programIds: readonly string[]): Target {
  const through = programIds.find((p) => can(actor, accountPolicy, 'read', accountTarget(accountId, p)));
  return accountTarget(accountId, through ?? null);
}

/**
 * Whether the actor may do an account action that names no account yet (open one, list them): an
 * admin, or someone who may do it in at least one of their programs.
 */
export function mayInSomeProgram(actor: Actor, action: 'create' | 'createAdmin' | 'read'): boolean {
  return (
    isAdmin(actor) ||
    programIdsOf(actor).some((p) => can(actor, accountPolicy, action, { ...programTarget(p), ownerId: null }))
  );
}

import { ROLES, type Actor, type Role } from '../../http/context.js';
import { definePolicy } from '../platform/index.js';

/**
 * Who may do what with a program (its target is `programTarget(id)`: the program as a whole).
 * Everyone holding a role anywhere in it reads it; the manager of the whole program runs it and
 * staffs it; only an admin (no role) appoints or removes a program manager.
 */
export const programPolicy = definePolicy('Program', {
  read: { roles: ROLES, anywhere: true },
  update: ['program_manager'],
  listRoles: ['program_manager'],
  grantRole: ['program_manager'],
  revokeRole: ['program_manager'],
  appointManager: [],
});

/** The action that granting or revoking `role` needs: appointing a program manager is an admin's. */
export const staffingAction = (role: Role, change: 'grant' | 'revoke') =>
  role === 'program_manager' ? 'appointManager' : change === 'grant' ? 'grantRole' : 'revokeRole';

/** Roles held in one producer group: a grant of them names the group (and no area). */
export const GROUP_ROLES: readonly Role[] = ['group_manager', 'group_member'];

/** Creating a program is an admin's: there is no program yet to hold a role in. */
export const mayCreateProgram = (actor: Actor): boolean => actor.kind === 'user' && actor.isAdmin;

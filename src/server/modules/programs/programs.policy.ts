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

export { GROUP_ROLES } from '../../../shared/roles.js';

/** Creating a program is an admin's: there is no program yet to hold a role in. */
export const mayCreateProgram = (actor: Actor): boolean => actor.kind === 'user' && actor.isAdmin;

/**
 * Bringing a person into the program (their account and one role) at a place: an area subtree, a
 * producer group, or the whole program (`programTarget`). Program managers and facilitators do it
 * where their grants reach; only a manager brings in a facilitator, only an admin a program manager.
 */
export const invitationPolicy = definePolicy('Place', {
  read: ['program_manager', 'facilitator'],
  invite: ['program_manager', 'facilitator'],
  inviteFacilitator: ['program_manager'],
  appointManager: [],
});

/** The action that bringing someone in with `role` needs. */
export const invitingAction = (role: Role) =>
  role === 'program_manager' ? 'appointManager' : role === 'facilitator' ? 'inviteFacilitator' : 'invite';

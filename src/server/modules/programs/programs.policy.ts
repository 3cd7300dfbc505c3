import { ROLES, type Actor, type Role } from '../../http/context.js';
import type { InvitableRole } from '../../../shared/schemas/programs.js';
import { GROUP_ROLES } from '../../../shared/roles.js';
import { can, canSomewhere, definePolicy, programTarget, type Target } from '../platform/index.js';

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

export { GROUP_ROLES };

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

/**
 * The roles the actor may bring a person in with somewhere in the program, each with whether also for
 * the program as a whole: what the web's invite panel offers (the service checks the place itself).
 */
export const invitableRoles = (actor: Actor, programId: string): InvitableRole[] =>
  ROLES.filter((role) => canSomewhere(actor, invitationPolicy, invitingAction(role), programId)).map((role) => ({
    role,
    wholeProgram:
      !GROUP_ROLES.includes(role) && can(actor, invitationPolicy, invitingAction(role), programTarget(programId)),
  }));

/** Whether the actor may bring a person into a producer group (as its manager or a member), the group as `target`. */
export const mayInviteIntoGroup = (actor: Actor, target: Target): boolean =>
  can(actor, invitationPolicy, 'invite', target);

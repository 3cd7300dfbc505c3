import type { Actor, Role } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { reaches, requireUser, type ScopeTarget } from '../platform/index.js';

/**
 * Who may do what in the registry (DESIGN §2). Reads outside scope answer 404, so nobody learns
 * what exists in another area; writes by someone who may read answer 403.
 */
export const ROLES = {
  /** See villages: program staff. */
  readVillage: ['program_manager', 'facilitator', 'assessor', 'trainer'],
  /** Enrol and edit villages, register groups. */
  writeVillage: ['program_manager', 'facilitator'],
  /** See groups, their members and products: program staff and the group's own people. */
  readGroup: ['program_manager', 'facilitator', 'assessor', 'trainer', 'group_manager', 'group_member'],
  /** Edit a group, its members and products. */
  writeGroup: ['program_manager', 'facilitator', 'group_manager'],
  /** See members' national id and phone in clear: the program manager and the group's managers. */
  seePersonalData: ['program_manager', 'group_manager'],
} as const satisfies Record<string, readonly Role[]>;

export function assertMayRead(actor: Actor, target: ScopeTarget, roles: readonly Role[], what: string): void {
  requireUser(actor);
  if (!reaches(actor, target, roles)) throw notFound(what);
}

export function assertMayWrite(
  actor: Actor,
  target: ScopeTarget,
  readRoles: readonly Role[],
  writeRoles: readonly Role[],
  what: string,
): void {
  assertMayRead(actor, target, readRoles, what);
  if (!reaches(actor, target, writeRoles)) throw forbidden(`You may not change this ${what.toLowerCase()}.`);
}

export const maySeePersonalData = (actor: Actor, target: ScopeTarget) => reaches(actor, target, ROLES.seePersonalData);

import { unauthorized } from '../../http/errors.js';
import type { Actor, Grant, Role, UserActor } from '../../http/context.js';

/**
 * The grant arithmetic under `authorize.ts` (which is what services call). A grant reaches an area
 * when it has no area (the whole program) or when the area's materialised path starts with the
 * grant's path — one string comparison, never a walk up the tree.
 */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw unauthorized();
  return actor;
}

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'user' && actor.isAdmin;
}

export function grantsIn(actor: Actor, programId: string, roles?: readonly Role[]): Grant[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.filter((g) => g.programId === programId && (!roles || roles.includes(g.role)));
}

export function programIdsOf(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.grants.map((g) => g.programId))];
}

/**
 * True when the grant covers the area whose materialised path is given: a grant without an area
 * covers the whole program; an area grant whose area has no path covers nothing (fail closed).
 */
function grantReachesArea(grant: Grant, areaPath: string): boolean {
  if (grant.areaPath !== null) return areaPath.startsWith(grant.areaPath);
  return grant.areaCode === null;
}

/** What a scoped record exposes to the policy: its program, its area's path, and its group if any. */
export interface ScopeTarget {
  programId: string;
  areaPath: string;
  groupId?: string | null;
}

/**
 * Whether one of the actor's grants with these roles covers the target: a group grant covers only
 * its group; an area grant covers its subtree; a grant with neither covers the whole program.
 */
export function reaches(actor: Actor, target: ScopeTarget, roles: readonly Role[]): boolean {
  if (isAdmin(actor)) return true;
  return grantsIn(actor, target.programId, roles).some((g) =>
    g.groupId !== null ? g.groupId === target.groupId : grantReachesArea(g, target.areaPath),
  );
}

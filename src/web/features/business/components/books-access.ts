import type { Me } from '../../platform';
import type { Group } from '../../registry';

/**
 * Whether the signed-in user keeps this group's books (src/server/modules/business/business.policy.ts
 * BOOK_ROLES.write): its managers and the facilitator of its area. The server decides; this only
 * hides buttons a reader could not use.
 */
export function mayKeepBooks(me: Me, group: Pick<Group, 'id' | 'programId' | 'village'>): boolean {
  return holdsOver(me, group, ['group_manager', 'facilitator']);
}

/** Whether the user may read the books (BOOK_ROLES.read): also the group's members and the program manager. */
export function mayReadBooks(me: Me, group: Pick<Group, 'id' | 'programId' | 'village'>): boolean {
  return holdsOver(me, group, ['group_manager', 'group_member', 'facilitator', 'program_manager']);
}

/** A role among `roles` whose grant covers the group: its own group, or an area above its village. */
function holdsOver(me: Me, group: Pick<Group, 'id' | 'programId' | 'village'>, roles: string[]): boolean {
  if (me.isAdmin) return true;
  return me.roles.some((r) => {
    if (r.programId !== group.programId || !roles.includes(r.role)) return false;
    if (r.groupId) return r.groupId === group.id;
    return r.areaCode === null || group.village.areaCode.startsWith(r.areaCode);
  });
}

/** The groups whose books a user's own group roles open (treasurer, member), for the menu. */
export const bookGroupIds = (me: Me) => [
  ...new Set(
    me.roles
      .filter((r) => (r.role === 'group_manager' || r.role === 'group_member') && r.groupId)
      .map((r) => r.groupId!),
  ),
];

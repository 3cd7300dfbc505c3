/** The roles a user may hold in a program (see DESIGN.md §2); platform admin is a user flag, not a role. */
export const ROLES = [
  'program_manager',
  'facilitator',
  'assessor',
  'trainer',
  'group_manager',
  'group_member',
  'community_manager',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles held in one producer group: a grant of them names the group (and no area). */
export const GROUP_ROLES: readonly Role[] = ['group_manager', 'group_member'];

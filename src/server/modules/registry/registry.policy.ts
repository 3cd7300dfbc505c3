import { definePolicy, type Target } from '../platform/index.js';

/**
 * Who may do what in the registry (DESIGN §2), one table per kind of record. Reads outside scope
 * answer 404, so nobody learns what exists in another area; writes by someone who may read answer
 * 403 (both written once, in `authorize`).
 */

/** Program staff see villages; enrolling and editing them is for the program manager and facilitators. */
const VILLAGE_STAFF = ['program_manager', 'facilitator', 'assessor', 'trainer'] as const;
const VILLAGE_KEEPERS = ['program_manager', 'facilitator'] as const;
/** Groups, their members and products: seen by program staff and the group's own people. */
const GROUP_READERS = [...VILLAGE_STAFF, 'group_manager', 'group_member'] as const;
/** Edited by the program manager, facilitators and the group's managers. */
const GROUP_KEEPERS = ['program_manager', 'facilitator', 'group_manager'] as const;

export const villagePolicy = definePolicy('Village', {
  read: VILLAGE_STAFF,
  update: VILLAGE_KEEPERS,
  /** Enrol a village of this area in the program. */
  enrol: VILLAGE_KEEPERS,
  registerGroup: VILLAGE_KEEPERS,
});

export const groupPolicy = definePolicy('Producer group', {
  read: GROUP_READERS,
  update: GROUP_KEEPERS,
  addMember: GROUP_KEEPERS,
  addProduct: GROUP_KEEPERS,
});

export const memberPolicy = definePolicy('Member', {
  read: GROUP_READERS,
  update: GROUP_KEEPERS,
  delete: GROUP_KEEPERS,
  /** National id and phone in clear: the program manager and the group's managers; masked for everyone else. */
  seePersonalData: ['program_manager', 'group_manager'],
  /**
   * Link a member record to the account its person signs in with: the office the member holds
   * (treasurer, chair …) then acts for that account, e.g. keeping the group's books.
   */
  linkAccount: ['program_manager', 'facilitator', 'group_manager'],
});

export const productPolicy = definePolicy('Product', {
  read: GROUP_READERS,
  update: GROUP_KEEPERS,
  addPhoto: GROUP_KEEPERS,
  removePhoto: GROUP_KEEPERS,
});

/** What places a village in scope: its program and its area. */
export const villageTarget = (row: { program_id: string; area_path: string }): Target => ({
  programId: row.program_id,
  areaPath: row.area_path,
});

/** What places a group in scope: its program, its village's area, and the group itself (for group grants). */
export const groupTarget = (row: { program_id: string; area_path: string; id: string }): Target => ({
  programId: row.program_id,
  areaPath: row.area_path,
  groupId: row.id,
});

/** Members and products are in scope where their group is. */
export const ofGroupTarget = (row: { program_id: string; area_path: string; group_id: string }): Target => ({
  programId: row.program_id,
  areaPath: row.area_path,
  groupId: row.group_id,
});

import type { Role } from '../../http/context.js';
import { definePolicy } from '../platform/index.js';

const GROUP_PEOPLE = ['group_manager', 'group_member'] as const satisfies readonly Role[];
const KEEPERS = ['facilitator', 'group_manager'] as const satisfies readonly Role[];

/**
 * Who may see and keep a producer group's books (DESIGN §2). The books are the group's own
 * business: its managers keep them, its members read them, the facilitator of its area coaches
 * the treasurer (and may post with them), the program manager reads them. Assessors and trainers
 * have no business there. The target is the group; outside its scope the books answer 404.
 */
export const booksPolicy = definePolicy('Producer group', {
  read: ['program_manager', 'facilitator', ...GROUP_PEOPLE],
  post: KEEPERS,
  reverse: KEEPERS,
  closePeriod: KEEPERS,
  addAccount: KEEPERS,
  /** The books' settings: the UMKM final tax. */
  settings: KEEPERS,
});
export type BookAction = keyof typeof booksPolicy.rules;

/**
 * A group member who holds one of the group's bookkeeping offices (the program's setting: chair and
 * treasurer by default) keeps its books like its managers; `books.service` checks the office.
 * Other members only read (issue 13).
 */
export const officerBooksPolicy = definePolicy('Producer group', {
  read: ['group_member'],
  post: ['group_member'],
  reverse: ['group_member'],
  closePeriod: ['group_member'],
  addAccount: ['group_member'],
  settings: ['group_member'],
});

/**
 * Who may see and change a group's production batches (DESIGN §2): the program manager also
 * records runs, for groups that bring their paperwork to the office. `consume` is taking stock
 * from a batch as the input of another run.
 */
export const batchesPolicy = definePolicy('Batch', {
  read: ['program_manager', 'facilitator', ...GROUP_PEOPLE],
  create: ['program_manager', 'facilitator', 'group_manager'],
  recordMovement: ['program_manager', 'facilitator', 'group_manager'],
  consume: ['program_manager', 'facilitator', 'group_manager'],
});

import type { Actor, Role } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { reaches, requireUser, type ScopeTarget } from '../platform/index.js';

/**
 * Who may see and keep a producer group's books (DESIGN §2). The books are the group's own
 * business: its managers keep them, its members read them, the facilitator of its area coaches
 * the treasurer (and may post with them), the program manager reads them. Assessors and trainers
 * have no business there. Reads outside scope answer 404, so nobody learns another group's books exist.
 */
export const BOOK_ROLES = {
  read: ['program_manager', 'facilitator', 'group_manager', 'group_member'],
  write: ['facilitator', 'group_manager'],
} as const satisfies Record<string, readonly Role[]>;

export function assertMayReadBooks(actor: Actor, target: ScopeTarget): void {
  requireUser(actor);
  if (!reaches(actor, target, BOOK_ROLES.read)) throw notFound('Producer group');
}

export function assertMayKeepBooks(actor: Actor, target: ScopeTarget): void {
  assertMayReadBooks(actor, target);
  if (!reaches(actor, target, BOOK_ROLES.write))
    throw forbidden('Only the group’s managers and its facilitator post to its books.');
}

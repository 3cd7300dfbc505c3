import type { Actor, Role } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { holdsAnyRole, managesProgram, reaches, requireUser, type ScopeTarget } from '../platform/index.js';
import { TIER_RANK } from './scoring.js';
import type { PanelTier } from './quality.schemas.js';

/**
 * Who may do what in the quality module (DESIGN §2). As in the registry, a read outside scope
 * answers 404 and a write by someone who may read answers 403.
 */
export const ROLES = {
  /** See assessments and certifications of a product (assessors also need a panel tier). */
  readProduct: ['program_manager', 'facilitator', 'trainer', 'group_manager', 'group_member'],
  /** Enter a product in a round; record and change certifications. */
  enterProduct: ['program_manager', 'facilitator', 'group_manager'],
  /** The group's own self-assessment and appeals. */
  groupManager: ['group_manager'],
  assessor: ['assessor'],
} as const satisfies Record<string, readonly Role[]>;

/** Rating schemes are read by anyone holding a role in the program; templates by anyone signed in. */
export function assertMayReadScheme(actor: Actor, programId: string | null): void {
  requireUser(actor);
  if (programId !== null && !holdsAnyRole(actor, programId)) throw notFound('Rating scheme');
}

export function assertMayWriteScheme(actor: Actor, programId: string): void {
  assertMayReadScheme(actor, programId);
  if (!managesProgram(actor, programId)) throw forbidden('Only the program manager may change rating schemes.');
}

export interface AssessmentTarget extends ScopeTarget {
  panelTier: PanelTier;
}

/** An assessor judges an assessment when their panel tier is at least the assessment's. */
export function assessorMayJudge(actor: Actor, target: AssessmentTarget, tier: PanelTier | undefined): boolean {
  return tier !== undefined && reaches(actor, target, ROLES.assessor) && TIER_RANK[tier] >= TIER_RANK[target.panelTier];
}

export function assertMayReadAssessment(actor: Actor, target: AssessmentTarget, tier: PanelTier | undefined): void {
  requireUser(actor);
  if (!reaches(actor, target, ROLES.readProduct) && !assessorMayJudge(actor, target, tier))
    throw notFound('Assessment');
}

export function assertRole(actor: Actor, target: ScopeTarget, roles: readonly Role[], what: string): void {
  if (!reaches(actor, target, roles)) throw forbidden(`You may not ${what}.`);
}

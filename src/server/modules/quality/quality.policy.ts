import { ROLES, type Actor } from '../../http/context.js';
import {
  abilities,
  definePolicy,
  programTarget,
  WHOLE_PROGRAM_PATH,
  type ScopeColumns,
  type Target,
} from '../platform/index.js';
import type { AssessmentAction, PanelTier } from './quality.schemas.js';
import { TIER_RANK } from './scoring.js';

/**
 * Who may do what in the quality module (DESIGN §2): one table per kind of record. Services ask
 * `authorize` / `can` / `scopeOf` over these; 404 outside scope and 403 when read-only come from
 * `authorize`.
 */

/** Who sees a product's quality records (its assessments and certificates). */
const STAFF = ['program_manager', 'facilitator', 'trainer', 'group_manager', 'group_member'] as const;
/** Who puts a product on record: enters it in a rating round, records its certificates. */
const RECORDERS = ['program_manager', 'facilitator', 'group_manager'] as const;

/** A product (or a producer group) as the quality module sees it: whose quality records may be started there. */
export const holderPolicy = definePolicy('Product', {
  read: STAFF,
  enterInRound: RECORDERS,
  certify: RECORDERS,
});

/**
 * An assessment. Assessors count only on panels at or below their panel tier: pass the actor
 * through `onPanel` first. Program-level steps (finalising, deciding appeals) are the program
 * manager's; the group's own steps (self-assessment, appeal) its manager's.
 */
export const assessmentPolicy = definePolicy('Assessment', {
  read: [...STAFF, 'assessor'],
  selfAssess: ['group_manager'],
  score: ['assessor'],
  addEvidence: { roles: ['assessor'], programWide: ['program_manager'] },
  finalise: { roles: [], programWide: ['program_manager'] },
  appeal: ['group_manager'],
  decideAppeal: { roles: [], programWide: ['program_manager'] },
});

export const certificationPolicy = definePolicy('Certification', {
  read: [...STAFF, 'assessor'],
  update: RECORDERS,
  delete: RECORDERS,
  attachDocument: RECORDERS,
});

/** Rating schemes: anyone holding a role in the program reads them; the program manager changes them. */
export const schemePolicy = definePolicy('Rating scheme', {
  read: { roles: ROLES, anywhere: true },
  update: ['program_manager'],
});

/**
 * The program's quality work as a whole, for the buttons of its assessment and scheme lists:
 * entering the program's products in a rating round (a grant over the whole program; a narrower
 * one enters its own products, `holderPolicy.enterInRound`) and changing its rating schemes.
 */
export const qualityProgramPolicy = definePolicy('Program', {
  read: { roles: ROLES, anywhere: true },
  enterInRound: RECORDERS,
  updateSchemes: schemePolicy.rules.update,
});

/** What the actor may do in the program's quality work: the abilities its lists carry. */
export const qualityProgramAbilities = (actor: Actor, programId: string) =>
  abilities(actor, qualityProgramPolicy, programTarget(programId));

/** Assessors' panel tiers: the program manager lists and sets them. */
export const assessorTierPolicy = definePolicy('Program', {
  read: { roles: ROLES, anywhere: true },
  list: ['program_manager'],
  set: ['program_manager'],
});

/** The columns of a program-level list (no area, no group). */
export const programColumns = (program: string): ScopeColumns => ({ program, path: WHOLE_PROGRAM_PATH, group: null });

/**
 * The actor as an assessment's panel sees them: an assessor grant counts only when the assessor's
 * panel tier in the program is at least the assessment's (OCOP: district panels award up to 3★).
 */
export function onPanel(actor: Actor, tier: PanelTier | undefined, panelTier: PanelTier): Actor {
  if (actor.kind !== 'user' || (tier !== undefined && TIER_RANK[tier] >= TIER_RANK[panelTier])) return actor;
  return { ...actor, grants: actor.grants.filter((g) => g.role !== 'assessor') };
}

/**
 * What the caller may do on an assessment, as the page's buttons: the policy over the panel's view
 * of the actor, and the assessment's status (scores change only while open; a final rating may be
 * appealed once at a time; a pending appeal is decided).
 */
export function assessmentAbilities(
  actor: Actor,
  assessment: Target & { panelTier: PanelTier; status: 'open' | 'finalised' | 'appealed' },
  tier: PanelTier | undefined,
): Record<AssessmentAction, boolean> {
  const may = abilities(onPanel(actor, tier, assessment.panelTier), assessmentPolicy, assessment);
  const open = assessment.status === 'open';
  return {
    read: may.read,
    selfAssess: may.selfAssess && open,
    score: may.score && open,
    addEvidence: may.addEvidence && open,
    finalise: may.finalise && open,
    appeal: may.appeal && assessment.status === 'finalised',
    decideAppeal: may.decideAppeal && assessment.status === 'appealed',
  };
}

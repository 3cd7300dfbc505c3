import { inTransaction, type Ctx } from '../../http/context.js';
import { ruleBroken } from '../../http/errors.js';
import { assertVersion } from '../../http/versioning.js';
import { CLASS_CONDITIONS, type ClassRuleAnswer, type ClassRuleBody } from '../../../shared/schemas/impact.js';
import { authorize, can, programTarget, recordAudit, requireUser } from '../platform/index.js';
import { programById } from '../programs/index.js';
import { classRulesRepository, type ClassRuleRow } from './class-rules.repository.js';
import { DEFAULT_REVENUE_GROWTH_PERCENT } from './impact.repository.js';
import { targetPolicy } from './impact.policy.js';

/**
 * A program's naik kelas rule (docs/indicators.md, groups_naik_kelas): which conditions count and by
 * how many percent sales must grow on the year before. Read by anyone signed in, like the program's
 * other rules for its figures; set by the whole program's manager (or an admin), like its targets.
 */
function present(row: ClassRuleRow | undefined, programId: string, manage: boolean): ClassRuleAnswer {
  return {
    programId,
    // Kept in the order the conditions are listed everywhere, whatever order they were ticked in.
    conditions: row ? CLASS_CONDITIONS.filter((c) => row.conditions.includes(c)) : [...CLASS_CONDITIONS],
    revenueGrowthPercent: row?.revenue_growth_percent ?? DEFAULT_REVENUE_GROWTH_PERCENT,
    isDefault: !row,
    version: row?.version ?? 1,
    abilities: { manage },
  };
}

export async function getClassRule(ctx: Ctx, programId: string): Promise<ClassRuleAnswer> {
  const actor = requireUser(ctx.actor);
  const row = await classRulesRepository.byProgram(ctx.db, programId);
  return present(row, programId, can(actor, targetPolicy, 'manage', programTarget(programId)));
}

export async function putClassRule(ctx: Ctx, programId: string, body: ClassRuleBody): Promise<ClassRuleAnswer> {
  const actor = authorize(ctx.actor, targetPolicy, 'manage', programTarget(programId));
  return inTransaction(ctx, async (tx) => {
    if (!(await programById(tx.db, programId))) throw ruleBroken('reference-missing', 'There is no such program.');
    const current = present(await classRulesRepository.byProgram(tx.db, programId, true), programId, true);
    if (body.version !== undefined) assertVersion(current, body.version, () => current);
    const next = { programId, conditions: body.conditions, revenueGrowthPercent: body.revenueGrowthPercent };
    await classRulesRepository.save(tx.db, { ...next, by: actor.id });
    await recordAudit(tx.db, tx, {
      action: 'impact.class_rule',
      entity: 'program',
      entityId: programId,
      before: { conditions: current.conditions, revenueGrowthPercent: current.revenueGrowthPercent },
      after: next,
    });
    return present(await classRulesRepository.byProgram(tx.db, programId), programId, true);
  });
}

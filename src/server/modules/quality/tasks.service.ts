import { joinSql, sql } from '../../db/sql.js';
import type { Ctx } from '../../http/context.js';
import { toTaskList } from '../../http/task-lists.js';
import { addDays, dateIn } from '../../../shared/dates.js';
import type { AssessorSteps, TaskList } from '../../../shared/schemas/home.js';
import { requireUser, scopeOf, type ScopeColumns } from '../platform/index.js';
import { assessmentPolicy, certificationPolicy, holderPolicy, onPanel } from './quality.policy.js';
import { PANEL_TIERS } from '../../../shared/schemas/quality.js';
import { schemesRepository } from './schemes.repository.js';
import { qualityTasksRepository as tasks } from './tasks.repository.js';

/** Certificates count as expiring this many days ahead (issue 14: renew in time). */
export const EXPIRY_HORIZON_DAYS = 90;

const ASSESSMENTS: ScopeColumns = { program: 'a.program_id', path: 'a.area_path', group: 'a.group_id' };
const CERTIFICATIONS: ScopeColumns = { program: 'c.program_id', path: 'c.area_path', group: 'c.group_id' };
const GROUPS: ScopeColumns = { program: 'g.program_id', path: 'g.area_path', group: 'g.id' };
const PRODUCTS: ScopeColumns = { program: 'p.program_id', path: 'p.area_path', group: 'p.group_id' };

export interface QualityTasks {
  assessmentsToScore: TaskList;
  assessorSteps: AssessorSteps;
  certificationsExpiring: TaskList;
  assessmentsAwaitingPanel: TaskList;
}

/**
 * What waits in the program's quality work for the caller: for an assessor, what to score and,
 * when nothing, which of the steps before it have happened in their scope; for those who enter
 * products in rating rounds and keep certificates, what is stuck before a panel and what expires.
 */
export async function qualityTasks(ctx: Ctx, programId: string): Promise<QualityTasks> {
  const user = requireUser(ctx.actor);
  const today = dateIn(ctx.clock.now());
  const tier = await schemesRepository.tierOf(ctx.db, programId, user.id);
  const judge = (columns: ScopeColumns) => scopeOf(ctx.actor, assessmentPolicy, 'score', columns);
  // The policy over the panel's view of the caller, per panel tier: their tier in this one program decides.
  const panel = sql`(${joinSql(
    PANEL_TIERS.map(
      (t) =>
        sql`(a.panel_tier = ${t} AND ${scopeOf(onPanel(ctx.actor, tier, t), assessmentPolicy, 'score', ASSESSMENTS)})`,
    ),
    ' OR ',
  )})`;
  const recorder = scopeOf(ctx.actor, holderPolicy, 'enterInRound', ASSESSMENTS);
  const keeper = scopeOf(ctx.actor, certificationPolicy, 'update', CERTIFICATIONS);
  const [toScore, groups, products, open, onItsPanel, awaiting, expiring] = await Promise.all([
    tasks.toScore(ctx.db, programId, panel, user.id),
    tasks.groups(ctx.db, programId, judge(GROUPS)),
    tasks.products(ctx.db, programId, judge(PRODUCTS)),
    tasks.openAssessments(ctx.db, programId, judge(ASSESSMENTS)),
    tasks.openAssessments(ctx.db, programId, panel),
    tasks.awaitingPanel(ctx.db, programId, recorder),
    tasks.expiring(ctx.db, programId, keeper, today, addDays(today, EXPIRY_HORIZON_DAYS)),
  ]);
  return {
    assessmentsToScore: toTaskList(toScore),
    assessorSteps: {
      groups,
      products,
      selfAssessed: open.selfAssessed,
      panelAssigned: onItsPanel.open,
      panelTier: tier ?? null,
    },
    certificationsExpiring: toTaskList(expiring),
    assessmentsAwaitingPanel: toTaskList(awaiting),
  };
}

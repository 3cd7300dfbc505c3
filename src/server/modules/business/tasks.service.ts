import { sql } from '../../db/sql.js';
import type { Ctx } from '../../http/context.js';
import { toTaskList } from '../../http/task-lists.js';
import { dateIn } from '../../../shared/dates.js';
import type { TaskList } from '../../../shared/schemas/home.js';
import { can, requireUser, scopeOf, type ScopeColumns } from '../platform/index.js';
import { bookkeepingOfficesOf } from '../programs/index.js';
import { officeOf } from '../registry/index.js';
import { booksPolicy, officerBooksPolicy } from './business.policy.js';
import { businessTasksRepository as tasks } from './tasks.repository.js';

const GROUPS: ScopeColumns = { program: 'g.program_id', path: 'g.area_path', group: 'g.id' };

/**
 * The groups whose books the caller keeps as the member holding one of the program's bookkeeping
 * offices (issue 13): among the groups their member grants name, those where they hold such an office today.
 */
async function officerGroups(ctx: Ctx, programId: string, today: string): Promise<string[]> {
  const user = requireUser(ctx.actor);
  const named = user.grants
    .filter((g) => g.programId === programId && g.groupId !== null)
    .map((g) => g.groupId!)
    .filter((groupId) => can(ctx.actor, officerBooksPolicy, 'closePeriod', { programId, areaPath: '', groupId }));
  if (!named.length) return [];
  const offices = await bookkeepingOfficesOf(ctx.db, programId);
  const held = await Promise.all(named.map(async (id) => [id, await officeOf(ctx.db, id, user.id, today)] as const));
  return held.filter(([, office]) => office !== null && offices.includes(office)).map(([id]) => id);
}

/** What waits in the books the caller keeps (as manager, facilitator or officer): ended months to close. */
export async function businessTasks(ctx: Ctx, programId: string): Promise<{ monthsToClose: TaskList }> {
  const today = dateIn(ctx.clock.now());
  const officer = await officerGroups(ctx, programId, today);
  const keeps = scopeOf(ctx.actor, booksPolicy, 'closePeriod', GROUPS);
  const scope = officer.length ? sql`(${keeps} OR g.id = ANY(${officer}::uuid[]))` : keeps;
  return { monthsToClose: toTaskList(await tasks.monthsToClose(ctx.db, programId, scope, today)) };
}

import type { Ctx } from '../../http/context.js';
import { toTaskList } from '../../http/task-lists.js';
import type { TaskList } from '../../../shared/schemas/home.js';
import { requireUser, scopeOf, type ScopeColumns } from '../platform/index.js';
import { inquiryPolicy, orderPolicy } from './trade.policy.js';
import { marketTasksRepository as tasks } from './tasks.repository.js';

/** The group's side of a trade record `t`: no owner column, so a buyer's own records are not their tasks. */
const GROUP_SIDE: ScopeColumns = { program: 't.program_id', path: 't.area_path', group: 't.group_id' };

export interface MarketTasks {
  inquiriesToAnswer: TaskList;
  ordersToShip: TaskList;
}

/** What waits in the market for the caller on a group's side: inquiries to answer, orders to ship. */
export async function marketTasks(ctx: Ctx, programId: string): Promise<MarketTasks> {
  requireUser(ctx.actor);
  const [inquiries, orders] = await Promise.all([
    tasks.unanswered(ctx.db, programId, scopeOf(ctx.actor, inquiryPolicy, 'reply', GROUP_SIDE)),
    tasks.toShip(ctx.db, programId, scopeOf(ctx.actor, orderPolicy, 'move', GROUP_SIDE)),
  ]);
  return { inquiriesToAnswer: toTaskList(inquiries), ordersToShip: toTaskList(orders) };
}

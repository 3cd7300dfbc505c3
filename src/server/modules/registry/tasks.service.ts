import type { Ctx } from '../../http/context.js';
import { toTaskList } from '../../http/task-lists.js';
import type { TaskList } from '../../../shared/schemas/home.js';
import { requireUser, scopeOf } from '../platform/index.js';
import { groupPolicy } from './registry.policy.js';
import { registryTasksRepository as tasks } from './tasks.repository.js';

/** What waits in the registry for the caller: the groups they may add products to that have none. */
export async function registryTasks(ctx: Ctx, programId: string): Promise<{ groupsWithoutProducts: TaskList }> {
  requireUser(ctx.actor);
  const keeps = scopeOf(ctx.actor, groupPolicy, 'addProduct', {
    program: 'g.program_id',
    path: 'g.area_path',
    group: 'g.id',
  });
  return { groupsWithoutProducts: toTaskList(await tasks.withoutProducts(ctx.db, programId, keeps)) };
}

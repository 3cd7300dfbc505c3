import type { Ctx } from '../../http/context.js';
import type { TasksAnswer } from '../../../shared/schemas/home.js';
import { businessTasks } from '../business/index.js';
import { marketTasks } from '../market/index.js';
import { requireUser } from '../platform/index.js';
import { qualityTasks } from '../quality/index.js';
import { registryTasks } from '../registry/index.js';
import { trainingTasks } from '../training/index.js';

/**
 * What waits for the caller in a program, each module counting its own records within the
 * caller's scope (its policies' `scopeOf`). Every list is answered for every caller: one whose
 * roles give them no such work gets zero, and the home screen shows the lists of the caller's roles.
 */
export async function myTasks(ctx: Ctx, programId: string): Promise<TasksAnswer> {
  requireUser(ctx.actor);
  const [quality, training, market, registry, business] = await Promise.all([
    qualityTasks(ctx, programId),
    trainingTasks(ctx, programId),
    marketTasks(ctx, programId),
    registryTasks(ctx, programId),
    businessTasks(ctx, programId),
  ]);
  return { ...quality, ...training, ...market, ...registry, ...business };
}

import type { Ctx } from '../../http/context.js';
import { toTaskList } from '../../http/task-lists.js';
import { addDays, dateIn } from '../../../shared/dates.js';
import type { TaskList } from '../../../shared/schemas/home.js';
import { requireUser, scopeOf, WHOLE_PROGRAM_PATH } from '../platform/index.js';
import { sessionPolicy } from './training.policy.js';
import { trainingTasksRepository as tasks } from './tasks.repository.js';

export interface TrainingTasks {
  sessionsThisWeek: TaskList;
  attendanceToTake: TaskList;
}

/**
 * What waits in training for the caller: the sessions they run (their own as trainer; every one
 * for the program's own manager) that are on in the coming seven days, and those with attendance
 * still to mark.
 */
export async function trainingTasks(ctx: Ctx, programId: string): Promise<TrainingTasks> {
  requireUser(ctx.actor);
  const today = dateIn(ctx.clock.now());
  const runs = scopeOf(ctx.actor, sessionPolicy, 'markAttendance', {
    program: 's.program_id',
    path: WHOLE_PROGRAM_PATH,
    group: null,
    owner: 's.trainer_id',
  });
  const [week, unmarked] = await Promise.all([
    tasks.between(ctx.db, programId, runs, today, addDays(today, 6)),
    tasks.unmarked(ctx.db, programId, runs, today),
  ]);
  return { sessionsThisWeek: toTaskList(week), attendanceToTake: toTaskList(unmarked) };
}

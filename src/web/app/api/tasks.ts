import type { TasksAnswer } from '../../../shared/schemas/home';
import { api, withQuery } from '../../lib/http';

/** What waits for the signed-in user in a program: counts and the first few records of each kind. */
export type Tasks = TasksAnswer;

export const getTasks = (programId: string, signal?: AbortSignal) =>
  api<Tasks>(withQuery('/api/v1/me/tasks', { programId }), { signal });

import { z } from 'zod';
import { localizedAnswer, uuid } from '../common.schemas.js';

/**
 * What waits for the signed-in user on their home screen (`GET /api/v1/me/tasks`): per kind of
 * work, how many records wait in their scope and the first few of them.
 */

/** One waiting record: its id (the screen it opens), what it is called and the date that matters. */
export const taskItem = z.object({
  id: uuid,
  /** A product's or a course's name in every language it has, or a producer group's name. */
  title: z.union([z.string(), localizedAnswer]),
  /** The producer group the record belongs to, when the title is not the group itself. */
  group: z.string().nullable(),
  /** The date that matters: a session's first day, an expiry, the first month still open. */
  date: z.iso.date().nullable(),
  /** How many of something the record holds (months to close); null where a record is one task. */
  count: z.number().int().nullable(),
});
export type TaskItem = z.infer<typeof taskItem>;

/** How many records wait, and the first few of them (at most `TASK_ITEMS`). */
export const taskList = z.object({ count: z.number().int().min(0), items: z.array(taskItem) });
export type TaskList = z.infer<typeof taskList>;
export const TASK_ITEMS = 5;

/**
 * What must happen before an assessor has anything to score, counted in their scope: groups
 * registered, products added, self-assessments submitted (open assessments, any panel), and open
 * assessments entered on a panel at or below their tier. `panelTier` null: no tier yet.
 */
export const assessorSteps = z.object({
  groups: z.number().int().min(0),
  products: z.number().int().min(0),
  selfAssessed: z.number().int().min(0),
  panelAssigned: z.number().int().min(0),
  panelTier: z.enum(['district', 'province', 'national']).nullable(),
});
export type AssessorSteps = z.infer<typeof assessorSteps>;

export const tasksQuery = z.object({ programId: uuid });

export const tasksAnswer = z.object({
  /** Assessor: open assessments on their panel, ready for scores (self-assessed where the scheme asks it). */
  assessmentsToScore: taskList,
  assessorSteps,
  /** Trainer: sessions they run that are on in the coming seven days. */
  sessionsThisWeek: taskList,
  /** Trainer: sessions they run, started, with a participant's day still unmarked. */
  attendanceToTake: taskList,
  /** Facilitator, program manager, group manager: buyers' inquiries nobody on the group's side has answered. */
  inquiriesToAnswer: taskList,
  /** Facilitator, program manager: groups they keep that have no product yet. */
  groupsWithoutProducts: taskList,
  /** Facilitator, program manager: certificates they keep that expire within 90 days. */
  certificationsExpiring: taskList,
  /** Facilitator, program manager: open assessments no assessor has scored yet. */
  assessmentsAwaitingPanel: taskList,
  /** Group manager, treasurer: ended months still open in the books they keep (items per group). */
  monthsToClose: taskList,
  /** Group manager: confirmed orders not yet shipped. */
  ordersToShip: taskList,
});
export type TasksAnswer = z.infer<typeof tasksAnswer>;

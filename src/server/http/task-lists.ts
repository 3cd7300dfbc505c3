import { TASK_ITEMS, type TaskItem, type TaskList } from '../../shared/schemas/home.js';
import type { Localized } from '../../shared/localized.js';

/**
 * A row of a "what waits" query: the record, and `total`, the count of every row the query
 * matched (`count(*) OVER ()`), so one query gives the count and the first few items.
 */
export interface TaskRow {
  id: string;
  /** A product's or course's localized name, or null when the record is named by its group. */
  title: Localized | null;
  group_name: string | null;
  date: string | null;
  count: number | null;
  total: string | number;
}

/** `LIMIT` of a task query: one more than shown would add nothing; the window count gives the rest. */
export const TASK_LIMIT = TASK_ITEMS;

/** The rows of a task query as a task list: its total and the first few items. */
export function toTaskList(rows: readonly TaskRow[]): TaskList {
  return {
    count: rows.length ? Number(rows[0]!.total) : 0,
    items: rows.slice(0, TASK_ITEMS).map((r): TaskItem => ({
      id: r.id,
      title: r.title ?? r.group_name ?? '',
      group: r.title ? r.group_name : null,
      date: r.date,
      count: r.count === null ? null : Number(r.count),
    })),
  };
}

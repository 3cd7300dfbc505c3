import { api, withQuery } from '../../../lib/http';
import type { IncomeStatement } from './books.types';

export const getIncomeStatement = (groupId: string, period: { from: string; to: string }, signal?: AbortSignal) =>
  api<IncomeStatement>(withQuery(`/api/v1/groups/${groupId}/reports/income-statement`, period), {
    signal,
    quiet: (e) => e.status === 400,
  });

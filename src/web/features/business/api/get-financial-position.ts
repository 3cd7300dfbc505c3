import { api, withQuery } from '../../../lib/http';
import type { FinancialPosition } from './books.types';

export const getFinancialPosition = (groupId: string, at: string, signal?: AbortSignal) =>
  api<FinancialPosition>(withQuery(`/api/v1/groups/${groupId}/reports/financial-position`, { at }), {
    signal,
    quiet: (e) => e.status === 400,
  });

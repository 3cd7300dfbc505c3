import type {
  CashBookAnswer,
  FinancialPositionAnswer,
  IncomeStatementAnswer,
  NotesAnswer,
} from '../../../../shared/schemas/business';
import { api, withQuery } from '../../../lib/http';

export const getIncomeStatement = (groupId: string, period: { from: string; to: string }, signal?: AbortSignal) =>
  api<IncomeStatementAnswer>(withQuery(`/api/v1/groups/${groupId}/reports/income-statement`, period), {
    signal,
    quiet: (e) => e.status === 400,
  });

export const getFinancialPosition = (groupId: string, at: string, signal?: AbortSignal) =>
  api<FinancialPositionAnswer>(withQuery(`/api/v1/groups/${groupId}/reports/financial-position`, { at }), {
    signal,
    quiet: (e) => e.status === 400,
  });

export const getNotes = (groupId: string, query: { from: string; to: string; locale: string }, signal?: AbortSignal) =>
  api<NotesAnswer>(withQuery(`/api/v1/groups/${groupId}/reports/notes`, query), {
    signal,
    quiet: (e) => e.status === 400,
  });

/** The three SAK EMKM statements as one PDF or workbook: a plain link the browser downloads. */
export const statementsUrl = (
  groupId: string,
  query: { format: 'pdf' | 'xlsx'; from: string; to: string; locale: string },
) => withQuery(`/api/v1/groups/${groupId}/reports/statements`, query);

export interface CashBookFilter {
  month: string;
  /** One cash or bank account, or all of them when absent. */
  accountCode?: string | undefined;
}

/** One month of the cash book: opening balance, each movement with the balance after it. */
export const getCashBook = (groupId: string, filter: CashBookFilter, signal?: AbortSignal) =>
  api<CashBookAnswer>(withQuery(`/api/v1/groups/${groupId}/reports/cash-book`, { ...filter }), {
    signal,
    quiet: (e) => e.status === 400,
  });

/** The same month as a PDF or workbook ("buku kas"): a plain link the browser downloads. */
export const cashBookUrl = (groupId: string, query: CashBookFilter & { format: 'pdf' | 'xlsx'; locale: string }) =>
  withQuery(`/api/v1/groups/${groupId}/reports/cash-book/file`, { ...query });

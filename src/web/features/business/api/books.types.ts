import type { z } from 'zod';
import type { hppBody, simpleTransactionBody } from '../../../../shared/schemas/business';
import type { Money } from '../../../lib/http';

// The bookkeeping answers (src/server/modules/business/{books,journal,reports}.service.ts, notes.ts, hpp.ts).

export type Localized = Record<string, string>;
export type SimpleTransaction = z.input<typeof simpleTransactionBody>;
export type TransactionKind = SimpleTransaction['kind'];
export type HppRequest = z.input<typeof hppBody>;

export interface Account {
  id: string;
  code: string;
  name: Localized;
  type: 'asset' | 'liability' | 'equity' | 'revenue' | 'cost_of_goods' | 'expense';
  line: string;
  contra: boolean;
  role: string | null;
  balance?: Money;
}

export interface Books {
  groupId: string;
  currency: string;
  closedThrough: string | null;
  closings: { closedThrough: string; closedBy: string; closedAt: string }[];
  accounts: Account[];
}

export interface JournalLine {
  accountCode: string;
  accountName: Localized;
  debit: Money | null;
  credit: Money | null;
}

export interface JournalEntry {
  id: string;
  groupId: string;
  number: number;
  date: string;
  kind: string;
  memo: string;
  details: Record<string, unknown>;
  source: { type: string; id: string } | null;
  reverses: string | null;
  reversedBy: string | null;
  lines: JournalLine[];
  total: Money;
  postedBy: string;
  postedAt: string;
}

export interface ReportLine {
  line: string;
  amount: Money;
  accounts: { code: string; name: Localized; amount: Money }[];
}

export interface IncomeStatement {
  groupId: string;
  from: string;
  to: string;
  currency: string;
  revenue: ReportLine;
  costOfGoods: ReportLine;
  grossProfit: Money;
  otherIncome: ReportLine;
  expenses: ReportLine;
  profit: Money;
}

export interface FinancialPosition {
  groupId: string;
  at: string;
  currency: string;
  assets: { lines: ReportLine[]; total: Money };
  liabilities: { lines: ReportLine[]; total: Money };
  equity: { lines: ReportLine[]; total: Money };
  liabilitiesAndEquity: Money;
  balanced: boolean;
}

export interface Notes {
  groupId: string;
  from: string;
  to: string;
  locale: string;
  sections: { key: string; title: string; paragraphs: string[] }[];
  details: {
    line: string;
    title: string;
    amount: Money;
    accounts: { code: string; name: string; amount: Money }[];
  }[];
  closedThrough: string | null;
}

export interface HppResult {
  units: string;
  totals: { materials: Money; labour: Money; overhead: Money; total: Money };
  perUnit: { materials: Money; labour: Money; overhead: Money; total: Money };
  markupPercent: string;
  suggestedPrice: Money;
  marginPerUnit: Money;
}

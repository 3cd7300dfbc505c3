import { z } from 'zod';
import { coded } from '../problem-codes.js';
import {
  abilitiesOf,
  isoDate,
  localizedAnswer,
  localizedText,
  moneyAnswer,
  pageOf,
  pageQuery,
  timestamp,
  uuid,
} from '../common.schemas.js';
import { decimalAmount, money } from '../money.js';
import { quantity } from '../quantity.js';
import { countryCode } from './geography.js';
import { MARKETS } from './market.js';

/** Bookkeeping requests (DESIGN §3.6): simple transactions, journal entries, reports, HPP. */

/** A positive amount in the books' currency. */
const amount = money.refine((m) => /[1-9]/.test(m.amount), {
  message: 'must be more than zero',
  params: { code: 'more_than_zero' },
  path: ['amount'],
});
const memo = z.string().trim().max(500).default('');
/** Where money came from or went: the cash box or the bank account. */
const via = z.enum(['cash', 'bank']).default('cash');
/** Paid now (from cash or bank) or owed for later. */
const settlement = z.enum(['cash', 'bank', 'credit']).default('cash');

export const EXPENSE_CATEGORIES = [
  'wages',
  'utilities',
  'transport',
  'packaging_marketing',
  'rent',
  'other_expenses',
] as const;

const base = { id: uuid.optional(), date: isoDate, amount, memo };
/** The cooperative member whose savings these are (a name, as the treasurer writes it in the book). */
const member = z.string().trim().max(200).optional();

/** The one-tap kinds only a cooperative (koperasi) records: its members' savings. */
export const COOPERATIVE_KINDS = [
  'principal_savings_received',
  'mandatory_savings_received',
  'voluntary_savings_received',
  'voluntary_savings_withdrawn',
] as const;

/**
 * What a sale took from stock, for a group that tracks batches: the cost of goods comes from the
 * batches (first to expire first, or the named batch), never from a typed number.
 */
const saleItems = z
  .array(z.strictObject({ productId: uuid, quantity, batchId: uuid.optional() }))
  .min(1)
  .max(20)
  .optional();

/**
 * Where a sale was made, for the program's figures: in the village's own province (local), elsewhere
 * in the country (national) or abroad (export, with the buyer's country when known).
 */
const sold = { market: z.enum(MARKETS).default('local'), destination: countryCode.optional() };
export type SaleMarket = (typeof MARKETS)[number];

/**
 * The transactions a treasurer records with one tap; each posts a balanced entry for them.
 * `costOfGoods` on a sale also moves that cost from finished goods into cost of goods sold.
 */
export const simpleTransactionBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('cash_sale'),
    ...base,
    ...sold,
    via,
    costOfGoods: amount.optional(),
    items: saleItems,
  }),
  z.strictObject({
    kind: z.literal('credit_sale'),
    ...base,
    ...sold,
    customer: z.string().trim().max(200).optional(),
    costOfGoods: amount.optional(),
    items: saleItems,
  }),
  z.strictObject({ kind: z.literal('payment_received'), ...base, via }),
  z.strictObject({ kind: z.literal('material_purchase'), ...base, settlement }),
  /** Raw materials made into finished goods, at their cost. */
  z.strictObject({ kind: z.literal('production'), ...base }),
  z.strictObject({
    kind: z.literal('expense'),
    ...base,
    via,
    category: z.enum(EXPENSE_CATEGORIES).default('other_expenses'),
    /** A group's own expense account (6-xxx; in a country with its own numbering, its code), instead of a category. */
    accountCode: z
      .string()
      .regex(/^(6-\d{3}|[1-9]\d{2,5})$/, coded('not_an_expense_account', 'must be an expense account such as 6-104'))
      .optional(),
  }),
  z.strictObject({ kind: z.literal('supplier_paid'), ...base, via }),
  z.strictObject({ kind: z.literal('owner_capital'), ...base, via }),
  z.strictObject({ kind: z.literal('owner_drawing'), ...base, via }),
  z.strictObject({ kind: z.literal('loan_received'), ...base, via }),
  z.strictObject({ kind: z.literal('loan_repaid'), ...base, via, interest: amount.optional() }),
  /*
   * A cooperative's members' savings (koperasi only): simpanan pokok and wajib are paid in and kept
   * while one is a member; simpanan sukarela is paid in and may be withdrawn, never beyond what is held.
   */
  z.strictObject({ kind: z.literal('principal_savings_received'), ...base, via, member }),
  z.strictObject({ kind: z.literal('mandatory_savings_received'), ...base, via, member }),
  z.strictObject({ kind: z.literal('voluntary_savings_received'), ...base, via, member }),
  z.strictObject({ kind: z.literal('voluntary_savings_withdrawn'), ...base, via, member }),
  /** A fixed asset, depreciated straight-line over its useful life down to its residual value. */
  z.strictObject({
    kind: z.literal('asset_bought'),
    ...base,
    settlement,
    lifeMonths: z.number().int().min(1).max(600),
    residualValue: money.optional(),
  }),
]);
export type SimpleTransactionBody = z.infer<typeof simpleTransactionBody>;
export const SIMPLE_TRANSACTION_KINDS = simpleTransactionBody.options.map((o) => o.shape.kind.value);

const accountCode = z
  .string()
  .regex(/^([1-6]-\d{3}|[1-9]\d{2,5})$/, coded('not_an_account_code', 'must be an account code such as 1-101'));

export const journalLineBody = z
  .strictObject({ accountCode, debit: decimalAmount.optional(), credit: decimalAmount.optional() })
  .refine((l) => (l.debit === undefined) !== (l.credit === undefined), {
    message: 'needs either a debit or a credit',
    params: { code: 'debit_or_credit' },
    path: ['debit'],
  });

export const journalEntryBody = z.strictObject({
  id: uuid.optional(),
  date: isoDate,
  memo: z.string().trim().min(1).max(500),
  lines: z.array(journalLineBody).min(2).max(100),
});
export type JournalEntryBody = z.infer<typeof journalEntryBody>;

export const reverseEntryBody = z.strictObject({
  id: uuid.optional(),
  date: isoDate.optional(),
  memo: z.string().trim().max(500).optional(),
});
export type ReverseEntryBody = z.infer<typeof reverseEntryBody>;

export const journalQuery = pageQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  accountCode: accountCode.optional(),
});
export type JournalQuery = z.infer<typeof journalQuery>;

export const addAccountBody = z.strictObject({
  code: accountCode,
  name: localizedText(200),
  line: z
    .enum([
      'cash_and_equivalents',
      'receivables',
      'inventory',
      'fixed_assets',
      'other_assets',
      'trade_payables',
      'bank_loans',
      'member_savings',
      'shu_funds',
      'other_liabilities',
      'equity',
      'principal_savings',
      'mandatory_savings',
      'drawings',
      'reserves',
      'retained_earnings',
      'undistributed_shu',
      'revenue',
      'other_income',
      'cost_of_goods',
      'expenses',
      'finance_costs',
      'tax_expense',
    ])
    .optional(),
  /** A bank account the group may take below zero (an overdraft facility). */
  overdraft: z.boolean().optional(),
});
export type AddAccountBody = z.infer<typeof addAccountBody>;

/** Depreciation of every fixed asset posted through a month (once per asset and month). */
export const depreciationBody = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, coded('not_a_month', 'must be a month such as 2026-03')),
});

/** A fixed asset sold or scrapped: its cost and depreciation leave the books, with the gain or loss. */
export const disposeAssetBody = z.strictObject({
  id: uuid.optional(),
  date: isoDate,
  /** What it was sold for; none when scrapped. */
  proceeds: money.optional(),
  via,
  memo,
});
export type DisposeAssetBody = z.infer<typeof disposeAssetBody>;

export const inventoryCheckQuery = z.strictObject({ on: isoDate.optional() });

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-03');

/** The books' settings: the UMKM final tax from a month, or null to turn it off. */
export const booksSettingsBody = z.strictObject({ finalTaxFrom: month.nullable() });
export type BooksSettingsBody = z.infer<typeof booksSettingsBody>;

/** "Bayar PPh final": the month's final tax accrued (if not yet) and paid from cash or bank. */
export const finalTaxPaymentBody = z.strictObject({ id: uuid.optional(), month, date: isoDate, via, memo });
export type FinalTaxPaymentBody = z.infer<typeof finalTaxPaymentBody>;

export const closePeriodBody = z.strictObject({
  /** The last month to close, `YYYY-MM`; every earlier month closes with it. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, coded('not_a_month', 'must be a month such as 2026-03')),
});

export const positionQuery = z.object({ at: isoDate.optional(), locale: z.enum(['id', 'en', 'ja']).default('id') });
export const periodQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  locale: z.enum(['id', 'en', 'ja']).default('id'),
});
export const statementsQuery = periodQuery.extend({ format: z.enum(['pdf', 'xlsx']) });

/** The cash book of one month (default: this month) for one cash or bank account, or all of them. */
export const cashBookQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, coded('not_a_month', 'must be a month such as 2026-03'))
    .optional(),
  accountCode: z
    .string()
    .regex(/^(1-\d{3}|1\d{2,5})$/, coded('not_a_cash_account', 'must be a cash or bank account code such as 1-101'))
    .optional(),
});
export type CashBookQuery = z.infer<typeof cashBookQuery>;
export const cashBookFileQuery = cashBookQuery.extend({
  format: z.enum(['pdf', 'xlsx']),
  locale: z.enum(['id', 'en', 'ja']).default('id'),
});

/** Cost of production (HPP) for one production run: direct materials + direct labour + overhead. */
const costItem = z.strictObject({ name: z.string().trim().min(1).max(200), amount: decimalAmount });
/** The highest mark-up on cost the calculator accepts: above 1,000 % is a typing mistake, not a price. */
export const MAX_MARKUP_PERCENT = 1000;
export const hppBody = z
  .strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/, coded('not_a_currency_code', 'must be an ISO 4217 code')),
    units: z
      .string()
      .regex(/^\d{1,9}(\.\d{1,3})?$/, coded('not_a_quantity', 'must be a number of units such as "100"'))
      .refine((u) => /[1-9]/.test(u), coded('more_than_zero', 'must be more than zero')),
    materials: z.array(costItem).max(100).default([]),
    labour: z.array(costItem).max(100).default([]),
    overhead: z.array(costItem).max(100).default([]),
    /** Mark-up on cost, in percent: 29 turns Rp 10,000 into Rp 12,900. */
    markupPercent: z
      .string()
      .regex(/^\d{1,4}(\.\d{1,2})?$/, coded('not_a_percent', 'must be a percent such as "29"'))
      .refine((p) => Number(p) <= MAX_MARKUP_PERCENT, `must be ${MAX_MARKUP_PERCENT} or less: a mark-up on cost`)
      .optional(),
    /**
     * Or the margin on the selling price, in percent: 22.48 turns Rp 10,000 into Rp 12,900. At most
     * 90.9, the margin a 1,000 % mark-up gives.
     */
    marginPercent: z
      .string()
      .regex(/^\d{1,2}(\.\d{1,2})?$/, coded('not_a_percent', 'must be a percent below 100 such as "22.5"'))
      .refine((p) => Number(p) * (100 + MAX_MARKUP_PERCENT) <= 100 * MAX_MARKUP_PERCENT, {
        message: 'must be 90.9 or less: the margin of a 1000 % mark-up on cost',
        params: { code: 'margin_too_high', maximum: 90.9 },
      })
      .optional(),
    /** Round the suggested price up to a multiple of this amount (e.g. "100" rupiah); none when absent. */
    roundTo: decimalAmount.optional(),
  })
  .refine((b) => (b.markupPercent === undefined) !== (b.marginPercent === undefined), {
    message: 'give either a mark-up on cost or a margin on price',
    params: { code: 'markup_or_margin' },
    path: ['markupPercent'],
  });
export type HppBody = z.infer<typeof hppBody>;

/*
 * Answers. The serializer sends only what is listed here, and the web derives its types from them.
 */

/** What the caller may do with a group's books (server decides, web shows the buttons). */
export const BOOK_ACTIONS = ['read', 'post', 'reverse', 'closePeriod', 'addAccount', 'settings'] as const;
export const bookAbilities = abilitiesOf(BOOK_ACTIONS);

export const accountAnswer = z.object({
  id: z.string(),
  code: z.string(),
  name: localizedAnswer,
  type: z.enum(['asset', 'liability', 'equity', 'revenue', 'cost_of_goods', 'expense']),
  line: z.string(),
  contra: z.boolean(),
  role: z.string().nullable(),
  /** A bank account the group may take below zero. */
  overdraft: z.boolean(),
  /** The account's balance on its own side, today. */
  balance: moneyAnswer.optional(),
});

/** A group's books: settings, closings, the chart with balances, and what the caller may do. */
export const booksAnswer = z.object({
  groupId: z.string(),
  currency: z.string(),
  closedThrough: z.string().nullable(),
  closings: z.array(z.object({ closedThrough: z.string(), closedBy: z.string(), closedAt: timestamp })),
  accounts: z.array(accountAnswer),
  /** Whether the group records production batches: then a sale names the products it sold (`items`). */
  tracksBatches: z.boolean(),
  /** The first month (`YYYY-MM`) the UMKM final tax (0.5 % of turnover) applies to; null when off. */
  finalTaxFrom: z.string().nullable(),
  abilities: bookAbilities,
});
export type BooksAnswer = z.infer<typeof booksAnswer>;

export const journalEntryAnswer = z.object({
  id: z.string(),
  groupId: z.string(),
  number: z.number().int(),
  date: z.string(),
  kind: z.string(),
  memo: z.string(),
  /** What the treasurer entered (the simple transaction's fields, or the journal lines). */
  details: z.record(z.string(), z.unknown()),
  /** The record another module posted this entry for (an order shipped). */
  source: z.object({ type: z.string(), id: z.string() }).nullable(),
  reverses: z.string().nullable(),
  reversedBy: z.string().nullable(),
  lines: z.array(
    z.object({
      accountCode: z.string(),
      accountName: localizedAnswer,
      debit: moneyAnswer.nullable(),
      credit: moneyAnswer.nullable(),
    }),
  ),
  total: moneyAnswer,
  /** What the reader should know: a sale that posted no cost of goods has a profit that excludes it. */
  notices: z.array(z.enum(['profit-excludes-cost-of-goods'])),
  postedBy: z.string(),
  postedAt: timestamp,
});
export type JournalEntryAnswer = z.infer<typeof journalEntryAnswer>;
export const journalPage = pageOf(journalEntryAnswer);

/** A fixed asset: cost, depreciation so far and net book value at a date (SAK EMKM: shown net). */
export const assetAnswer = z.object({
  id: z.string(),
  name: z.string(),
  acquiredOn: z.string(),
  lifeMonths: z.number().int(),
  cost: moneyAnswer,
  residualValue: moneyAnswer,
  /** The straight-line charge of a full month. */
  monthlyDepreciation: moneyAnswer,
  accumulatedDepreciation: moneyAnswer,
  netBookValue: moneyAnswer,
  /** The last month depreciation was posted for; null before the first. */
  depreciatedThrough: z.string().nullable(),
  disposedOn: z.string().nullable(),
  /** Whether the reader may sell or scrap it (keeps the books, and it is not disposed of yet). */
  abilities: abilitiesOf(['read', 'dispose']),
});
/** What the reader may do with the fixed assets: post depreciation (those who keep the books). */
const assetsAbilities = abilitiesOf(['read', 'depreciate']);

export const assetsAnswer = z.object({
  groupId: z.string(),
  at: z.string(),
  currency: z.string(),
  items: z.array(assetAnswer),
  totals: z.object({ cost: moneyAnswer, accumulatedDepreciation: moneyAnswer, netBookValue: moneyAnswer }),
  abilities: assetsAbilities,
});

/** Depreciation posted through a month: one entry per asset and month not posted before. */
export const depreciationAnswer = z.object({
  month: z.string(),
  entries: z.array(journalEntryAnswer),
  assets: z.array(assetAnswer),
  abilities: assetsAbilities,
});

/** The books' inventory beside the valuation of stock on hand at cost, on a date. */
export const inventoryCheckAnswer = z.object({
  groupId: z.string(),
  on: z.string(),
  currency: z.string(),
  /** Whether the group records production batches (then the books' finished goods are its stock). */
  tracksBatches: z.boolean(),
  books: z.object({ materials: moneyAnswer, finishedGoods: moneyAnswer }),
  stock: z.object({
    value: moneyAnswer,
    batches: z.array(
      z.object({
        batchId: z.string(),
        lotCode: z.string(),
        productName: localizedAnswer,
        stock: z.string(),
        unit: z.string(),
        value: moneyAnswer,
      }),
    ),
  }),
  /** Books' finished goods less stock valuation: zero when the two ledgers agree. */
  difference: moneyAnswer,
  agrees: z.boolean(),
  /** Whether the reader may post to the books (record stock out, correct an entry). */
  abilities: abilitiesOf(['read', 'post']),
});

/** One line of a statement and the accounts behind it. */
export const reportLineAnswer = z.object({
  line: z.string(),
  amount: moneyAnswer,
  accounts: z.array(z.object({ code: z.string(), name: localizedAnswer, amount: moneyAnswer })),
});
export type ReportLineAnswer = z.infer<typeof reportLineAnswer>;
const reportSection = z.object({ lines: z.array(reportLineAnswer), total: moneyAnswer });

/** The statement of financial position at one date (the answer carries last year's beside it). */
const positionCore = z.object({
  at: z.string(),
  assets: reportSection,
  liabilities: reportSection,
  /** Capital (Modal), drawings (Prive), retained earnings (Saldo laba) and this year's profit. */
  equity: reportSection,
  liabilitiesAndEquity: moneyAnswer,
  balanced: z.boolean(),
});
export const financialPositionAnswer = positionCore.extend({
  groupId: z.string(),
  currency: z.string(),
  /** The same statement one year earlier: the comparative column. */
  previous: positionCore,
});
export type FinancialPositionAnswer = z.infer<typeof financialPositionAnswer>;

/** The income statement of one period (SAK EMKM lines). */
const incomeCore = z.object({
  from: z.string(),
  to: z.string(),
  revenue: reportLineAnswer,
  costOfGoods: reportLineAnswer,
  grossProfit: moneyAnswer,
  otherIncome: reportLineAnswer,
  /** Operating expenses by nature (beban usaha). */
  expenses: reportLineAnswer,
  /** Interest (beban keuangan). */
  financeCosts: reportLineAnswer,
  profitBeforeTax: moneyAnswer,
  taxExpense: reportLineAnswer,
  profit: moneyAnswer,
  /**
   * The UMKM final tax of the period when the group uses it: the turnover it is due on, the tax
   * (0.5 %, month by month) and how much of it is posted; null when the group does not use it.
   */
  finalTax: z.object({ from: z.string(), turnover: moneyAnswer, due: moneyAnswer, posted: moneyAnswer }).nullable(),
});
export const incomeStatementAnswer = incomeCore.extend({
  groupId: z.string(),
  currency: z.string(),
  /** A koperasi's statement (members' savings, SHU), not a cooperative on its country's micro chart. */
  keepsMembersSavings: z.boolean(),
  /** The same period one year earlier: the comparative column. */
  previous: incomeCore,
});
export type IncomeStatementAnswer = z.infer<typeof incomeStatementAnswer>;

const accountRef = z.object({ code: z.string(), name: localizedAnswer });
/** A month of the cash book: opening balance, each movement with the balance after it, closing. */
export const cashBookAnswer = z.object({
  groupId: z.string(),
  currency: z.string(),
  month: z.string(),
  from: z.string(),
  to: z.string(),
  accounts: z.array(accountRef),
  choices: z.array(accountRef),
  opening: moneyAnswer,
  rows: z.array(
    z.object({
      entryId: z.string(),
      number: z.number().int(),
      date: z.string(),
      kind: z.string(),
      memo: z.string(),
      reverses: z.string().nullable(),
      moneyIn: moneyAnswer.nullable(),
      moneyOut: moneyAnswer.nullable(),
      balance: moneyAnswer,
    }),
  ),
  totalIn: moneyAnswer,
  totalOut: moneyAnswer,
  closing: moneyAnswer,
});
export type CashBookAnswer = z.infer<typeof cashBookAnswer>;

/** The notes to the statements, in the reader's language. */
export const notesAnswer = z.object({
  groupId: z.string(),
  from: z.string(),
  to: z.string(),
  /** The comparative period: the same dates one year earlier. */
  previousFrom: z.string(),
  previousTo: z.string(),
  locale: z.string(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), paragraphs: z.array(z.string()) })),
  /** Every line of both statements with the accounts behind it, this period and the previous. */
  details: z.array(
    z.object({
      statement: z.enum(['position', 'income']),
      line: z.string(),
      title: z.string(),
      amount: moneyAnswer,
      previous: moneyAnswer,
      accounts: z.array(z.object({ code: z.string(), name: z.string(), amount: moneyAnswer, previous: moneyAnswer })),
    }),
  ),
  /** Who prepares (the treasurer) and approves (the chair) the statements; null when the group has none. */
  signatures: z.object({ preparedBy: z.string().nullable(), approvedBy: z.string().nullable() }),
  closedThrough: z.string().nullable(),
});
export type NotesAnswer = z.infer<typeof notesAnswer>;

const costParts = z.object({ materials: moneyAnswer, labour: moneyAnswer, overhead: moneyAnswer, total: moneyAnswer });
export const hppAnswer = z.object({
  units: z.string(),
  totals: costParts,
  perUnit: costParts,
  /** The mark-up on cost: as entered, or the one the entered margin gives. */
  markupPercent: z.string(),
  /** The margin on the selling price at the suggested price (after rounding), two decimals. */
  marginPercent: z.string(),
  /** Which of the two the user entered. */
  basis: z.enum(['markup', 'margin']),
  suggestedPrice: moneyAnswer,
  /** Profit per unit at the suggested price. */
  marginPerUnit: moneyAnswer,
});
export type HppAnswer = z.infer<typeof hppAnswer>;

import type { Queryable } from '../../db/database.js';
import { inSnapshot, type Ctx, type TxCtx } from '../../http/context.js';
import { dateIn } from '../../../shared/dates.js';
import { invalid } from '../../http/errors.js';
import { fromMinor, type Money } from '../../../shared/money.js';
import { packOf } from '../../packs/index.js';
import { programById } from '../programs/index.js';
import { booksFor, type Books } from './books.service.js';
import { finalTaxOver } from './final-tax.service.js';
import {
  chartTemplate,
  INCOME_LINES,
  keepsMembersSavings,
  POSITION_LINES,
  type AccountType,
} from './chart-templates.js';
import { ledgerRepository, type AccountRow } from './ledger.repository.js';
import { reportsRepository, type SplitBalanceRow } from './reports.repository.js';

/**
 * The SAK EMKM statements (statement of financial position, income statement, notes) computed from
 * the journal: one grouped sum over the report index, then exact bigint arithmetic. No closing
 * entries are needed: the financial year is the calendar year, and at read time the profit of past
 * years rolls into retained earnings (saldo laba) while this year's shows as its own equity line
 * (laba tahun berjalan). Each statement carries the same statement one year earlier beside it.
 */
interface AccountAmount {
  code: string;
  name: Record<string, string>;
  minor: bigint;
}
interface LineAmount {
  line: string;
  minor: bigint;
  accounts: AccountAmount[];
}

/** Assets and costs grow on the debit side; liabilities, equity and revenue on the credit side. */
const DEBIT_SIDE: ReadonlySet<AccountType> = new Set(['asset', 'cost_of_goods', 'expense']);
const INCOME_TYPES: ReadonlySet<AccountType> = new Set(['revenue', 'cost_of_goods', 'expense']);

/** What profit of past years is called beside the posted retained earnings, in the notes. */
const PRIOR_YEARS = {
  id: 'Laba tahun-tahun sebelumnya',
  en: 'Profit of prior years',
  ja: '前期までの利益',
};
const PRIOR_YEARS_SHU = { id: 'SHU tahun-tahun sebelumnya', en: 'SHU of prior years', ja: '前期までの剰余金' };

function addTo(lines: Map<string, LineAmount>, key: string, account: AccountAmount | null, minor: bigint) {
  if (minor === 0n) return;
  const line = lines.get(key) ?? { line: key, minor: 0n, accounts: [] };
  line.minor += minor;
  if (account) line.accounts.push(account);
  lines.set(key, line);
}

const sortAccounts = (lines: Map<string, LineAmount>) => {
  for (const line of lines.values()) line.accounts.sort((a, b) => a.code.localeCompare(b.code));
  return lines;
};

/** An account's amount on its statement side: debits less credits for assets and costs, else the reverse. */
const onSide = (account: AccountRow, debit: bigint, credit: bigint) =>
  DEBIT_SIDE.has(account.type) ? debit - credit : credit - debit;

const sum = (lines: LineAmount[]) => lines.reduce((s, l) => s + l.minor, 0n);

function present(currency: string) {
  const m = (minor: bigint): Money => fromMinor(minor, currency);
  return {
    m,
    line: (l: LineAmount) => ({
      line: l.line,
      amount: m(l.minor),
      accounts: l.accounts.map((a) => ({ code: a.code, name: a.name, amount: m(a.minor) })),
    }),
  };
}

const pick = (lines: Map<string, LineAmount>, keys: readonly string[]) =>
  keys.map((k) => lines.get(k)).filter((l): l is LineAmount => !!l);

/**
 * Whether the statements are a koperasi's (members' savings, SHU): a cooperative whose chart keeps
 * its members' savings. Unopened books are read from the template the chart will open on.
 */
async function keepsSavings(db: Queryable, books: Books): Promise<boolean> {
  if (books.group.kind !== 'cooperative') return false;
  if (books.opened) return keepsMembersSavings(await ledgerRepository.accounts(db, books.group.id));
  const program = await programById(db, books.group.program_id);
  return keepsMembersSavings(chartTemplate(program?.country ?? 'ID', books.group.kind));
}

/** The same day one year earlier (29 February falls back to the 28th): the comparative period. */
export function yearBefore(date: string): string {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${monthDay}`;
}

/** The first day of a date's calendar year: where this year's profit starts. */
const yearStartOf = (date: string) => `${date.slice(0, 4)}-01-01`;

/** The statement of financial position at a date, from each account's totals split at its year's start. */
function positionAt(books: Books, accounts: AccountRow[], balances: SplitBalanceRow[], at: string) {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const cooperative = books.group.kind === 'cooperative' && keepsMembersSavings(accounts);
  const retainedLine = accounts.find((a) => a.role === 'retained_earnings')?.line ?? 'retained_earnings';
  const lines = new Map<string, LineAmount>();
  let priorProfit = 0n;
  let currentProfit = 0n;
  for (const b of balances) {
    const account = byId.get(b.account_id)!;
    const [debitBefore, creditBefore, debit, credit] = [b.debit_before, b.credit_before, b.debit, b.credit].map(
      BigInt,
    ) as [bigint, bigint, bigint, bigint];
    if (INCOME_TYPES.has(account.type)) {
      priorProfit += creditBefore - debitBefore;
      currentProfit += credit - debit;
      continue;
    }
    const minor = onSide(account, debitBefore + debit, creditBefore + credit);
    addTo(lines, account.line, { code: account.code, name: account.name, minor }, minor);
  }
  addTo(
    lines,
    retainedLine,
    { code: '', name: cooperative ? PRIOR_YEARS_SHU : PRIOR_YEARS, minor: priorProfit },
    priorProfit,
  );
  sortAccounts(lines);
  const assets = pick(lines, POSITION_LINES.asset);
  const liabilities = pick(lines, POSITION_LINES.liability);
  const equity = pick(lines, POSITION_LINES.equity);
  // This year's profit is printed even when nil: the reader looks for the line.
  equity.push({ line: cooperative ? 'current_shu' : 'current_profit', minor: currentProfit, accounts: [] });
  const p = present(books.book.currency);
  const totalAssets = sum(assets);
  const totalClaims = sum(liabilities) + sum(equity);
  return {
    at,
    assets: { lines: assets.map(p.line), total: p.m(totalAssets) },
    liabilities: { lines: liabilities.map(p.line), total: p.m(sum(liabilities)) },
    equity: { lines: equity.map(p.line), total: p.m(sum(equity)) },
    liabilitiesAndEquity: p.m(totalClaims),
    balanced: totalAssets === totalClaims,
  };
}

/** The income statement of [from, to], from each account's totals in that period. */
function incomeOver(
  books: Books,
  accounts: AccountRow[],
  balances: SplitBalanceRow[],
  from: string,
  to: string,
  finalTax: Awaited<ReturnType<typeof finalTaxOver>>,
) {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const lines = new Map<string, LineAmount>();
  for (const b of balances) {
    const account = byId.get(b.account_id)!;
    if (!INCOME_TYPES.has(account.type)) continue;
    const minor = onSide(account, BigInt(b.debit), BigInt(b.credit));
    addTo(lines, account.line, { code: account.code, name: account.name, minor }, minor);
  }
  sortAccounts(lines);
  const [revenue, costOfGoods, otherIncome, expenses, financeCosts, taxExpense] = INCOME_LINES.map(
    (k) => lines.get(k) ?? { line: k, minor: 0n, accounts: [] },
  ) as [LineAmount, LineAmount, LineAmount, LineAmount, LineAmount, LineAmount];
  const gross = revenue.minor - costOfGoods.minor;
  const beforeTax = gross + otherIncome.minor - expenses.minor - financeCosts.minor;
  const p = present(books.book.currency);
  return {
    from,
    to,
    revenue: p.line(revenue),
    costOfGoods: p.line(costOfGoods),
    grossProfit: p.m(gross),
    otherIncome: p.line(otherIncome),
    expenses: p.line(expenses),
    financeCosts: p.line(financeCosts),
    profitBeforeTax: p.m(beforeTax),
    taxExpense: p.line(taxExpense),
    profit: p.m(beforeTax - taxExpense.minor),
    finalTax,
  };
}

/** The statement of financial position at a date, beside the same date one year earlier. */
export async function computeFinancialPosition(db: Queryable, books: Books, at: string) {
  const before = yearBefore(at);
  const accounts = await ledgerRepository.accounts(db, books.group.id);
  const [now, then] = await reportsRepository.balancesSplit(db, books.group.id, [
    { split: yearStartOf(at), to: at },
    { split: yearStartOf(before), to: before },
  ]);
  const current = positionAt(books, accounts, now!, at);
  const previous = positionAt(books, accounts, then!, before);
  return { groupId: books.group.id, currency: books.book.currency, ...current, previous };
}

/** The income statement of a period, beside the same period one year earlier. */
export async function computeIncomeStatement(db: Queryable, books: Books, from: string, to: string) {
  const [fromBefore, toBefore] = [yearBefore(from), yearBefore(to)];
  const accounts = await ledgerRepository.accounts(db, books.group.id);
  const [now, then] = await reportsRepository.balancesSplit(
    db,
    books.group.id,
    [
      { split: from, to },
      { split: fromBefore, to: toBefore },
    ],
    { periodOnly: true },
  );
  const current = incomeOver(books, accounts, now!, from, to, await finalTaxOver(db, books, from, to));
  const previous = incomeOver(
    books,
    accounts,
    then!,
    fromBefore,
    toBefore,
    await finalTaxOver(db, books, fromBefore, toBefore),
  );
  return {
    groupId: books.group.id,
    currency: books.book.currency,
    keepsMembersSavings: await keepsSavings(db, books),
    ...current,
    previous,
  };
}

/**
 * A report period: `to` defaults to today, `from` to the first day of the fiscal year `to` falls in
 * (January by default; July in Kenya, April in Japan: `startMonth` from the country's pack).
 */
function periodOf(query: { from?: string | undefined; to?: string | undefined }, today: string, startMonth = 1) {
  const to = query.to ?? today;
  const year = Number(to.slice(0, 4));
  const fiscalYear = Number(to.slice(5, 7)) >= startMonth ? year : year - 1;
  const from = query.from ?? `${fiscalYear}-${String(startMonth).padStart(2, '0')}-01`;
  if (from > to) throw invalid([{ path: 'query.from', code: 'from_after_to', message: 'must not be after `to`' }]);
  return { from, to };
}

/** The period of a group's report, its default starting when the fiscal year of its program's country does. */
export async function reportPeriod(
  tx: TxCtx,
  books: Books,
  query: { from?: string | undefined; to?: string | undefined },
) {
  const program = await programById(tx.db, books.group.program_id);
  const startMonth = (program && packOf(program.country)?.pack.fiscalYearStartMonth) ?? 1;
  return periodOf(query, dateIn(tx.clock.now()), startMonth);
}

export async function getFinancialPosition(ctx: Ctx, groupId: string, at?: string) {
  return inSnapshot(ctx, async (tx) =>
    computeFinancialPosition(tx.db, await booksFor(tx, groupId, 'read'), at ?? dateIn(tx.clock.now())),
  );
}

export async function getIncomeStatement(ctx: Ctx, groupId: string, query: { from?: string; to?: string }) {
  return inSnapshot(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'read');
    const { from, to } = await reportPeriod(tx, books, query);
    return computeIncomeStatement(tx.db, books, from, to);
  });
}

/**
 * Everything SAK EMKM asks for one period, for the notes and the printed statements: the position
 * at the period's end, the income statement, both with last year's figures, and who signs them.
 */
export async function computeStatements(db: Queryable, books: Books, from: string, to: string) {
  const position = await computeFinancialPosition(db, books, to);
  const income = await computeIncomeStatement(db, books, from, to);
  const officers = await reportsRepository.officers(db, books.group.id, to);
  return {
    group: books.group,
    book: books.book,
    /** A koperasi's statements (members' savings, SHU), not a cooperative on its country's micro chart. */
    keepsMembersSavings: await keepsSavings(db, books),
    position,
    income,
    signatures: {
      preparedBy: officers.find((o) => o.role === 'treasurer')?.name ?? null,
      approvedBy: officers.find((o) => o.role === 'chair')?.name ?? null,
    },
  };
}
export type Statements = Awaited<ReturnType<typeof computeStatements>>;
export type StatementLineAmount = Statements['position']['assets']['lines'][number];

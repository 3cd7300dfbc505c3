import type { Queryable } from '../../db/database.js';
import { inTransaction, type Ctx } from '../../http/context.js';
import { dateIn } from '../../../shared/dates.js';
import { invalid } from '../../http/errors.js';
import { fromMinor, type Money } from '../../../shared/money.js';
import { booksFor, type Books } from './books.service.js';
import { INCOME_LINES, POSITION_LINES, type AccountType } from './chart-templates.js';
import { ledgerRepository, type AccountRow } from './ledger.repository.js';

/**
 * The SAK EMKM statements (statement of financial position, income statement, notes) computed from
 * the journal: one grouped sum over the report index, then exact bigint arithmetic. No closing
 * entries are needed: profit not yet moved to retained earnings shows as its own equity line.
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

async function amountsByLine(
  db: Queryable,
  groupId: string,
  from: string | null,
  to: string,
): Promise<{ accounts: AccountRow[]; lines: Map<string, LineAmount> }> {
  const accounts = await ledgerRepository.accounts(db, groupId);
  const balances = await ledgerRepository.balances(db, groupId, from, to);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const lines = new Map<string, LineAmount>();
  for (const b of balances) {
    const account = byId.get(b.account_id)!;
    const net = BigInt(b.debit) - BigInt(b.credit);
    const minor = DEBIT_SIDE.has(account.type) ? net : -net;
    if (minor === 0n) continue;
    const line = lines.get(account.line) ?? { line: account.line, minor: 0n, accounts: [] };
    line.minor += minor;
    line.accounts.push({ code: account.code, name: account.name, minor });
    lines.set(account.line, line);
  }
  for (const line of lines.values()) line.accounts.sort((a, b) => a.code.localeCompare(b.code));
  return { accounts, lines };
}

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

export async function computeFinancialPosition(db: Queryable, books: Books, at: string) {
  const { lines } = await amountsByLine(db, books.group.id, null, at);
  const assets = pick(lines, POSITION_LINES.asset);
  const liabilities = pick(lines, POSITION_LINES.liability);
  const equity = pick(lines, POSITION_LINES.equity);
  const earnings = sum(pick(lines, ['revenue', 'other_income'])) - sum(pick(lines, ['cost_of_goods', 'expenses']));
  if (earnings !== 0n) equity.push({ line: 'accumulated_profit', minor: earnings, accounts: [] });
  const p = present(books.book.currency);
  const totalAssets = sum(assets);
  const totalClaims = sum(liabilities) + sum(equity);
  return {
    groupId: books.group.id,
    at,
    currency: books.book.currency,
    assets: { lines: assets.map(p.line), total: p.m(totalAssets) },
    liabilities: { lines: liabilities.map(p.line), total: p.m(sum(liabilities)) },
    equity: { lines: equity.map(p.line), total: p.m(sum(equity)) },
    liabilitiesAndEquity: p.m(totalClaims),
    balanced: totalAssets === totalClaims,
  };
}

export async function computeIncomeStatement(db: Queryable, books: Books, from: string, to: string) {
  const { lines } = await amountsByLine(db, books.group.id, from, to);
  const [revenue, otherIncome, costOfGoods, expenses] = INCOME_LINES.map(
    (k) => lines.get(k) ?? { line: k, minor: 0n, accounts: [] },
  ) as [LineAmount, LineAmount, LineAmount, LineAmount];
  const gross = revenue.minor - costOfGoods.minor;
  const p = present(books.book.currency);
  return {
    groupId: books.group.id,
    from,
    to,
    currency: books.book.currency,
    revenue: p.line(revenue),
    costOfGoods: p.line(costOfGoods),
    grossProfit: p.m(gross),
    otherIncome: p.line(otherIncome),
    expenses: p.line(expenses),
    profit: p.m(gross + otherIncome.minor - expenses.minor),
  };
}

/** A report period: `to` defaults to today, `from` to the first of January of `to`'s year. */
export function periodOf(query: { from?: string | undefined; to?: string | undefined }, today: string) {
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalid([{ path: 'query.from', message: 'must not be after `to`' }]);
  return { from, to };
}

export async function getFinancialPosition(ctx: Ctx, groupId: string, at?: string) {
  return inTransaction(ctx, async (tx) =>
    computeFinancialPosition(tx.db, await booksFor(tx, groupId, 'read'), at ?? dateIn(tx.clock.now())),
  );
}

export async function getIncomeStatement(ctx: Ctx, groupId: string, query: { from?: string; to?: string }) {
  const { from, to } = periodOf(query, dateIn(ctx.clock.now()));
  return inTransaction(ctx, async (tx) => computeIncomeStatement(tx.db, await booksFor(tx, groupId, 'read'), from, to));
}

/** Everything SAK EMKM asks for one period, for the notes and the printed statements. */
export async function computeStatements(db: Queryable, books: Books, from: string, to: string) {
  const position = await computeFinancialPosition(db, books, to);
  const income = await computeIncomeStatement(db, books, from, to);
  return { group: books.group, book: books.book, position, income };
}
export type Statements = Awaited<ReturnType<typeof computeStatements>>;

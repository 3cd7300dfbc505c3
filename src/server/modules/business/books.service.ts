import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import type { Tx } from '../../db/database.js';
import { inSnapshot, inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { abilities, authorize, can } from '../platform/index.js';
import { bookkeepingOfficesOf, programById } from '../programs/index.js';
import { groupById, groupTarget, officeOf, type GroupRow } from '../registry/index.js';
import type { AddAccountBody } from '../../../shared/schemas/business.js';
import { dateIn } from '../../../shared/dates.js';
import { fromMinor } from '../../../shared/money.js';
import { booksPolicy, officerBooksPolicy, type BookAction } from './business.policy.js';
import { chartTemplate, DEFAULT_LINE, exampleCode, LINES_OF_TYPE, typeInCountry } from './chart-templates.js';
import { batchesRepository } from './batches.repository.js';
import { ledgerRepository, type AccountRow, type BookRow, type LockedBook } from './ledger.repository.js';

export interface Books {
  group: GroupRow;
  book: BookRow;
  /** False until the first write opens them: until then a reader sees the template chart, all zero. */
  opened: boolean;
  /** The books already locked by this command (a posting's lock, taken as they were opened). */
  locked?: LockedBook;
}

/**
 * The id of a template account in a group's chart: the same whether the chart is only shown
 * (books not opened yet) or written when they open, so an id a reader saw stays true.
 */
const CHART_NAMESPACE = '5b0c6f4e-2a7d-4c1e-9a53-6f0d3c8b1e27';
const templateAccountId = (groupId: string, code: string) => uuidv5(`${groupId}/${code}`, CHART_NAMESPACE);

async function unopenedBooks(db: Tx, group: GroupRow) {
  const program = await programById(db, group.program_id);
  if (!program) throw notFound('Program');
  const chart = chartTemplate(program.country, group.kind);
  return {
    book: {
      group_id: group.id,
      currency: program.currency,
      closed_through: null,
      final_tax_from: null,
    } satisfies BookRow,
    chart,
    accounts: chart
      .map((a): AccountRow => ({
        id: templateAccountId(group.id, a.code),
        group_id: group.id,
        code: a.code,
        name: a.name,
        type: a.type,
        line: a.line,
        contra: a.contra ?? false,
        role: a.role,
        overdraft: false,
      }))
      // In code order, as stored charts are read.
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/**
 * Groups whose stored chart held every account of this process's templates when last looked at.
 * Accounts are never removed, and only a look that added nothing is noted (an addition may yet roll
 * back), so a group noted here needs no look again until the next start brings new templates.
 * Spares each posting two statements (the program, the look).
 */
const chartsComplete = new Set<string>();
const CHARTS_NOTED = 100_000;
function noteChartComplete(groupId: string) {
  if (chartsComplete.size >= CHARTS_NOTED) chartsComplete.clear();
  chartsComplete.add(groupId);
}

/**
 * Opens a group's books with its country's chart, inside the first command that writes to them.
 * Reads never open them: they answer the books as they would open.
 */
export async function openBooks(db: Tx, group: GroupRow): Promise<BookRow> {
  const existing = await ledgerRepository.book(db, group.id);
  return existing && chartsComplete.has(group.id) ? existing : completeBooks(db, group, existing);
}

/**
 * The books for a command that posts: opened as `openBooks` does, and locked for the posting. Books
 * already open with a complete chart are read and locked in one statement, the lock a posting takes
 * anyway (always before any batch's lock, so postings never wait on each other in a circle).
 */
async function booksToPost(db: Tx, group: GroupRow): Promise<Pick<Books, 'book' | 'locked'>> {
  if (chartsComplete.has(group.id)) {
    const locked = await ledgerRepository.lockIfOpen(db, group.id);
    if (locked) return { book: locked, locked };
  }
  return { book: await openBooks(db, group) };
}

async function completeBooks(db: Tx, group: GroupRow, existing: BookRow | undefined): Promise<BookRow> {
  const { book, accounts } = await unopenedBooks(db, group);
  if (existing) {
    if ((await ledgerRepository.addMissingRoles(db, group.id, accounts)) === 0) noteChartComplete(group.id);
    return existing;
  }
  const opened = await ledgerRepository.open(db, book, accounts);
  if (opened) return opened;
  // Another command opened them between our look and our insert; its books are the books.
  const raced = await ledgerRepository.book(db, group.id);
  if (!raced) throw new Error(`The books of group ${group.id} neither opened nor exist.`);
  return raced;
}

/**
 * The group's books when the actor may do `action` on them (404 outside scope, 403 when they may
 * only read). A write action opens them in the command's transaction; `read` writes nothing.
 */
export async function booksFor(tx: TxCtx, groupId: string, action: BookAction): Promise<Books> {
  const group = await groupById(tx.db, groupId);
  if (!group) throw notFound('Producer group');
  const target = groupTarget(group);
  const officer =
    action !== 'read' &&
    !can(tx.actor, booksPolicy, action, target) &&
    can(tx.actor, officerBooksPolicy, action, target) &&
    (await keepsBooksByOffice(tx, group));
  if (!officer) authorize(tx.actor, booksPolicy, action, target);
  if (action === 'post') return { group, ...(await booksToPost(tx.db, group)), opened: true };
  if (action !== 'read') return { group, book: await openBooks(tx.db, group), opened: true };
  const stored = await ledgerRepository.book(tx.db, groupId);
  if (stored) return { group, book: stored, opened: true };
  return { group, book: (await unopenedBooks(tx.db, group)).book, opened: false };
}

/**
 * Whether the actor's account is linked to a member of the group who holds an office the program
 * lets keep the books (chair and treasurer by default).
 */
async function keepsBooksByOffice(tx: TxCtx, group: GroupRow): Promise<boolean> {
  if (tx.actor.kind !== 'user') return false;
  const office = await officeOf(tx.db, group.id, tx.actor.id, dateIn(tx.clock.now()));
  if (!office) return false;
  return (await bookkeepingOfficesOf(tx.db, group.program_id)).includes(office);
}

/** What the actor may do with the books: as a manager or facilitator, or as the group's officer. */
export async function bookAbilities(tx: TxCtx, group: GroupRow) {
  const target = groupTarget(group);
  const base = abilities(tx.actor, booksPolicy, target);
  if (!can(tx.actor, officerBooksPolicy, 'post', target) || !(await keepsBooksByOffice(tx, group))) return base;
  const officer = abilities(tx.actor, officerBooksPolicy, target);
  return Object.fromEntries(
    Object.entries(base).map(([action, allowed]) => [action, allowed || officer[action as BookAction]]),
  ) as typeof base;
}

/** The group's chart of accounts: as stored, or the template it will open with. */
export async function chartOf(db: Tx, books: Books): Promise<AccountRow[]> {
  if (books.opened) return ledgerRepository.accounts(db, books.group.id);
  return (await unopenedBooks(db, books.group)).accounts;
}

export function presentAccount(row: AccountRow, balanceMinor: bigint | undefined, currency: string) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    line: row.line,
    contra: row.contra,
    role: row.role,
    overdraft: row.overdraft,
    ...(balanceMinor === undefined ? {} : { balance: fromMinor(balanceMinor, currency) }),
  };
}

/** An account's balance on its own side: debit-minus-credit for assets and costs, else the reverse. */
export function signedBalance(account: Pick<AccountRow, 'type' | 'contra'>, debit: bigint, credit: bigint): bigint {
  const debitNormal = account.type === 'asset' || account.type === 'cost_of_goods' || account.type === 'expense';
  const natural = debitNormal ? debit - credit : credit - debit;
  return account.contra ? -natural : natural;
}

/** The books' settings, closings and chart with each account's balance today, and what the reader may do. */
export async function presentBooks(tx: TxCtx, books: Books) {
  const groupId = books.group.id;
  const today = dateIn(tx.clock.now());
  // One connection per transaction: its queries go one after another.
  const accounts = await chartOf(tx.db, books);
  const balances = books.opened ? await ledgerRepository.balances(tx.db, groupId, null, today) : [];
  const closings = books.opened ? await ledgerRepository.closings(tx.db, groupId) : [];
  const byAccount = new Map(balances.map((b) => [b.account_id, b]));
  return {
    groupId,
    currency: books.book.currency,
    closedThrough: books.book.closed_through,
    closings: closings.map((c) => ({
      closedThrough: c.closed_through,
      closedBy: c.closed_by,
      closedAt: c.closed_at.toISOString(),
    })),
    accounts: accounts.map((a) => {
      const b = byAccount.get(a.id);
      return presentAccount(a, b ? signedBalance(a, BigInt(b.debit), BigInt(b.credit)) : 0n, books.book.currency);
    }),
    /** Whether the group records production batches: then a sale names what it sold (`items`). */
    tracksBatches: await batchesRepository.tracksBatches(tx.db, groupId),
    finalTaxFrom: books.book.final_tax_from,
    abilities: await bookAbilities(tx, books.group),
  };
}

export async function getBooks(ctx: Ctx, groupId: string) {
  return inSnapshot(ctx, async (tx) => presentBooks(tx, await booksFor(tx, groupId, 'read')));
}

/** A group's own account, e.g. 6-108 Beban sertifikasi halal. */
export async function addAccount(ctx: Ctx, groupId: string, body: AddAccountBody) {
  return inTransaction(ctx, async (tx) => {
    const { book, group } = await booksFor(tx, groupId, 'addAccount');
    const country = (await programById(tx.db, group.program_id))?.country ?? 'ID';
    const type = typeInCountry(country, body.code);
    // A code of the program's country's numbering: `N-NNN` classes, or the country's own (Vietnam's 6421).
    if (!type) {
      const example = exampleCode(country);
      throw invalid([
        {
          path: 'code',
          code: 'not_an_account_code',
          params: { example },
          message: `must be an account code such as ${example}`,
        },
      ]);
    }
    // An account adds up into a line of its own class: a 1-xxx account is never revenue.
    if (body.line && !LINES_OF_TYPE[type].includes(body.line)) {
      throw invalid([
        {
          path: 'line',
          code: 'account_line',
          params: { lines: LINES_OF_TYPE[type].join(', ') },
          message: `must be one of ${LINES_OF_TYPE[type].join(', ')} for a ${body.code} account`,
        },
      ]);
    }
    const line = body.line ?? DEFAULT_LINE[type];
    // Only a bank account may be an overdraft: the deliberate way to take money below zero.
    if (body.overdraft && line !== 'cash_and_equivalents') {
      throw invalid([
        {
          path: 'overdraft',
          code: 'overdraft_cash_only',
          message: 'is only for a cash or bank account (line cash_and_equivalents)',
        },
      ]);
    }
    const added = await ledgerRepository.addAccount(tx.db, {
      id: uuidv7(),
      group_id: groupId,
      code: body.code,
      name: body.name,
      type,
      line,
      contra: false,
      overdraft: body.overdraft ?? false,
    });
    if (!added)
      throw conflict(
        `Account ${body.code} already exists in this group's chart.`,
        {},
        { code: 'account-exists', params: { code: body.code } },
      );
    return presentAccount(added, 0n, book.currency);
  });
}

/** The last day of a `YYYY-MM` month. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
}

import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { conflict, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { programsRepository } from '../programs/index.js';
import { groupsRepository, groupTarget, type GroupRow } from '../registry/index.js';
import type { AddAccountBody } from '../../../shared/schemas/business.js';
import { fromMinor } from '../../../shared/money.js';
import { assertMayKeepBooks, assertMayReadBooks } from './business.policy.js';
import { chartTemplate, DEFAULT_LINE, LINES_OF_TYPE, typeOfCode } from './chart-templates.js';
import { ledgerRepository, type AccountRow, type BookRow } from './ledger.repository.js';

export interface Books {
  group: GroupRow;
  book: BookRow;
}

/** A group's books, opened with its country's chart the first time anyone reaches them. */
export async function openBooks(db: Queryable, group: GroupRow): Promise<BookRow> {
  const existing = await ledgerRepository.book(db, group.id);
  if (existing) return existing;
  const program = await programsRepository.byId(db, group.program_id);
  if (!program) throw notFound('Program');
  const chart = chartTemplate(program.country);
  await ledgerRepository.open(
    db,
    group.id,
    program.currency,
    chart,
    chart.map(() => uuidv7()),
  );
  return (await ledgerRepository.book(db, group.id))!;
}

/** The group's books when the actor may read (or, with `write`, keep) them; 404 otherwise. */
export async function booksFor(
  ctx: Pick<Ctx, 'actor'> & { db: Queryable },
  groupId: string,
  access: 'read' | 'write',
): Promise<Books> {
  const group = await groupsRepository.byId(ctx.db, groupId);
  if (!group) throw notFound('Producer group');
  if (access === 'write') assertMayKeepBooks(ctx.actor, groupTarget(group));
  else assertMayReadBooks(ctx.actor, groupTarget(group));
  return { group, book: await openBooks(ctx.db, group) };
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
    ...(balanceMinor === undefined ? {} : { balance: fromMinor(balanceMinor, currency) }),
  };
}

/** An account's balance on its own side: debit-minus-credit for assets and costs, else the reverse. */
export function signedBalance(account: Pick<AccountRow, 'type' | 'contra'>, debit: bigint, credit: bigint): bigint {
  const debitNormal = account.type === 'asset' || account.type === 'cost_of_goods' || account.type === 'expense';
  const natural = debitNormal ? debit - credit : credit - debit;
  return account.contra ? -natural : natural;
}

/** The books' settings, closings and chart with each account's balance today. */
export async function getBooks(ctx: Ctx, groupId: string, today = new Date().toISOString().slice(0, 10)) {
  return ctx.db.transaction(async (tx) => {
    const { book } = await booksFor({ ...ctx, db: tx }, groupId, 'read');
    // One connection per transaction: its queries go one after another.
    const accounts = await ledgerRepository.accounts(tx, groupId);
    const balances = await ledgerRepository.balances(tx, groupId, null, today);
    const closings = await ledgerRepository.closings(tx, groupId);
    const byAccount = new Map(balances.map((b) => [b.account_id, b]));
    return {
      groupId,
      currency: book.currency,
      closedThrough: book.closed_through,
      closings: closings.map((c) => ({
        closedThrough: c.closed_through,
        closedBy: c.closed_by,
        closedAt: c.closed_at.toISOString(),
      })),
      accounts: accounts.map((a) => {
        const b = byAccount.get(a.id);
        return presentAccount(a, b ? signedBalance(a, BigInt(b.debit), BigInt(b.credit)) : 0n, book.currency);
      }),
    };
  });
}

/** A group's own account, e.g. 6-108 Beban sertifikasi halal. */
export async function addAccount(ctx: Ctx, groupId: string, body: AddAccountBody) {
  return ctx.db.transaction(async (tx) => {
    const { book } = await booksFor({ ...ctx, db: tx }, groupId, 'write');
    const type = typeOfCode(body.code);
    // An account adds up into a line of its own class: a 1-xxx account is never revenue.
    if (body.line && !LINES_OF_TYPE[type].includes(body.line)) {
      throw invalid([
        { path: 'line', message: `must be one of ${LINES_OF_TYPE[type].join(', ')} for a ${body.code} account` },
      ]);
    }
    const added = await ledgerRepository.addAccount(tx, {
      id: uuidv7(),
      group_id: groupId,
      code: body.code,
      name: body.name,
      type,
      line: body.line ?? DEFAULT_LINE[type],
      contra: false,
    });
    if (!added) throw conflict(`Account ${body.code} already exists in this group's chart.`);
    return presentAccount(added, 0n, book.currency);
  });
}

/** The last day of a `YYYY-MM` month. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
}

/**
 * Closes the books through the end of a month: no entry may be dated in it or before it again.
 * Months close in order — closing March closes every month before it — and never ahead of today.
 */
export async function closePeriod(
  ctx: Ctx,
  groupId: string,
  month: string,
  today = new Date().toISOString().slice(0, 10),
) {
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : '';
  await ctx.db.transaction(async (tx) => {
    await booksFor({ ...ctx, db: tx }, groupId, 'write');
    const book = await ledgerRepository.lock(tx, groupId);
    const through = lastDayOf(month);
    if (book.closed_through && through <= book.closed_through) {
      throw ruleBroken('period-already-closed', `The books are already closed through ${book.closed_through}.`, [
        { path: 'month', message: `is already closed (through ${book.closed_through})` },
      ]);
    }
    if (through >= today) {
      throw ruleBroken('period-not-ended', `${month} has not ended yet; a month closes after its last day.`, [
        { path: 'month', message: 'has not ended yet' },
      ]);
    }
    await ledgerRepository.close(tx, groupId, through, actorId);
  });
  return getBooks(ctx, groupId, today);
}

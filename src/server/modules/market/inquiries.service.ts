import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { forbidden, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { dateIn } from '../../../shared/dates.js';
import { fromMinor } from '../../../shared/money.js';
import { quantityText } from '../../../shared/quantity.js';
import { abilities, authorize, can, notify, recordAudit, requireUser, scopeOf } from '../platform/index.js';
import { productById } from '../registry/index.js';
import { buyersRepository } from './buyers.repository.js';
import { inquiriesRepository, type InquiryRow, type MessageRow, type QuoteRow } from './inquiries.repository.js';
import type {
  CreateInquiryBody,
  InquiryAnswer,
  InquiryMessageBody,
  ListInquiriesQuery,
  OrderAnswer,
  QuoteBody,
} from './market.schemas.js';
import { marketNotice, noticeName } from './notices.js';
import { placeOrder } from './orders.service.js';
import { quoteTotals, readQuote } from './trade-terms.js';
import { inquiryPolicy, sideOf, tradeColumns, tradeTarget, viewerOf, type Viewer } from './trade.policy.js';

/** An inquiry with its messages and quotes. */
interface FullInquiry {
  row: InquiryRow;
  messages: MessageRow[];
  quotes: QuoteRow[];
}

function presentQuote(row: QuoteRow) {
  const { totalMinor, groupTotalMinor } = quoteTotals(row);
  return {
    id: row.id,
    unitPrice: fromMinor(row.unit_price_minor, row.currency),
    quantity: quantityText(row.quantity),
    rate: row.rate,
    total: fromMinor(totalMinor, row.currency),
    groupTotal: fromMinor(groupTotalMinor, row.group_currency),
    validUntil: row.valid_until,
    terms: row.terms,
    note: row.note,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

/** Messages show the side and the author's name: buyer and group talk to each other, not to the public. */
function presentInquiry({ row, messages, quotes }: FullInquiry): Omit<InquiryAnswer, 'abilities'> {
  return {
    id: row.id,
    programId: row.program_id,
    groupId: row.group_id,
    groupName: row.group_name,
    productId: row.product_id,
    productName: row.product_name,
    unit: row.product_unit,
    currency: row.product_currency,
    buyer: { id: row.buyer_id, companyName: row.company_name, country: row.buyer_country },
    kind: row.kind,
    quantity: row.quantity === null ? null : quantityText(row.quantity),
    status: row.status,
    messages: messages.map((m) => ({
      id: m.id,
      side: m.side,
      author: m.author_name,
      body: m.body,
      createdAt: m.created_at.toISOString(),
    })),
    quotes: quotes.map(presentQuote),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * What the viewer may do with the inquiry now: the policy says who, the inquiry's state whether it
 * still can — a closed inquiry takes no message, an ordered or closed one no quote, and only the
 * open quote, until its last valid day, can be accepted (by the buyer; an admin speaks for the group).
 */
function inquiryAbilities(viewer: Viewer, row: InquiryRow, quotes: QuoteRow[]): InquiryAnswer['abilities'] {
  const target = tradeTarget(row);
  const may = abilities(viewer.actor, inquiryPolicy, target);
  const side = sideOf(viewer.actor, inquiryPolicy, 'reply', target);
  const open = quotes.find((q) => q.status === 'open');
  const settled = row.status === 'ordered' || row.status === 'closed';
  return {
    read: may.read,
    reply: may.reply && row.status !== 'closed',
    quote: may.quote && side === 'group' && !settled,
    accept: may.accept && open !== undefined && open.valid_until >= viewer.today,
  };
}

const answer = (viewer: Viewer, inquiry: FullInquiry): InquiryAnswer => ({
  ...presentInquiry(inquiry),
  abilities: inquiryAbilities(viewer, inquiry.row, inquiry.quotes),
});

/** The messages and quotes of an inquiry, read after any write to them. */
async function withChildren(db: Queryable, row: InquiryRow): Promise<FullInquiry> {
  const messages = await inquiriesRepository.messages(db, [row.id]);
  return { row, messages, quotes: await inquiriesRepository.quotes(db, [row.id]) };
}

/** The inquiry, locked for a change, or 404. */
async function lockedInquiry(tx: TxCtx, id: string): Promise<InquiryRow> {
  const row = await inquiriesRepository.byId(tx.db, id, true);
  if (!row) throw notFound('Inquiry');
  return row;
}

const link = (id: string) => `/app/inquiries/${id}`;

/**
 * A signed-in buyer asks about a product in the public catalog; the group's managers are told.
 * The client may send its own id: the same inquiry sent again answers 200 as stored.
 */
export async function sendInquiry(ctx: Ctx, input: CreateInquiryBody): Promise<Created<InquiryAnswer>> {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const buyer = await buyersRepository.byUser(tx.db, user.id);
    if (!buyer)
      throw forbidden('Only a buyer account may send inquiries; sign up as a buyer first.', { code: 'buyer-only' });
    const viewer = viewerOf(tx);
    return createOnce(tx.db, {
      id: input.id,
      find: async (id) => {
        const row = await inquiriesRepository.byId(tx.db, id);
        return row && withChildren(tx.db, row);
      },
      visible: ({ row }) => can(tx.actor, inquiryPolicy, 'read', tradeTarget(row)),
      stored: ({ row, messages }) => ({
        productId: row.product_id,
        kind: row.kind,
        quantity: row.quantity === null ? null : quantityText(row.quantity),
        message: messages[0]?.body,
      }),
      input: {
        productId: input.productId,
        kind: input.kind,
        quantity: input.quantity ? quantityText(input.quantity) : null,
        message: input.message,
      },
      present: (found) => answer(viewer, found),
      create: async (id) => {
        const product = await productById(tx.db, input.productId);
        if (!product || product.status === 'draft')
          throw invalid([{ path: 'productId', code: 'not_allowed_here', message: 'is not a product in the catalog' }]);
        const row = await inquiriesRepository.insert(tx.db, {
          id,
          program_id: product.program_id,
          group_id: product.group_id,
          product_id: product.id,
          area_path: product.area_path,
          buyer_id: buyer.user_id,
          kind: input.kind,
          quantity: input.quantity ?? null,
        });
        const message = await inquiriesRepository.insertMessage(tx.db, {
          id: uuidv7(),
          inquiryId: id,
          authorId: user.id,
          side: 'buyer',
          body: input.message,
        });
        const inquiry = { row, messages: [message], quotes: [] };
        await recordAudit(tx.db, tx, {
          action: 'inquiry.create',
          entity: 'inquiry',
          entityId: id,
          after: presentInquiry(inquiry),
        });
        await notify(
          tx.db,
          marketNotice(
            'inquiry.received',
            await inquiriesRepository.groupManagerIds(tx.db, product.group_id),
            { product: noticeName(product.name), company: buyer.company_name },
            link(id),
          ),
        );
        return answer(viewer, inquiry);
      },
    });
  });
}

export async function listInquiries(ctx: Ctx, query: ListInquiriesQuery) {
  requireUser(ctx.actor);
  const scope = scopeOf(ctx.actor, inquiryPolicy, 'read', tradeColumns('i'));
  const before = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await inquiriesRepository.list(ctx.db, scope, { ...query, before });
  const ids = rows.map((r) => r.id);
  const messages = await inquiriesRepository.messages(ctx.db, ids);
  const quotes = await inquiriesRepository.quotes(ctx.db, ids);
  const viewer = viewerOf(ctx);
  return toPage(
    rows,
    query.limit,
    (row) =>
      answer(viewer, {
        row,
        messages: messages.filter((m) => m.inquiry_id === row.id),
        quotes: quotes.filter((q) => q.inquiry_id === row.id),
      }),
    (r) => [r.id],
  );
}

export async function getInquiry(ctx: Ctx, id: string): Promise<InquiryAnswer> {
  const row = await inquiriesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Inquiry');
  authorize(ctx.actor, inquiryPolicy, 'read', tradeTarget(row));
  return answer(viewerOf(ctx), await withChildren(ctx.db, row));
}

/** Either side writes; the group's first answer marks the inquiry answered; the other side is told. */
export async function addInquiryMessage(ctx: Ctx, id: string, input: InquiryMessageBody): Promise<InquiryAnswer> {
  return inTransaction(ctx, async (tx) => {
    const row = await lockedInquiry(tx, id);
    const target = tradeTarget(row);
    const user = authorize(tx.actor, inquiryPolicy, 'reply', target);
    // Whoever may reply is on one side or the other.
    const side = sideOf(tx.actor, inquiryPolicy, 'reply', target)!;
    if (row.status === 'closed') throw ruleBroken('inquiry-closed', 'This inquiry is closed.');
    await inquiriesRepository.insertMessage(tx.db, {
      id: uuidv7(),
      inquiryId: id,
      authorId: user.id,
      side,
      body: input.body,
    });
    const current =
      side === 'group' && row.status === 'open' ? await inquiriesRepository.setStatus(tx.db, id, 'answered') : row;
    const after = await withChildren(tx.db, current);
    await recordAudit(tx.db, tx, {
      action: 'inquiry.message',
      entity: 'inquiry',
      entityId: id,
      after: presentInquiry(after),
    });
    const to = side === 'group' ? [row.buyer_id] : await inquiriesRepository.groupManagerIds(tx.db, row.group_id);
    await notify(
      tx.db,
      marketNotice(
        'inquiry.message',
        to,
        { product: noticeName(row.product_name), company: row.company_name },
        link(id),
      ),
    );
    return answer(viewerOf(tx), after);
  });
}

/**
 * The group quotes a unit price for a quantity, valid until a date, in the buyer's currency at a rate
 * it enters (to its own currency) and on trade terms; it replaces any earlier open quote.
 */
export async function sendQuote(ctx: Ctx, id: string, input: QuoteBody): Promise<InquiryAnswer> {
  return inTransaction(ctx, async (tx) => {
    const row = await lockedInquiry(tx, id);
    const target = tradeTarget(row);
    const user = authorize(tx.actor, inquiryPolicy, 'quote', target);
    if (sideOf(tx.actor, inquiryPolicy, 'quote', target) !== 'group')
      throw forbidden('Only the producer group quotes.', { code: 'producer-quotes-only' });
    const currency = row.product_currency;
    const quote = readQuote(input, currency);
    if (quote.errors.length > 0) throw invalid(quote.errors);
    if (input.validUntil < dateIn(tx.clock.now()))
      throw invalid([{ path: 'validUntil', code: 'in_past', message: 'is in the past' }]);
    if (row.status === 'ordered' || row.status === 'closed')
      throw ruleBroken('inquiry-closed', `This inquiry is already ${row.status}; it takes no new quote.`);
    await inquiriesRepository.insertQuote(tx.db, {
      id: uuidv7(),
      inquiry_id: id,
      unit_price_minor: quote.unitPriceMinor.toString(),
      currency: input.unitPrice.currency,
      group_currency: currency,
      rate: quote.rate,
      quantity: input.quantity,
      valid_until: input.validUntil,
      terms: quote.terms,
      note: input.note ?? null,
      author_id: user.id,
    });
    const after = await withChildren(tx.db, await inquiriesRepository.setStatus(tx.db, id, 'quoted'));
    await recordAudit(tx.db, tx, {
      action: 'inquiry.quote',
      entity: 'inquiry',
      entityId: id,
      after: presentInquiry(after),
    });
    await notify(
      tx.db,
      marketNotice(
        'quote.sent',
        [row.buyer_id],
        { product: noticeName(row.product_name), group: row.group_name },
        link(id),
      ),
    );
    return answer(viewerOf(tx), after);
  });
}

/** The buyer accepts the open quote, until its last valid day: it becomes an order, placed. */
export async function acceptQuote(ctx: Ctx, id: string, quoteId: string): Promise<OrderAnswer> {
  return inTransaction(ctx, async (tx) => {
    const row = await lockedInquiry(tx, id);
    const target = tradeTarget(row);
    authorize(tx.actor, inquiryPolicy, 'accept', target);
    const quote = await inquiriesRepository.quoteById(tx.db, quoteId);
    if (!quote || quote.inquiry_id !== id) throw notFound('Quote');
    if (quote.status !== 'open')
      throw ruleBroken('quote-not-open', `This quote is ${quote.status}; only the open quote can be accepted.`);
    if (quote.valid_until < dateIn(tx.clock.now()))
      throw ruleBroken('quote-expired', `This quote was valid until ${quote.valid_until}.`);
    const order = await placeOrder(tx, row, quote);
    await inquiriesRepository.acceptQuote(tx.db, quote.id);
    await inquiriesRepository.setStatus(tx.db, id, 'ordered');
    return order;
  });
}

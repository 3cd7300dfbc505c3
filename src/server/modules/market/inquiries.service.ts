import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../http/context.js';
import { forbidden, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { replayOrConflict } from '../../http/versioning.js';
import { fromMinor, toMinor } from '../../../shared/money.js';
import { quantityText } from '../../../shared/quantity.js';
import { notify, recordAudit, requireUser } from '../platform/index.js';
import { productsRepository } from '../registry/index.js';
import { buyersRepository } from './buyers.repository.js';
import { inquiriesRepository, type InquiryRow, type MessageRow, type QuoteRow } from './inquiries.repository.js';
import { marketNotice } from './notices.js';
import type { CreateInquiryBody, InquiryMessageBody, ListInquiriesQuery, QuoteBody } from './orders.schemas.js';
import { placeOrder } from './orders.service.js';
import { assertMayRead, sideOf, tradeScope } from './trade.policy.js';

const today = () => new Date().toISOString().slice(0, 10);
const nameOf = (text: Record<string, string>) => text.id ?? text.en ?? Object.values(text)[0] ?? '';

function presentQuote(row: QuoteRow) {
  return {
    id: row.id,
    unitPrice: fromMinor(row.unit_price_minor, row.currency),
    quantity: quantityText(row.quantity),
    validUntil: row.valid_until,
    note: row.note,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

/** Messages show the side and the author's name: buyer and group talk to each other, not to the public. */
export function presentInquiry(row: InquiryRow, messages: MessageRow[] = [], quotes: QuoteRow[] = []) {
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
    messages: messages
      .filter((m) => m.inquiry_id === row.id)
      .map((m) => ({
        id: m.id,
        side: m.side,
        author: m.author_name,
        body: m.body,
        createdAt: m.created_at.toISOString(),
      })),
    quotes: quotes.filter((q) => q.inquiry_id === row.id).map(presentQuote),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
type PresentedInquiry = ReturnType<typeof presentInquiry>;

async function presented(db: Ctx['db'] | Parameters<typeof inquiriesRepository.byId>[0], id: string) {
  const row = (await inquiriesRepository.byId(db, id))!;
  return presentInquiry(row, await inquiriesRepository.messages(db, [id]), await inquiriesRepository.quotes(db, [id]));
}

const link = (id: string) => `/app/inquiries/${id}`;

/** A signed-in buyer asks about a product in the public catalog; the group's managers are told. */
export async function sendInquiry(
  ctx: Ctx,
  input: CreateInquiryBody,
): Promise<{ inquiry: PresentedInquiry; created: boolean }> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const buyer = await buyersRepository.byUser(tx, user.id);
    if (!buyer) throw forbidden('Only a buyer account may send inquiries; sign up as a buyer first.');
    if (input.id) {
      const existing = await inquiriesRepository.byId(tx, input.id);
      if (existing) {
        const current = await presented(tx, existing.id);
        if (existing.buyer_id !== user.id) throw notFound('Inquiry');
        const sent = {
          productId: current.productId,
          kind: current.kind,
          quantity: current.quantity,
          message: current.messages[0]?.body,
        };
        const incoming = {
          productId: input.productId,
          kind: input.kind,
          quantity: input.quantity ? quantityText(input.quantity) : null,
          message: input.message,
        };
        return {
          inquiry: replayOrConflict(sent, incoming, () => current),
          created: false,
        };
      }
    }
    const product = await productsRepository.byId(tx, input.productId);
    if (!product || product.status === 'draft')
      throw invalid([{ path: 'productId', message: 'is not a product in the catalog' }]);
    const id = input.id ?? uuidv7();
    await inquiriesRepository.insert(tx, {
      id,
      program_id: product.program_id,
      group_id: product.group_id,
      product_id: product.id,
      area_path: product.area_path,
      buyer_id: buyer.user_id,
      kind: input.kind,
      quantity: input.quantity ?? null,
    });
    await inquiriesRepository.insertMessage(tx, {
      id: uuidv7(),
      inquiryId: id,
      authorId: user.id,
      side: 'buyer',
      body: input.message,
    });
    const inquiry = await presented(tx, id);
    await recordAudit(tx, ctx, { action: 'inquiry.create', entity: 'inquiry', entityId: id, after: inquiry });
    await notify(
      tx,
      marketNotice(
        'inquiry.received',
        await inquiriesRepository.groupManagerIds(tx, product.group_id),
        { product: nameOf(product.name), company: buyer.company_name },
        link(id),
      ),
    );
    return { inquiry, created: true };
  });
}

export async function listInquiries(ctx: Ctx, query: ListInquiriesQuery) {
  const params: unknown[] = [];
  const scope = tradeScope(ctx.actor, 'i', params);
  const before = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await inquiriesRepository.list(ctx.db, scope, params, { ...query, before });
  const ids = rows.map((r) => r.id);
  const [messages, quotes] = [
    await inquiriesRepository.messages(ctx.db, ids),
    await inquiriesRepository.quotes(ctx.db, ids),
  ];
  return toPage(
    rows,
    query.limit,
    (r) => presentInquiry(r, messages, quotes),
    (r) => [r.id],
  );
}

export async function getInquiry(ctx: Ctx, id: string): Promise<PresentedInquiry> {
  const row = await inquiriesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Inquiry');
  assertMayRead(ctx.actor, row, 'Inquiry');
  return presented(ctx.db, id);
}

/** Either side writes; the group's first answer marks the inquiry answered; the other side is told. */
export async function addInquiryMessage(ctx: Ctx, id: string, input: InquiryMessageBody): Promise<PresentedInquiry> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const row = await inquiriesRepository.byId(tx, id, true);
    if (!row) throw notFound('Inquiry');
    const side = sideOf(ctx.actor, row, 'Inquiry');
    if (row.status === 'closed') throw ruleBroken('inquiry-closed', 'This inquiry is closed.');
    await inquiriesRepository.insertMessage(tx, {
      id: uuidv7(),
      inquiryId: id,
      authorId: user.id,
      side,
      body: input.body,
    });
    if (side === 'group' && row.status === 'open') await inquiriesRepository.setStatus(tx, id, 'answered');
    const after = await presented(tx, id);
    await recordAudit(tx, ctx, { action: 'inquiry.message', entity: 'inquiry', entityId: id, after });
    const to = side === 'group' ? [row.buyer_id] : await inquiriesRepository.groupManagerIds(tx, row.group_id);
    await notify(
      tx,
      marketNotice('inquiry.message', to, { product: nameOf(row.product_name), company: row.company_name }, link(id)),
    );
    return after;
  });
}

/** The group quotes a unit price for a quantity, valid until a date; it replaces any earlier open quote. */
export async function sendQuote(ctx: Ctx, id: string, input: QuoteBody): Promise<PresentedInquiry> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const row = await inquiriesRepository.byId(tx, id, true);
    if (!row) throw notFound('Inquiry');
    if (sideOf(ctx.actor, row, 'Inquiry') !== 'group') throw forbidden('Only the producer group quotes.');
    const product = (await productsRepository.byId(tx, row.product_id))!;
    const minor = toMinor(input.unitPrice.amount, input.unitPrice.currency);
    if (input.unitPrice.currency !== product.currency)
      throw invalid([{ path: 'unitPrice.currency', message: `must be ${product.currency}` }]);
    if (minor === undefined)
      throw invalid([{ path: 'unitPrice.amount', message: `has more decimals than ${product.currency} allows` }]);
    if (input.validUntil < today()) throw invalid([{ path: 'validUntil', message: 'is in the past' }]);
    if (row.status === 'ordered' || row.status === 'closed')
      throw ruleBroken('inquiry-closed', `This inquiry is already ${row.status}; it takes no new quote.`);
    await inquiriesRepository.insertQuote(tx, {
      id: uuidv7(),
      inquiry_id: id,
      unit_price_minor: minor.toString(),
      currency: product.currency,
      quantity: input.quantity,
      valid_until: input.validUntil,
      note: input.note ?? null,
      author_id: user.id,
    });
    await inquiriesRepository.setStatus(tx, id, 'quoted');
    const after = await presented(tx, id);
    await recordAudit(tx, ctx, { action: 'inquiry.quote', entity: 'inquiry', entityId: id, after });
    await notify(
      tx,
      marketNotice(
        'quote.sent',
        [row.buyer_id],
        { product: nameOf(row.product_name), group: row.group_name },
        link(id),
      ),
    );
    return after;
  });
}

/** The buyer accepts the open quote: it becomes an order, placed. */
export async function acceptQuote(ctx: Ctx, id: string, quoteId: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await inquiriesRepository.byId(tx, id, true);
    if (!row) throw notFound('Inquiry');
    if (sideOf(ctx.actor, row, 'Inquiry') !== 'buyer') throw forbidden('Only the buyer accepts a quote.');
    const quote = await inquiriesRepository.quoteById(tx, quoteId);
    if (!quote || quote.inquiry_id !== id) throw notFound('Quote');
    if (quote.status !== 'open')
      throw ruleBroken('quote-not-open', `This quote is ${quote.status}; only the open quote can be accepted.`);
    if (quote.valid_until < today())
      throw ruleBroken('quote-expired', `This quote was valid until ${quote.valid_until}.`);
    const order = await placeOrder(tx, ctx, row, quote);
    await inquiriesRepository.acceptQuote(tx, quote.id);
    await inquiriesRepository.setStatus(tx, id, 'ordered');
    return order;
  });
}

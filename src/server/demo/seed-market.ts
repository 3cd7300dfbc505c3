/**
 * The demo's market: two batches of the Sibetan salak group (the chips at their cost of
 * production, its materials, wages and energy recorded in the books first, and a dodol run that
 * reworks broken chips — an input batch, so the provenance page shows a genealogy), a buyer from
 * Oita, and that buyer's request for quotation, answered with a quote. Built through the same
 * services the API uses.
 */
import { randomBytes } from 'node:crypto';
import { addDays, dateIn } from '../../shared/dates.js';
import { anonymous, type Ctx, type UserActor } from '../http/context.js';
import { createBatch, recordTransaction } from '../modules/business/index.js';
import { registerBuyer, sendInquiry, sendQuote } from '../modules/market/index.js';
import { productById } from '../modules/registry/index.js';
import { accountByEmail } from '../modules/platform/index.js';
import type { SimpleTransactionBody } from '../../shared/schemas/business.js';
import type { DemoAccount } from './seed-demo.js';

const BUYER = {
  email: 'buyer@demo.ovop.id',
  name: 'Sato Hanako',
  companyName: 'Oita Fine Foods K.K.',
  country: 'JP',
  locale: 'ja' as const,
};

export async function seedMarket(
  ctx: Ctx,
  programId: string,
  options: { groupId: string | undefined },
): Promise<DemoAccount[]> {
  if (!options.groupId) return [];
  // Dates follow the day the demo is seeded, so its stock is fresh whenever someone tries it.
  const today = dateIn(ctx.clock.now());
  const day = (offset: number) => addDays(today, offset);
  const products = await ctx.db.query<{ id: string; status: string }>(
    'SELECT id, status FROM products WHERE program_id = $1 AND group_id = $2 ORDER BY status DESC, id',
    [programId, options.groupId],
  );
  const chips = products.find((p) => p.status === 'ready');
  const dodol = products.find((p) => p.status === 'draft');
  if (!chips) return [];
  // The harvest run's materials, wages and energy, paid before it is recorded at its cost (HPP).
  const rp = (amount: number) => ({ amount: `${amount}.00`, currency: 'IDR' });
  const run: SimpleTransactionBody[] = [
    { kind: 'material_purchase', date: day(-16), amount: rp(2_400_000), settlement: 'cash', memo: 'Salak 240 kg' },
    {
      kind: 'material_purchase',
      date: day(-16),
      amount: rp(1_200_000),
      settlement: 'credit',
      memo: 'Minyak dan standing pouch 600 pcs',
    },
    { kind: 'expense', date: day(-14), amount: rp(1_500_000), via: 'cash', category: 'wages', memo: 'Upah panen raya' },
    { kind: 'expense', date: day(-14), amount: rp(900_000), via: 'cash', category: 'utilities', memo: 'Listrik, gas' },
  ];
  for (const entry of run) await recordTransaction(ctx, options.groupId, entry);
  // Lot codes name the run's year and month (KSS-YYMM-01), like the group's own labels.
  const lot = (prefix: string, date: string) => `${prefix}-${date.slice(2, 4)}${date.slice(5, 7)}-01`;
  const { batch } = await createBatch(ctx, {
    productId: chips.id,
    lotCode: lot('KSS', day(-14)),
    quantity: '600',
    producedOn: day(-14),
    expiresOn: day(170),
    costs: { materials: rp(3_600_000), labour: rp(1_500_000), overhead: rp(900_000) },
    inputs: [],
    notes: 'Panen raya; goreng vakum 3 hari.',
  });
  if (dodol) {
    await createBatch(ctx, {
      productId: dodol.id,
      lotCode: lot('DDL', day(-11)),
      quantity: '40',
      producedOn: day(-11),
      expiresOn: day(80),
      inputs: [{ batchId: batch.id, quantity: '25' }],
      notes: `Dari keripik yang patah pada lot ${lot('KSS', day(-14))}.`,
    });
  }

  if (await accountByEmail(ctx.db, BUYER.email)) return [];
  const password = randomBytes(12).toString('base64url');
  const buyer = await registerBuyer({ ...ctx, actor: anonymous }, { ...BUYER, password, areaCode: null });
  const asBuyer: UserActor = {
    kind: 'user',
    id: buyer.userId,
    email: buyer.email,
    name: buyer.name,
    locale: BUYER.locale,
    isAdmin: false,
    grants: [],
    via: 'session',
  };
  const product = await productById(ctx.db, chips.id);
  if (!product) throw new Error('the demo salak chips are missing');
  const { record: inquiry } = await sendInquiry(
    { ...ctx, actor: asBuyer },
    {
      productId: product.id,
      kind: 'quotation',
      quantity: '500',
      message:
        'We would like 500 packs for our shop at Oita airport. Could you quote, including export packing to Japan?',
    },
  );
  await sendQuote(ctx, inquiry.id, {
    // In the buyer's yen, at a rate the group entered from its bank's board that day.
    unitPrice: { amount: '115', currency: 'JPY' },
    rate: '104.5',
    quantity: '500',
    validUntil: day(90),
    terms: {
      incoterm: 'FOB',
      namedPlace: 'Benoa, Bali',
      freight: null,
      paymentTerms: 'deposit_30_70',
      leadTimeDays: 30,
      minimumOrder: '300',
      samplePolicy: 'free',
    },
    note: 'Harga termasuk kemasan ekspor; kirim dari Pelabuhan Benoa.',
  });
  return [{ role: 'buyer', email: BUYER.email, password }];
}

/**
 * The demo's books: three months of the Sibetan salak-chips group as its treasurer would record
 * them — members' capital, a KUR bank loan, a vacuum fryer depreciated month by month, then each
 * month salak and pouches bought, a production batch of 100 packs at the DOMAIN.md cost of Rp 10,000
 * a pack (Rp 6,000 materials, Rp 2,500 labour, Rp 1,500 overhead), all of it sold at Rp 12,900 out of
 * that batch, wages and electricity paid. The first of the three months is closed. Posted through
 * the same services the API uses; no balance goes below zero.
 */
import type { Ctx } from '../http/context.js';
import {
  closeBooksThrough,
  createBatch,
  payFinalTax,
  postDepreciation,
  recordTransaction,
  setBooksSettings,
} from '../modules/business/index.js';
import type { SimpleTransactionBody } from '../../shared/schemas/business.js';
import { monthBefore } from './seed-history.js';

const rp = (amount: number) => ({ amount: `${amount}.00`, currency: 'IDR' });

/** Six months after a month's 8th: how long vacuum-fried chips keep. */
function sixMonthsAfter(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1 + 6, 8)).toISOString().slice(0, 10);
}

/** What the group and its chips product are, for the demo's books. */
export interface BooksGroup {
  groupId: string;
  /** The salak chips: each month's production batch and sales. */
  productId: string;
}

export async function seedBooks(ctx: Ctx, salak: BooksGroup | undefined, today = ctx.clock.now()): Promise<number> {
  if (!salak) return 0;
  const { groupId, productId } = salak;
  const months = [3, 2, 1].map((back) => monthBefore(today, back));
  const first = months[0]!;
  // Everything is dated as of the seed's own "today", which a test may set.
  const asOfToday: Ctx = { ...ctx, clock: { now: () => today } };
  let posted = 0;
  const record = async (entries: SimpleTransactionBody[]) => {
    for (const entry of entries) {
      await recordTransaction(asOfToday, groupId, entry);
      posted++;
    }
  };
  const opening: SimpleTransactionBody[] = [
    { kind: 'owner_capital', date: `${first}-02`, amount: rp(5_000_000), via: 'cash', memo: 'Iuran modal 10 anggota' },
    { kind: 'loan_received', date: `${first}-03`, amount: rp(10_000_000), via: 'bank', memo: 'KUR BRI Unit Selat' },
    {
      kind: 'asset_bought',
      date: `${first}-05`,
      amount: rp(8_500_000),
      settlement: 'bank',
      lifeMonths: 60,
      residualValue: rp(500_000),
      memo: 'Mesin vacuum frying 5 kg',
    },
  ];
  await record(opening);
  for (const month of months) {
    const before: SimpleTransactionBody[] = [
      {
        kind: 'material_purchase',
        date: `${month}-06`,
        amount: rp(490_000),
        settlement: 'cash',
        memo: 'Salak 40 kg, minyak',
      },
      {
        kind: 'material_purchase',
        date: `${month}-06`,
        amount: rp(110_000),
        settlement: 'credit',
        memo: 'Standing pouch 100 pcs',
      },
      {
        kind: 'expense',
        date: `${month}-08`,
        amount: rp(250_000),
        via: 'cash',
        category: 'wages',
        memo: 'Upah 4 orang',
      },
    ];
    await record(before);
    // The month's run: its cost (HPP) moves materials, labour and overhead into finished goods.
    await createBatch(asOfToday, {
      productId,
      lotCode: `KSS-${month.replace('-', '')}`,
      quantity: '100',
      producedOn: `${month}-08`,
      expiresOn: sixMonthsAfter(month),
      costs: { materials: rp(600_000), labour: rp(250_000), overhead: rp(150_000) },
      inputs: [],
      notes: '100 pak keripik salak 100 g',
    });
    posted++;
    const after: SimpleTransactionBody[] = [
      {
        kind: 'cash_sale',
        date: `${month}-12`,
        amount: rp(903_000),
        via: 'cash',
        market: 'local',
        items: [{ productId, quantity: '70' }],
        memo: '70 pak, pasar Amlapura',
      },
      {
        kind: 'credit_sale',
        date: `${month}-15`,
        amount: rp(387_000),
        market: 'local',
        items: [{ productId, quantity: '30' }],
        memo: '30 pak, toko oleh-oleh',
      },
      {
        kind: 'payment_received',
        date: `${month}-25`,
        amount: rp(387_000),
        via: 'cash',
        memo: 'Pelunasan toko oleh-oleh',
      },
      { kind: 'supplier_paid', date: `${month}-26`, amount: rp(110_000), via: 'cash', memo: 'Bayar pouch' },
      {
        kind: 'expense',
        date: `${month}-27`,
        amount: rp(150_000),
        via: 'cash',
        category: 'utilities',
        memo: 'Listrik dan gas',
      },
      {
        kind: 'loan_repaid',
        date: `${month}-28`,
        amount: rp(400_000),
        interest: rp(50_000),
        via: 'bank',
        memo: 'Angsuran KUR',
      },
    ];
    await record(after);
  }
  // The fryer's depreciation of every month so far, then the first month closed.
  const depreciation = await postDepreciation(asOfToday, groupId, months[2]!);
  posted += depreciation.entries.length;
  await closeBooksThrough(asOfToday, groupId, first);
  return posted;
}

/**
 * The demo cooperative's books (the Kauman batik koperasi): three months of members' savings —
 * simpanan pokok from each of the four members on joining the books, simpanan wajib every month,
 * one member's simpanan sukarela paid in and partly taken out — and of batik made and sold (cloth,
 * wax and dyes bought on credit, four cloths a month sold at Rp 600,000). A koperasi pays the UMKM
 * final tax from the first rupiah (docs/books-tax.md), so its books use it from the first month:
 * that month's 0.5 % is posted when the month closes and paid early in the next.
 */
export async function seedCooperativeBooks(
  ctx: Ctx,
  cooperative: { groupId: string; members: string[] } | undefined,
  today = ctx.clock.now(),
): Promise<number> {
  if (!cooperative) return 0;
  const { groupId, members } = cooperative;
  const months = [3, 2, 1].map((back) => monthBefore(today, back));
  const [first, second, third] = months as [string, string, string];
  const asOfToday: Ctx = { ...ctx, clock: { now: () => today } };
  let posted = 0;
  const record = async (entries: SimpleTransactionBody[]) => {
    for (const entry of entries) {
      await recordTransaction(asOfToday, groupId, entry);
      posted++;
    }
  };
  await setBooksSettings(asOfToday, groupId, { finalTaxFrom: first });
  await record(
    members.map((member) => ({
      kind: 'principal_savings_received',
      date: `${first}-02`,
      amount: rp(100_000),
      via: 'cash',
      member,
      memo: 'Simpanan pokok',
    })),
  );
  await record([
    {
      kind: 'voluntary_savings_received',
      date: `${first}-03`,
      amount: rp(250_000),
      via: 'cash',
      member: members.at(-1),
      memo: 'Simpanan sukarela',
    },
  ]);
  for (const month of months) {
    await record([
      {
        kind: 'mandatory_savings_received',
        date: `${month}-05`,
        amount: rp(20_000 * members.length),
        via: 'cash',
        memo: `Simpanan wajib ${members.length} anggota`,
      },
      {
        kind: 'material_purchase',
        date: `${month}-06`,
        amount: rp(1_200_000),
        settlement: 'credit',
        memo: 'Kain mori, malam, pewarna alam',
      },
      { kind: 'production', date: `${month}-08`, amount: rp(1_200_000), memo: '4 kain batik tulis' },
      {
        kind: 'cash_sale',
        date: `${month}-12`,
        amount: rp(2_400_000),
        via: 'cash',
        market: 'national',
        costOfGoods: rp(1_200_000),
        memo: '4 kain batik tulis Jlamprang',
      },
      { kind: 'supplier_paid', date: `${month}-20`, amount: rp(1_200_000), via: 'cash', memo: 'Bayar kain dan malam' },
    ]);
  }
  await record([
    {
      kind: 'voluntary_savings_withdrawn',
      date: `${third}-15`,
      amount: rp(100_000),
      via: 'cash',
      member: members.at(-1),
      memo: 'Ambil simpanan sukarela',
    },
  ]);
  // The first month closes with its final tax posted; the tax is paid on the 10th of the next.
  await closeBooksThrough(asOfToday, groupId, first);
  await payFinalTax(asOfToday, groupId, { month: first, date: `${second}-10`, via: 'cash', memo: '' });
  return posted + 2;
}

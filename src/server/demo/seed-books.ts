/**
 * The demo's books: three months of the Sibetan salak-chips group as its treasurer would record
 * them — members' capital, a KUR bank loan, a vacuum fryer, then each month salak bought, chips
 * made and sold at Rp 12,900 a pack (the DOMAIN.md price; materials are Rp 6,000 of its Rp 10,000
 * cost, wages and overhead are booked as expenses), wages and electricity. The first of the three months is closed. Posted through the same service the API uses.
 */
import type { Ctx } from '../http/context.js';
import { closeBooksThrough, recordTransaction } from '../modules/business/index.js';
import type { SimpleTransactionBody } from '../../shared/schemas/business.js';

const rp = (amount: number) => ({ amount: `${amount}.00`, currency: 'IDR' });

/** The first day of the month `back` months before today's, as YYYY-MM. */
function monthBefore(today: Date, back: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
  return d.toISOString().slice(0, 7);
}

export async function seedBooks(ctx: Ctx, groupId: string | undefined, today = ctx.clock.now()): Promise<number> {
  if (!groupId) return 0;
  const months = [3, 2, 1].map((back) => monthBefore(today, back));
  const first = months[0]!;
  const entries: SimpleTransactionBody[] = [
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
  for (const month of months) {
    entries.push(
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
      { kind: 'production', date: `${month}-08`, amount: rp(600_000), memo: '100 pak keripik salak 100 g' },
      {
        kind: 'expense',
        date: `${month}-08`,
        amount: rp(250_000),
        via: 'cash',
        category: 'wages',
        memo: 'Upah 4 orang',
      },
      {
        kind: 'cash_sale',
        date: `${month}-12`,
        amount: rp(645_000),
        via: 'cash',
        costOfGoods: rp(300_000),
        memo: '50 pak, pasar Amlapura',
      },
      {
        kind: 'credit_sale',
        date: `${month}-15`,
        amount: rp(387_000),
        costOfGoods: rp(180_000),
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
        amount: rp(120_000),
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
    );
  }
  for (const entry of entries) await recordTransaction(ctx, groupId, entry);
  // The books close as of the seed's own "today", which a test may set.
  await closeBooksThrough({ ...ctx, clock: { now: () => today } }, groupId, first);
  return entries.length;
}

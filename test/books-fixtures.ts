import type { TestApp, Session } from './app.js';
import { registryWorld } from './registry-fixtures.js';

/** Bookkeeping fixtures: a group's manager posting one-tap transactions, and a small year of them. */
export const rp = (amount: string) => ({ amount, currency: 'IDR' });

export async function booksWorld(t: TestApp) {
  const w = await registryWorld(t);
  const manager = await w.as('group_manager', { groupId: w.groups.bali.id });
  const group = w.groups.bali.id;
  const record = async (payload: object, groupId = group) => {
    const r = await t.request({ method: 'POST', url: `/api/v1/groups/${groupId}/transactions`, as: manager, payload });
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json();
  };
  const get = async (path: string, as: Session = manager, groupId = group) => {
    const r = await t.request({ url: `/api/v1/groups/${groupId}/${path}`, as });
    if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode} ${r.body}`);
    return r;
  };
  return { ...w, manager, group, record, get };
}
export type BooksWorld = Awaited<ReturnType<typeof booksWorld>>;

/** A small year of the Sibetan salak-chips group. */
export async function salakYear(w: BooksWorld) {
  await w.record({ kind: 'owner_capital', date: '2026-01-05', amount: rp('5000000'), memo: 'Iuran anggota' });
  await w.record({ kind: 'loan_received', date: '2026-01-06', amount: rp('10000000'), via: 'bank', memo: 'KUR BRI' });
  await w.record({
    kind: 'asset_bought',
    date: '2026-01-10',
    amount: rp('8500000'),
    settlement: 'bank',
    lifeMonths: 60,
    memo: 'Mesin vacuum frying',
  });
  await w.record({ kind: 'material_purchase', date: '2026-02-01', amount: rp('600000'), memo: 'Salak 60 kg' });
  await w.record({
    kind: 'material_purchase',
    date: '2026-02-02',
    amount: rp('400000'),
    settlement: 'credit',
    memo: 'Kemasan',
  });
  await w.record({ kind: 'production', date: '2026-02-03', amount: rp('800000'), memo: '100 pak keripik' });
  await w.record({
    kind: 'expense',
    date: '2026-02-03',
    amount: rp('250000'),
    category: 'wages',
    memo: 'Upah produksi',
  });
  await w.record({
    kind: 'cash_sale',
    date: '2026-02-10',
    amount: rp('1290000'),
    costOfGoods: rp('800000'),
    memo: '100 pak',
  });
  await w.record({ kind: 'credit_sale', date: '2026-02-12', amount: rp('645000'), memo: '50 pak ke toko' });
  await w.record({ kind: 'payment_received', date: '2026-02-20', amount: rp('300000') });
  await w.record({ kind: 'supplier_paid', date: '2026-02-25', amount: rp('400000') });
  await w.record({ kind: 'loan_repaid', date: '2026-02-28', amount: rp('500000'), interest: rp('75000'), via: 'bank' });
  await w.record({ kind: 'owner_drawing', date: '2026-03-01', amount: rp('100000') });
}

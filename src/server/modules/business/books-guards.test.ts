import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildUser, signedIn } from '../../../../test/factories.js';
import { registryWorld } from '../../../../test/registry-fixtures.js';

const t = useTestApp();
const rp = (amount: string) => ({ amount, currency: 'IDR' });

async function world() {
  const w = await registryWorld(t);
  const manager = await w.as('group_manager', { groupId: w.groups.bali.id });
  const post = (path: string, payload: object, as: Session = manager) =>
    t.request({ method: 'POST', url: `/api/v1/groups/${w.groups.bali.id}/${path}`, as, payload });
  return { ...w, manager, post };
}

describe('balance guards', () => {
  const cases: [string, object, string, string][] = [
    ['cash', { kind: 'expense', via: 'cash' }, 'insufficient-balance', '1-101'],
    ['bank', { kind: 'supplier_paid', via: 'bank' }, 'more-than-owed', '2-101'],
    ['receivables', { kind: 'payment_received' }, 'more-than-receivable', '1-201'],
    ['raw materials', { kind: 'production' }, 'stock-insufficient', '1-301'],
    ['finished goods', { kind: 'credit_sale', costOfGoods: rp('60000') }, 'stock-insufficient', '1-302'],
  ];
  it.each(cases)(
    'refuses a posting that takes %s below zero, naming the amount and the balance',
    async (_, body, code, account) => {
      const w = await world();
      expect(
        (await w.post('transactions', { kind: 'owner_capital', date: '2026-03-01', amount: rp('50000') })).statusCode,
      ).toBe(201);
      const r = await w.post('transactions', { date: '2026-03-02', amount: rp('60000'), ...body });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json()).toMatchObject({ type: `/problems/${code}`, account, amount: rp('60000.00') });
      expect(r.json().balance.amount).toMatch(/^\d+\.00$/);
      expect(r.json().detail).toContain('60000.00');
      expect(r.json().errors[0].path).toMatch(/^(amount|costOfGoods)$/);
    },
  );

  it('refuses a back-dated payment that would overdraw a later day, and lets an overdraft account go below zero', async () => {
    const w = await world();
    await w.post('transactions', { kind: 'owner_capital', date: '2026-03-01', amount: rp('100000') });
    await w.post('transactions', { kind: 'expense', date: '2026-03-10', amount: rp('80000') });
    const early = await w.post('transactions', { kind: 'expense', date: '2026-03-05', amount: rp('30000') });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ balance: rp('20000.00'), amount: rp('30000.00') });
    const od = await w.post('accounts', {
      code: '1-103',
      name: { id: 'Rekening koran' },
      line: 'cash_and_equivalents',
      overdraft: true,
    });
    expect(od.statusCode, od.body).toBe(201);
    const r = await w.post('journal', {
      date: '2026-03-11',
      memo: 'Bayar sewa dari rekening koran',
      lines: [
        { accountCode: '6-105', debit: '500000' },
        { accountCode: '1-103', credit: '500000' },
      ],
    });
    expect(r.statusCode, r.body).toBe(201);
  });
});

describe('dates', () => {
  it('refuses a transaction dated after today, naming the date', async () => {
    const w = await world();
    const r = await w.post('transactions', { kind: 'owner_capital', date: '2099-03-15', amount: rp('1000') });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ type: '/problems/date-in-future', errors: [{ path: 'date' }] });
  });

  it('dates a reversal on the original date when open, else on the first open day, and says which', async () => {
    const w = await world();
    const a = (await w.post('transactions', { kind: 'owner_capital', date: '2026-01-10', amount: rp('1000') })).json();
    const b = (await w.post('transactions', { kind: 'owner_capital', date: '2026-02-10', amount: rp('1000') })).json();
    await w.post('periods/close', { month: '2026-01' });
    const ra = await w.post(`journal/${a.id}/reverse`, {});
    expect(ra.json()).toMatchObject({ date: '2026-02-01', details: { dated: 'first-open-day' } });
    const rb = await w.post(`journal/${b.id}/reverse`, {});
    expect(rb.json()).toMatchObject({ date: '2026-02-10', details: { dated: 'original-date' } });
  });
});

describe('who posts', () => {
  it('lets the member who is the group treasurer post, and an ordinary member only read', async () => {
    const w = await world();
    const bali = w.groups.bali.id;
    const add = (name: string, role: string) =>
      w.post(`/api/v1/groups/${bali}/members`, { name, sex: 'female', birthYear: 1975, role, joinedOn: '2012-03-15' });
    await add('Ni Made Suartini', 'treasurer');
    await add('Ni Luh Sari', 'member');
    const account = async (name: string, groupId: string) => {
      const user = await buildUser(t.database.db, { name });
      await w.alsoGrant(user.id, 'group_member', { groupId });
      return signedIn(t.app, user);
    };
    const treasurer = await account('Ni Made Suartini', bali);
    const member = await account('Ni Luh Sari', bali);
    const body = { kind: 'owner_capital', date: '2026-03-02', amount: rp('1000') };
    expect((await w.post('transactions', body, treasurer)).statusCode).toBe(201);
    expect((await w.post('transactions', body, member)).statusCode).toBe(403);
    const books = (as: Session) => t.request({ url: `/api/v1/groups/${bali}/books`, as });
    expect((await books(treasurer)).json().abilities).toMatchObject({ post: true, reverse: true });
    expect((await books(member)).json().abilities).toMatchObject({ read: true, post: false });
    const lombokTreasurer = await account('Ni Made Suartini', w.groups.lombok.id);
    expect((await w.post('transactions', body, lombokTreasurer)).statusCode).toBe(404);
  });
});

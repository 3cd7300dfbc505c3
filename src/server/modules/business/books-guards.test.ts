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
  /** An account with a group_member grant on the group, linked to a new member record holding `role`. */
  async function officer(w: Awaited<ReturnType<typeof world>>, groupId: string, name: string, role: string) {
    const user = await buildUser(t.database.db, { name });
    await w.alsoGrant(user.id, 'group_member', { groupId });
    const member = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${groupId}/members`,
      as: w.admin,
      payload: { name, sex: 'female', birthYear: 1975, role, joinedOn: '2012-03-15', userId: user.id },
    });
    expect(member.statusCode, member.body).toBe(201);
    expect(member.json().userId).toBe(user.id);
    return signedIn(t.app, user);
  }
  const body = { kind: 'owner_capital', date: '2026-03-02', amount: rp('1000') };
  const books = (groupId: string, as: Session) => t.request({ url: `/api/v1/groups/${groupId}/books`, as });

  it('lets the member whose account is linked to the group treasurer post', async () => {
    const w = await world();
    const bali = w.groups.bali.id;
    const treasurer = await officer(w, bali, 'Ni Made Suartini', 'treasurer');
    const r = await w.post('transactions', body, treasurer);
    expect(r.statusCode, r.body).toBe(201);
    expect((await books(bali, treasurer)).json().abilities).toMatchObject({ read: true, post: true, reverse: true });
  });

  it('lets a member without an office read the books but not post', async () => {
    const w = await world();
    const bali = w.groups.bali.id;
    const member = await officer(w, bali, 'Ni Luh Sari', 'member');
    expect((await w.post('transactions', body, member)).statusCode).toBe(403);
    const read = await books(bali, member);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toMatchObject({ read: true, post: false, reverse: false });
  });

  it('does not take an office from the name: an unlinked account named like the treasurer only reads', async () => {
    const w = await world();
    const bali = w.groups.bali.id;
    await officer(w, bali, 'Ni Made Suartini', 'treasurer');
    const namesake = await buildUser(t.database.db, { name: 'Ni Made Suartini' });
    await w.alsoGrant(namesake.id, 'group_member', { groupId: bali });
    expect((await w.post('transactions', body, await signedIn(t.app, namesake))).statusCode).toBe(403);
  });

  it('does not let the treasurer of one group post in another group', async () => {
    const w = await world();
    const lombok = w.groups.lombok.id;
    const treasurer = await officer(w, w.groups.bali.id, 'Ni Made Suartini', 'treasurer');
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${lombok}/transactions`,
      as: treasurer,
      payload: body,
    });
    expect(r.statusCode).toBe(404);
  });

  it('does not let the treasurer of group A post in group B where they are only a member', async () => {
    const w = await world();
    const lombok = w.groups.lombok.id;
    const user = await buildUser(t.database.db, { name: 'Ni Made Suartini' });
    await w.alsoGrant(user.id, 'group_member', { groupId: w.groups.bali.id });
    await w.alsoGrant(user.id, 'group_member', { groupId: lombok });
    const link = (groupId: string, role: string) =>
      t.request({
        method: 'POST',
        url: `/api/v1/groups/${groupId}/members`,
        as: w.admin,
        payload: {
          name: 'Ni Made Suartini',
          sex: 'female',
          birthYear: 1975,
          role,
          joinedOn: '2012-03-15',
          userId: user.id,
        },
      });
    expect((await link(w.groups.bali.id, 'treasurer')).statusCode).toBe(201);
    expect((await link(lombok, 'member')).statusCode).toBe(201);
    const session = await signedIn(t.app, user);
    expect((await w.post('transactions', body, session)).statusCode).toBe(201);
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${lombok}/transactions`,
      as: session,
      payload: body,
    });
    expect(r.statusCode).toBe(403);
  });

  it('follows the program setting: when only the chair keeps the books, the treasurer reads', async () => {
    const w = await world();
    const bali = w.groups.bali.id;
    const treasurer = await officer(w, bali, 'Ni Made Suartini', 'treasurer');
    await t.database.db.query(`UPDATE programs SET bookkeeping_offices = '{chair}' WHERE id = $1`, [w.program.id]);
    expect((await w.post('transactions', body, treasurer)).statusCode).toBe(403);
  });
});

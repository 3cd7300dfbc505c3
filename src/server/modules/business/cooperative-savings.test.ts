import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { booksWorld, rp, type BooksWorld } from '../../../../test/books-fixtures.js';

const t = useTestApp();

async function koperasi(w: BooksWorld) {
  const group = await w.post('/api/v1/groups', {
    programId: w.program.id,
    villageId: w.villages.bali.id,
    name: 'Koperasi Produsen Salak Sibetan',
    kind: 'cooperative',
  });
  const treasurer = await w.as('group_manager', { groupId: group.id });
  const tap = (payload: object) =>
    t.request({ method: 'POST', url: `/api/v1/groups/${group.id}/transactions`, as: treasurer, payload });
  return { id: group.id as string, tap };
}

const balanceOf = async (w: BooksWorld, groupId: string, code: string) =>
  (await w.get('books', w.admin, groupId)).json().accounts.find((a: { code: string }) => a.code === code).balance;

describe('a cooperative’s members’ savings with one tap', () => {
  it('posts simpanan pokok, wajib and sukarela received to their own accounts, cash in', async () => {
    const w = await booksWorld(t);
    const k = await koperasi(w);
    const cases = [
      ['principal_savings_received', '3-101', '100000'],
      ['mandatory_savings_received', '3-102', '20000'],
      ['voluntary_savings_received', '2-301', '250000'],
    ] as const;
    for (const [kind, code, amount] of cases) {
      const r = await k.tap({ kind, date: '2026-02-01', amount: rp(amount), member: 'Ni Luh Sari' });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().lines).toEqual([
        expect.objectContaining({ accountCode: '1-101', debit: rp(`${amount}.00`), credit: null }),
        expect.objectContaining({ accountCode: code, debit: null, credit: rp(`${amount}.00`) }),
      ]);
      expect(r.json().details).toMatchObject({ member: 'Ni Luh Sari' });
      expect(await balanceOf(w, k.id, code)).toEqual(rp(`${amount}.00`));
    }
    expect(await balanceOf(w, k.id, '1-101')).toEqual(rp('370000.00'));
  });

  it('pays out simpanan sukarela, never more than the account holds', async () => {
    const w = await booksWorld(t);
    const k = await koperasi(w);
    await k.tap({ kind: 'principal_savings_received', date: '2026-02-01', amount: rp('1000000') });
    await k.tap({ kind: 'voluntary_savings_received', date: '2026-02-02', amount: rp('300000') });
    const out = await k.tap({ kind: 'voluntary_savings_withdrawn', date: '2026-02-03', amount: rp('120000') });
    expect(out.statusCode, out.body).toBe(201);
    expect(out.json().lines).toEqual([
      expect.objectContaining({ accountCode: '2-301', debit: rp('120000.00') }),
      expect.objectContaining({ accountCode: '1-101', credit: rp('120000.00') }),
    ]);
    // Cash holds 1,180,000, but only 180,000 is saved: the guard names the amount and the balance.
    const tooMuch = await k.tap({ kind: 'voluntary_savings_withdrawn', date: '2026-02-04', amount: rp('180001') });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({
      type: '/problems/more-than-saved',
      amount: rp('180001.00'),
      balance: rp('180000.00'),
      account: '2-301',
      errors: [{ path: 'amount' }],
    });
    expect(await balanceOf(w, k.id, '2-301')).toEqual(rp('180000.00'));
    // A withdrawal back-dated before the savings came in is refused too.
    const early = await k.tap({ kind: 'voluntary_savings_withdrawn', date: '2026-02-01', amount: rp('1000') });
    expect(early.json().type).toBe('/problems/more-than-saved');
  });

  it('refuses the savings kinds for a group that is not a cooperative (422, code cooperative-only)', async () => {
    const w = await booksWorld(t);
    for (const kind of [
      'principal_savings_received',
      'mandatory_savings_received',
      'voluntary_savings_received',
      'voluntary_savings_withdrawn',
    ]) {
      const r = await t.request({
        method: 'POST',
        url: `/api/v1/groups/${w.group}/transactions`,
        as: w.manager,
        payload: { kind, date: '2026-02-01', amount: rp('1000') },
      });
      expect(r.statusCode, kind).toBe(422);
      expect(r.json()).toMatchObject({ type: '/problems/cooperative-only', errors: [{ path: 'kind' }] });
    }
    const journal = (await w.get('journal')).json();
    expect(journal.items).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { registryWorld, paths } from '../../../../test/registry-fixtures.js';

const t = useTestApp();
const rp = (amount: string) => ({ amount, currency: 'IDR' });

async function world() {
  const w = await registryWorld(t);
  const manager = await w.as('group_manager', { groupId: w.groups.bali.id });
  return { ...w, manager };
}

async function post(as: Session, groupId: string, path: string, payload: object) {
  return t.request({ method: 'POST', url: `/api/v1/groups/${groupId}/${path}`, as, payload });
}

/**
 * Opening balances on every guarded account (money, receivables, stock, payables), so that a
 * transaction under test takes from something held: entry number 1.
 */
async function fund(as: Session, groupId: string, amount = '1000000') {
  const r = await post(as, groupId, 'journal', {
    date: '2026-01-02',
    memo: 'Saldo awal',
    lines: [
      ...['1-101', '1-102', '1-201', '1-301', '1-302'].map((accountCode) => ({ accountCode, debit: amount })),
      { accountCode: '3-101', credit: String(Number(amount) * 3) },
      { accountCode: '2-101', credit: amount },
      { accountCode: '2-201', credit: amount },
    ],
  });
  expect(r.statusCode, r.body).toBe(201);
}

const linesOf = (entry: {
  lines: { accountCode: string; debit: { amount: string } | null; credit: { amount: string } | null }[];
}) => entry.lines.map((l) => [l.accountCode, l.debit ? `D ${l.debit.amount}` : `C ${l.credit!.amount}`]);

describe('simple transactions', () => {
  const cases: [string, object, [string, string][]][] = [
    [
      'cash_sale',
      { via: 'cash' },
      [
        ['1-101', 'D 129000.00'],
        ['4-101', 'C 129000.00'],
      ],
    ],
    [
      'cash_sale',
      { via: 'bank', costOfGoods: rp('100000') },
      [
        ['1-102', 'D 129000.00'],
        ['4-101', 'C 129000.00'],
        ['5-101', 'D 100000.00'],
        ['1-302', 'C 100000.00'],
      ],
    ],
    [
      'credit_sale',
      { customer: 'Toko Oleh-oleh Amlapura' },
      [
        ['1-201', 'D 129000.00'],
        ['4-101', 'C 129000.00'],
      ],
    ],
    [
      'payment_received',
      {},
      [
        ['1-101', 'D 129000.00'],
        ['1-201', 'C 129000.00'],
      ],
    ],
    [
      'material_purchase',
      { settlement: 'cash' },
      [
        ['1-301', 'D 129000.00'],
        ['1-101', 'C 129000.00'],
      ],
    ],
    [
      'material_purchase',
      { settlement: 'credit' },
      [
        ['1-301', 'D 129000.00'],
        ['2-101', 'C 129000.00'],
      ],
    ],
    [
      'production',
      {},
      [
        ['1-302', 'D 129000.00'],
        ['1-301', 'C 129000.00'],
      ],
    ],
    [
      'expense',
      { category: 'transport' },
      [
        ['6-103', 'D 129000.00'],
        ['1-101', 'C 129000.00'],
      ],
    ],
    [
      'expense',
      {},
      [
        ['6-199', 'D 129000.00'],
        ['1-101', 'C 129000.00'],
      ],
    ],
    [
      'supplier_paid',
      { via: 'bank' },
      [
        ['2-101', 'D 129000.00'],
        ['1-102', 'C 129000.00'],
      ],
    ],
    [
      'owner_capital',
      {},
      [
        ['1-101', 'D 129000.00'],
        ['3-101', 'C 129000.00'],
      ],
    ],
    [
      'owner_drawing',
      {},
      [
        ['3-102', 'D 129000.00'],
        ['1-101', 'C 129000.00'],
      ],
    ],
    [
      'loan_received',
      { via: 'bank' },
      [
        ['1-102', 'D 129000.00'],
        ['2-201', 'C 129000.00'],
      ],
    ],
    [
      'loan_repaid',
      { interest: rp('1500') },
      [
        ['2-201', 'D 129000.00'],
        ['6-106', 'D 1500.00'],
        ['1-101', 'C 129000.00'],
        ['1-101', 'C 1500.00'],
      ],
    ],
    [
      'asset_bought',
      { settlement: 'credit', lifeMonths: 36 },
      [
        ['1-401', 'D 129000.00'],
        ['2-101', 'C 129000.00'],
      ],
    ],
  ];

  it.each(cases)('posts a %s (%o) as a balanced entry to the right accounts', async (kind, extra, expected) => {
    const w = await world();
    await fund(w.manager, w.groups.bali.id);
    const r = await post(w.manager, w.groups.bali.id, 'transactions', {
      kind,
      date: '2026-03-02',
      amount: rp('129000'),
      memo: 'uji',
      ...extra,
    });
    expect(r.statusCode, r.body).toBe(201);
    const entry = r.json();
    expect(linesOf(entry)).toEqual(expected);
    const debits = entry.lines.reduce(
      (s: number, l: { debit: { amount: string } | null }) => s + Number(l.debit?.amount ?? 0),
      0,
    );
    const credits = entry.lines.reduce(
      (s: number, l: { credit: { amount: string } | null }) => s + Number(l.credit?.amount ?? 0),
      0,
    );
    expect(debits).toBe(credits);
    expect(entry).toMatchObject({ number: 2, kind, date: '2026-03-02' });
  });

  it('numbers entries one after another and lists them newest first with a cursor', async () => {
    const w = await world();
    for (const day of ['01', '02', '03']) {
      await post(w.manager, w.groups.bali.id, 'transactions', {
        kind: 'cash_sale',
        date: `2026-04-${day}`,
        amount: rp('1000'),
      });
    }
    const page1 = await t.request({ url: `/api/v1/groups/${w.groups.bali.id}/journal?limit=2`, as: w.manager });
    expect(page1.json().items.map((e: { number: number }) => e.number)).toEqual([3, 2]);
    const page2 = await t.request({
      url: `/api/v1/groups/${w.groups.bali.id}/journal?limit=2&cursor=${page1.json().nextCursor}`,
      as: w.manager,
    });
    expect(page2.json()).toMatchObject({ items: [{ number: 1 }], nextCursor: null });
  });

  it('replays a retried transaction with the same id and refuses the id with other content', async () => {
    const w = await world();
    const body = {
      id: '0190f0a0-0000-7000-8000-00000000abcd',
      kind: 'cash_sale',
      date: '2026-03-02',
      amount: rp('12900'),
    };
    const first = await post(w.manager, w.groups.bali.id, 'transactions', body);
    const again = await post(w.manager, w.groups.bali.id, 'transactions', body);
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json().number).toBe(1);
    const other = await post(w.manager, w.groups.bali.id, 'transactions', { ...body, amount: rp('13000') });
    expect(other.statusCode).toBe(409);
    const journal = await t.request({ url: `/api/v1/groups/${w.groups.bali.id}/journal`, as: w.manager });
    expect(journal.json().items).toHaveLength(1);
  });

  it('names the field when the money is in another currency or has too many decimals', async () => {
    const w = await world();
    const usd = await post(w.manager, w.groups.bali.id, 'transactions', {
      kind: 'cash_sale',
      date: '2026-03-02',
      amount: { amount: '10.00', currency: 'USD' },
    });
    expect(usd.statusCode).toBe(400);
    expect(paths(usd)).toEqual(['amount.currency']);
    const bad = await post(w.manager, w.groups.bali.id, 'transactions', { kind: 'teleport', date: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});

describe('journal entries', () => {
  it('refuses an unbalanced entry with 422 and writes nothing, not even an entry number', async () => {
    const w = await world();
    const r = await post(w.manager, w.groups.bali.id, 'journal', {
      date: '2026-03-05',
      memo: 'Penyusutan',
      lines: [
        { accountCode: '6-107', debit: '50000' },
        { accountCode: '1-402', credit: '40000' },
      ],
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ type: expect.stringContaining('unbalanced'), errors: [{ path: 'lines' }] });
    const ok = await post(w.manager, w.groups.bali.id, 'journal', {
      date: '2026-03-05',
      memo: 'Penyusutan',
      lines: [
        { accountCode: '6-107', debit: '50000' },
        { accountCode: '1-402', credit: '50000' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().number).toBe(1);
  });

  it('refuses an account the chart does not have, naming the line', async () => {
    const w = await world();
    const r = await post(w.manager, w.groups.bali.id, 'journal', {
      date: '2026-03-05',
      memo: 'x',
      lines: [
        { accountCode: '1-101', debit: '10' },
        { accountCode: '6-999', credit: '10' },
      ],
    });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual(['lines.1.accountCode']);
  });

  it('reverses an entry so that every account it touched nets to zero, once', async () => {
    const w = await world();
    await post(w.manager, w.groups.bali.id, 'journal', {
      date: '2026-01-02',
      memo: 'Saldo awal barang jadi',
      lines: [
        { accountCode: '1-302', debit: '100000' },
        { accountCode: '3-101', credit: '100000' },
      ],
    });
    const sale = (
      await post(w.manager, w.groups.bali.id, 'transactions', {
        kind: 'cash_sale',
        date: '2026-03-02',
        amount: rp('129000'),
        costOfGoods: rp('100000'),
      })
    ).json();
    const reversal = await post(w.manager, w.groups.bali.id, `journal/${sale.id}/reverse`, { date: '2026-03-03' });
    expect(reversal.statusCode, reversal.body).toBe(201);
    expect(reversal.json()).toMatchObject({ kind: 'reversal', reverses: sale.id, number: 3 });
    const books = (await t.request({ url: `/api/v1/groups/${w.groups.bali.id}/books`, as: w.manager })).json();
    for (const code of ['1-101', '4-101', '5-101']) {
      expect(books.accounts.find((a: { code: string }) => a.code === code).balance.amount).toBe('0.00');
    }
    expect(books.accounts.find((a: { code: string }) => a.code === '1-302').balance.amount).toBe('100000.00');
    const original = await t.request({ url: `/api/v1/groups/${w.groups.bali.id}/journal/${sale.id}`, as: w.manager });
    expect(original.json().reversedBy).toBe(reversal.json().id);
    const twice = await post(w.manager, w.groups.bali.id, `journal/${sale.id}/reverse`, {});
    expect(twice.statusCode).toBe(409);
    const ofReversal = await post(w.manager, w.groups.bali.id, `journal/${reversal.json().id}/reverse`, {});
    expect(ofReversal.statusCode).toBe(422);
  });

  it('keeps posted entries unchangeable even to a direct database write', async () => {
    const w = await world();
    await post(w.manager, w.groups.bali.id, 'transactions', {
      kind: 'owner_capital',
      date: '2026-03-02',
      amount: rp('5000000'),
    });
    const db = t.database.db;
    await expect(db.query(`UPDATE journal_lines SET debit = debit + 1 WHERE debit > 0`)).rejects.toThrow(
      /never changed/,
    );
    await expect(db.query(`DELETE FROM journal_entries`)).rejects.toThrow(/never changed/);
  });
});

describe('the chart and ids', () => {
  it('adds a group’s own account only under a line of its class', async () => {
    const w = await world();
    const wrong = await post(w.manager, w.groups.bali.id, 'accounts', {
      code: '1-105',
      name: { id: 'Kas kecil' },
      line: 'revenue',
    });
    expect(wrong.statusCode).toBe(400);
    expect(paths(wrong)).toEqual(['line']);
    const ok = await post(w.manager, w.groups.bali.id, 'accounts', {
      code: '6-108',
      name: { id: 'Beban sertifikasi halal' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ code: '6-108', type: 'expense', line: 'expenses' });
    const again = await post(w.manager, w.groups.bali.id, 'accounts', { code: '6-108', name: { id: 'x' } });
    expect(again.statusCode).toBe(409);
  });

  it('answers an entry id of another group’s books by a conflict that shows nothing of it', async () => {
    const w = await world();
    const lombokManager = await w.as('group_manager', { groupId: w.groups.lombok.id });
    const theirs = await post(lombokManager, w.groups.lombok.id, 'transactions', {
      kind: 'owner_capital',
      date: '2026-03-02',
      amount: rp('7777000'),
    });
    const r = await post(w.manager, w.groups.bali.id, 'transactions', {
      id: theirs.json().id,
      kind: 'cash_sale',
      date: '2026-03-02',
      amount: rp('1000'),
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().current).toBeUndefined();
    expect(r.body).not.toContain('7777000');
  });

  it('returns the same reversal when a retry comes a day later without a date', async () => {
    const w = await world();
    const sale = (
      await post(w.manager, w.groups.bali.id, 'transactions', {
        kind: 'cash_sale',
        date: '2026-03-02',
        amount: rp('1000'),
      })
    ).json();
    const body = { id: '0190f0a0-0000-7000-8000-00000000beef' };
    const first = await post(w.manager, w.groups.bali.id, `journal/${sale.id}/reverse`, {
      ...body,
      date: '2026-03-03',
    });
    const retry = await post(w.manager, w.groups.bali.id, `journal/${sale.id}/reverse`, body);
    expect([first.statusCode, retry.statusCode]).toEqual([201, 200]);
    expect(retry.json()).toMatchObject({ id: body.id, date: '2026-03-03', number: 2 });
  });
});

describe('closing periods', () => {
  it('refuses entries dated in a closed month and accepts them after it', async () => {
    const w = await world();
    const closed = await post(w.manager, w.groups.bali.id, 'periods/close', { month: '2026-02' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().closedThrough).toBe('2026-02-28');
    const late = await post(w.manager, w.groups.bali.id, 'transactions', {
      kind: 'cash_sale',
      date: '2026-02-28',
      amount: rp('1000'),
    });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ type: expect.stringContaining('period-closed'), errors: [{ path: 'date' }] });
    const earlier = await post(w.manager, w.groups.bali.id, 'transactions', {
      kind: 'cash_sale',
      date: '2025-12-31',
      amount: rp('1000'),
    });
    expect(earlier.statusCode).toBe(422);
    const next = await post(w.manager, w.groups.bali.id, 'transactions', {
      kind: 'cash_sale',
      date: '2026-03-01',
      amount: rp('1000'),
    });
    expect(next.statusCode).toBe(201);
  });

  it('refuses a reversal dated in a closed month', async () => {
    const w = await world();
    const sale = (
      await post(w.manager, w.groups.bali.id, 'transactions', {
        kind: 'cash_sale',
        date: '2026-01-10',
        amount: rp('1000'),
      })
    ).json();
    await post(w.manager, w.groups.bali.id, 'periods/close', { month: '2026-01' });
    const r = await post(w.manager, w.groups.bali.id, `journal/${sale.id}/reverse`, { date: '2026-01-31' });
    expect(r.statusCode).toBe(422);
    expect(
      (await post(w.manager, w.groups.bali.id, `journal/${sale.id}/reverse`, { date: '2026-02-01' })).statusCode,
    ).toBe(201);
  });

  it('closes months in order and never one that has not ended', async () => {
    const w = await world();
    await post(w.manager, w.groups.bali.id, 'periods/close', { month: '2026-03' });
    const again = await post(w.manager, w.groups.bali.id, 'periods/close', { month: '2026-02' });
    expect(again.statusCode).toBe(422);
    expect(paths(again)).toEqual(['month']);
    const future = await post(w.manager, w.groups.bali.id, 'periods/close', { month: '2099-01' });
    expect(future.statusCode).toBe(422);
    const books = (await t.request({ url: `/api/v1/groups/${w.groups.bali.id}/books`, as: w.manager })).json();
    expect(books.closings).toHaveLength(1);
  });
});

describe('who may see and keep the books', () => {
  it('keeps each group’s books to its own people, its facilitator and the program manager', async () => {
    const w = await world();
    const bali = w.groups.bali.id;
    await post(w.manager, bali, 'transactions', { kind: 'owner_capital', date: '2026-03-02', amount: rp('1000000') });
    const read = (as: Session) => t.request({ url: `/api/v1/groups/${bali}/reports/financial-position`, as });
    const write = (as: Session) =>
      post(as, bali, 'transactions', { kind: 'cash_sale', date: '2026-03-03', amount: rp('1000') });

    const otherManager = await w.as('group_manager', { groupId: w.groups.lombok.id });
    expect((await read(otherManager)).statusCode).toBe(404);
    expect((await write(otherManager)).statusCode).toBe(404);
    expect((await t.request({ url: `/api/v1/groups/${bali}/journal`, as: otherManager })).statusCode).toBe(404);

    const lombokFacilitator = await w.as('facilitator', { areaCode: '52.01' });
    expect((await read(lombokFacilitator)).statusCode).toBe(404);
    const karangasemFacilitator = await w.as('facilitator', { areaCode: '51.07' });
    expect((await write(karangasemFacilitator)).statusCode).toBe(201);

    const member = await w.as('group_member', { groupId: bali });
    expect((await read(member)).statusCode).toBe(200);
    expect((await write(member)).statusCode).toBe(403);

    const pm = await w.as('program_manager');
    expect((await read(pm)).statusCode).toBe(200);
    expect((await write(pm)).statusCode).toBe(403);

    for (const role of ['assessor', 'trainer'] as const) {
      expect((await read(await w.as(role))).statusCode).toBe(404);
    }
    expect((await t.request({ url: `/api/v1/groups/${bali}/books` })).statusCode).toBe(401);
  });

  it('gives another program’s manager nothing', async () => {
    const w = await world();
    const other = await registryWorld(t);
    const outsider = await other.as('program_manager');
    const r = await t.request({ url: `/api/v1/groups/${w.groups.bali.id}/reports/income-statement`, as: outsider });
    expect(r.statusCode).toBe(404);
  });
});

describe('what the books answer tells the web', () => {
  const booksOf = (groupId: string, as?: Session) => t.request({ url: `/api/v1/groups/${groupId}/books`, as });

  it('carries what each role may do with the books, and nothing for a facilitator of another regency', async () => {
    const w = await world();
    const bali = w.groups.bali.id;
    const keeper = { read: true, post: true, reverse: true, closePeriod: true, addAccount: true, settings: true };
    const reader = { read: true, post: false, reverse: false, closePeriod: false, addAccount: false, settings: false };
    const cases: [string, Session, object][] = [
      ['group manager', w.manager, keeper],
      ['facilitator of its regency', await w.as('facilitator', { areaCode: '51.07' }), keeper],
      ['group member', await w.as('group_member', { groupId: bali }), reader],
      ['program manager', await w.as('program_manager'), reader],
    ];
    for (const [who, as, abilities] of cases) {
      const r = await booksOf(bali, as);
      expect(r.statusCode, who).toBe(200);
      expect(r.json().abilities, who).toEqual(abilities);
    }
    const lombokFacilitator = await w.as('facilitator', { areaCode: '52.01' });
    expect((await booksOf(bali, lombokFacilitator)).statusCode).toBe(404);
  });

  it('shows books nobody has written to as the template chart at zero, without opening them', async () => {
    const w = await world();
    const bali = w.groups.bali.id;
    const opened = async () =>
      (
        await t.database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_books WHERE group_id = $1`, [
          bali,
        ])
      )[0]!.n;
    const before = await booksOf(bali, w.manager);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ currency: 'IDR', closedThrough: null, closings: [] });
    expect(before.json().accounts.length).toBeGreaterThan(10);
    for (const a of before.json().accounts) expect(a.balance.amount).toBe('0.00');
    for (const path of ['journal', 'reports/financial-position', 'reports/income-statement', 'reports/notes']) {
      expect((await t.request({ url: `/api/v1/groups/${bali}/${path}`, as: w.manager })).statusCode, path).toBe(200);
    }
    expect(await opened()).toBe(0);

    await post(w.manager, bali, 'transactions', { kind: 'owner_capital', date: '2026-03-02', amount: rp('1000') });
    expect(await opened()).toBe(1);
    const after = (await booksOf(bali, w.manager)).json();
    // The accounts a reader saw before the books opened are the accounts they opened with.
    expect(after.accounts.map((a: { id: string; code: string }) => [a.code, a.id])).toEqual(
      before.json().accounts.map((a: { id: string; code: string }) => [a.code, a.id]),
    );
    expect(after.accounts.find((a: { code: string }) => a.code === '3-101').balance.amount).toBe('1000.00');
  });
});

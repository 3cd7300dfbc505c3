import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildProduct, buildUser, signIn, signedIn, STRONG_PASSWORD } from '../../../../test/factories.js';
import { drift, expectSameAsFullScan } from '../../../../test/ledger-oracle.js';

/** "Today" follows the run's steps, so an order ships on the day of its step (the server dates a shipment today). */
let today = new Date('2026-01-01T05:00:00Z');
const t = useTestApp({ clock: { now: () => today } });
const RUNS = Number(process.env.OVOP_BOOKS_RUNS ?? 30);

const rp = (minor: bigint) => ({
  amount: `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`,
  currency: 'IDR',
});
const dayOf = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
};

/** What the books refuse with a reason and write nothing for (issue 13). */
const REFUSALS = [
  'insufficient-balance',
  'more-than-owed',
  'more-than-receivable',
  'stock-insufficient',
  'period-closed',
  'period-already-closed',
  'reversal-of-production',
  'final-tax-nothing-due',
  'period-not-ended',
];

const amount = fc.bigInt({ min: 1_000_00n, max: 5_000_000_00n });
const step = fc.oneof(
  fc.record({ op: fc.constant('capital' as const), amount }),
  fc.record({ op: fc.constant('purchase' as const), amount, credit: fc.boolean() }),
  fc.record({
    op: fc.constant('batch' as const),
    quantity: fc.integer({ min: 1, max: 200 }),
    materials: amount,
    labour: fc.bigInt({ min: 0n, max: 500_000_00n }),
  }),
  fc.record({
    op: fc.constant('sale' as const),
    amount,
    quantity: fc.integer({ min: 1, max: 150 }),
    credit: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('loss' as const),
    kind: fc.constantFrom('spoiled', 'sample'),
    batch: fc.nat(),
    quantity: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({
    op: fc.constant('order' as const),
    quantity: fc.integer({ min: 1, max: 120 }),
    unitPrice: fc.integer({ min: 1_000, max: 60_000 }),
    ship: fc.boolean(),
  }),
  fc.record({ op: fc.constant('ship' as const), order: fc.nat() }),
  fc.record({ op: fc.constant('collect' as const), amount }),
  fc.record({ op: fc.constant('pay' as const), amount }),
  fc.record({ op: fc.constant('asset' as const), amount, lifeMonths: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant('depreciate' as const) }),
  fc.record({ op: fc.constant('reverse' as const), entry: fc.nat() }),
  fc.record({ op: fc.constant('close' as const) }),
  fc.record({ op: fc.constant('payTax' as const) }),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/**
 * One run that takes every path, beside the random ones: made, sold, ordered and shipped later and at
 * once, spoiled, an asset bought and depreciated, an entry reversed, a month closed. Random runs reach
 * them most of the time; this one makes the statistics below hold on every seed.
 */
const EVERY_PATH: [Step, number][] = [
  [{ op: 'batch', quantity: 100, materials: 2_000_000_00n, labour: 100_000_00n }, 1],
  [{ op: 'sale', amount: 500_000_00n, quantity: 10, credit: false }, 1],
  [{ op: 'order', quantity: 10, unitPrice: 20_000, ship: false }, 1],
  [{ op: 'ship', order: 0 }, 1],
  [{ op: 'order', quantity: 5, unitPrice: 20_000, ship: true }, 1],
  [{ op: 'loss', kind: 'spoiled', batch: 0, quantity: 5 }, 1],
  [{ op: 'asset', amount: 1_200_000_00n, lifeMonths: 12 }, 1],
  [{ op: 'depreciate' }, 1],
  [{ op: 'sale', amount: 300_000_00n, quantity: 5, credit: false }, 1],
  [{ op: 'reverse', entry: 0 }, 30],
  [{ op: 'close' }, 1],
];

describe('the books under random months of production, sales and closings', () => {
  it('balance at every month end, keep stock-like accounts on their side, and hold inventory equal to stock', async () => {
    const db = t.database.db;
    // Sessions are signed in on the real day: the database checks their expiry against its own clock.
    today = new Date();
    const admin = await signedIn(t.app, await buildUser(db, { isAdmin: true }));
    const buyer = await signedUpBuyer();
    const stats = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(step, fc.integer({ min: 0, max: 6 })), { minLength: 5, maxLength: 30 }),
        fc.boolean(),
        async (steps, finalTax) => {
          const product = await buildProduct(db);
          const run = new Run(admin, buyer, product.groupId, product.id, stats);
          // Half the groups use the UMKM final tax: month closes and "Bayar PPh final" post it.
          if (finalTax) await run.useFinalTax();
          // Opening: members' capital and a store of materials, so runs reach production and sales.
          await run.apply({ op: 'capital', amount: 100_000_000_00n }, dayOf(0));
          await run.apply({ op: 'purchase', amount: 30_000_000_00n, credit: false }, dayOf(0));
          let day = 0;
          for (const [s, advance] of steps) {
            day += advance;
            await run.apply(s, dayOf(day));
          }
          const lastMonth = dayOf(day).slice(0, 7);
          today = new Date(`${lastDayOf(lastMonth)}T05:00:00Z`);
          for (let m = 1; `2026-${String(m).padStart(2, '0')}` <= lastMonth; m++) {
            await run.checkAt(lastDayOf(`2026-${String(m).padStart(2, '0')}`));
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true, examples: [[EVERY_PATH, true]] },
    );
    // The runs did reach the paths under test: batches made, sold from, spoiled, depreciated, reversed.
    if (RUNS >= 30) {
      for (const op of ['batch', 'sale', 'order', 'ship', 'loss', 'asset', 'reverse', 'close'])
        expect(stats.get(op) ?? 0, `${op} in ${JSON.stringify([...stats])}`).toBeGreaterThan(0);
    }
  }, 600_000);
});

/** A buyer from the public sign-up page, who asks for quotes and accepts them. */
async function signedUpBuyer(): Promise<Session> {
  const email = `buyer-${Date.now()}@example.jp`;
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/buyers',
    payload: {
      email,
      name: 'Sato Hanako',
      password: STRONG_PASSWORD,
      companyName: 'Oita Fine Foods K.K.',
      country: 'JP',
      areaCode: null,
    },
  });
  expect(r.statusCode, r.body).toBe(202);
  return signIn(t.app, email);
}

/** One group's books driven through the API, as a treasurer's phone would. */
class Run {
  private readonly entries: string[] = [];
  private readonly batches: string[] = [];
  /** Orders confirmed (stock reserved) and not shipped yet. */
  private readonly confirmed: string[] = [];
  private closedThrough = '';
  private finalTax = false;
  /** The step being applied, for the statistics. */
  private op = '';

  constructor(
    private readonly as: Session,
    private readonly buyer: Session,
    private readonly groupId: string,
    private readonly productId: string,
    private readonly stats: Map<string, number>,
  ) {}

  private async send(method: 'POST', url: string, payload: object, as = this.as) {
    const r = await t.request({ method, url, as, payload });
    if (r.statusCode === 201 || r.statusCode === 200) {
      this.stats.set(this.op, (this.stats.get(this.op) ?? 0) + 1);
      return r.json();
    }
    const type = String(r.json().type ?? '').replace('/problems/', '');
    if (r.statusCode === 422 && REFUSALS.includes(type)) return null;
    throw new Error(`${url} ${JSON.stringify(payload)}: ${r.statusCode} ${r.body}`);
  }

  private transaction(payload: object) {
    return this.send('POST', `/api/v1/groups/${this.groupId}/transactions`, payload);
  }

  async apply(s: Step, date: string) {
    if (date <= this.closedThrough) return;
    today = new Date(`${date}T05:00:00Z`);
    this.op = s.op;
    const posted = await this.post(s, date);
    if (posted && typeof posted.id === 'string' && s.op !== 'batch' && s.op !== 'loss') this.entries.push(posted.id);
  }

  private async post(s: Step, date: string) {
    switch (s.op) {
      case 'capital':
        return this.transaction({ kind: 'owner_capital', date, amount: rp(s.amount), via: 'cash' });
      case 'purchase':
        return this.transaction({
          kind: 'material_purchase',
          date,
          amount: rp(s.amount),
          settlement: s.credit ? 'credit' : 'cash',
        });
      case 'batch': {
        const batch = await this.send('POST', '/api/v1/batches', {
          productId: this.productId,
          lotCode: `L-${this.batches.length + 1}-${date}`,
          quantity: String(s.quantity),
          producedOn: date,
          costs: { materials: rp(s.materials), labour: rp(s.labour) },
          inputs: [],
        });
        if (batch) this.batches.push(batch.id);
        return batch;
      }
      case 'sale':
        return this.transaction({
          kind: s.credit ? 'credit_sale' : 'cash_sale',
          date,
          amount: rp(s.amount),
          ...(s.credit ? {} : { via: 'cash' }),
          items: [{ productId: this.productId, quantity: String(s.quantity) }],
        });
      case 'loss': {
        const id = this.batches[s.batch % Math.max(1, this.batches.length)];
        if (!id) return null;
        return this.send('POST', `/api/v1/batches/${id}/movements`, {
          kind: s.kind,
          quantity: String(s.quantity),
          on: date,
        });
      }
      case 'order': {
        // A buyer's quotation, quoted and accepted: an order, confirmed (stock reserved) and maybe shipped now.
        this.op = 'quote';
        const inquiry = await this.send(
          'POST',
          '/api/v1/inquiries',
          { productId: this.productId, kind: 'quotation', quantity: String(s.quantity), message: 'Quote, please.' },
          this.buyer,
        );
        const quoted = await this.send('POST', `/api/v1/inquiries/${inquiry.id}/quotes`, {
          unitPrice: { amount: String(s.unitPrice), currency: 'IDR' },
          quantity: String(s.quantity),
          validUntil: '2099-12-31',
        });
        const quote = quoted.quotes.at(-1);
        const order = await this.send(
          'POST',
          `/api/v1/inquiries/${inquiry.id}/quotes/${quote.id}/accept`,
          {},
          this.buyer,
        );
        this.op = 'order';
        if (!(await this.send('POST', `/api/v1/orders/${order.id}/transitions`, { to: 'confirmed' }))) return null;
        if (!s.ship) this.confirmed.push(order.id);
        else await this.ship(order.id);
        return null;
      }
      case 'ship': {
        const at = s.order % Math.max(1, this.confirmed.length);
        const id = this.confirmed[at];
        if (!id) return null;
        this.confirmed.splice(at, 1);
        await this.ship(id);
        return null;
      }
      case 'collect':
        return this.transaction({ kind: 'payment_received', date, amount: rp(s.amount), via: 'cash' });
      case 'pay':
        return this.transaction({ kind: 'supplier_paid', date, amount: rp(s.amount), via: 'cash' });
      case 'asset':
        return this.transaction({
          kind: 'asset_bought',
          date,
          amount: rp(s.amount),
          settlement: 'cash',
          lifeMonths: s.lifeMonths,
        });
      case 'depreciate':
        await this.send('POST', `/api/v1/groups/${this.groupId}/depreciation`, { month: date.slice(0, 7) });
        return null;
      case 'reverse': {
        const at = s.entry % Math.max(1, this.entries.length);
        const id = this.entries[at];
        if (!id) return null;
        // An entry is reversed once: a reversed one leaves the list of candidates.
        if (await this.send('POST', `/api/v1/groups/${this.groupId}/journal/${id}/reverse`, {})) {
          this.entries.splice(at, 1);
        }
        return null;
      }
      case 'payTax': {
        // Last month's final tax, when the group uses it.
        const [y, m] = date.split('-').map(Number);
        const month = new Date(Date.UTC(y!, m! - 2, 1)).toISOString().slice(0, 7);
        if (!this.finalTax || month < '2026-01') return null;
        return this.send('POST', `/api/v1/groups/${this.groupId}/final-tax/payments`, { month, date, via: 'cash' });
      }
      case 'close': {
        // The month before this one, once it has ended.
        const [y, m] = date.split('-').map(Number);
        const month = new Date(Date.UTC(y!, m! - 2, 1)).toISOString().slice(0, 7);
        if (month < '2026-01' || lastDayOf(month) <= this.closedThrough) return null;
        const closed = await this.send('POST', `/api/v1/groups/${this.groupId}/periods/close`, { month });
        if (closed) this.closedThrough = lastDayOf(month);
        return null;
      }
    }
  }

  async useFinalTax() {
    const r = await t.request({
      method: 'PUT',
      url: `/api/v1/groups/${this.groupId}/books/settings`,
      as: this.as,
      payload: { finalTaxFrom: '2026-01' },
    });
    expect(r.statusCode, r.body).toBe(200);
    this.finalTax = true;
  }

  /** Ships a confirmed order: the stock it held leaves its batches and the credit sale with its cost is posted. */
  private async ship(orderId: string) {
    this.op = 'ship';
    const shipped = await this.send('POST', `/api/v1/orders/${orderId}/transitions`, { to: 'shipped' });
    expect(shipped.saleEntryId).toEqual(expect.any(String));
    this.entries.push(shipped.saleEntryId);
  }

  /** The statement balances, stock-like accounts keep their side, and inventory equals stock to the cent. */
  async checkAt(at: string) {
    const get = async (path: string) => {
      const r = await t.request({ url: `/api/v1/groups/${this.groupId}/${path}`, as: this.as });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const position = await get(`reports/financial-position?at=${at}`);
    expect(position.balanced, at).toBe(true);
    const check = await get(`books/inventory-check?on=${at}`);
    expect(check.difference.amount, at).toBe('0.00');
    const wrongSide = await t.database.db.query<{ role: string; balance: string }>(
      `SELECT a.role, sum(CASE WHEN a.type = 'asset' THEN l.debit - l.credit ELSE l.credit - l.debit END)::text AS balance
         FROM ledger_accounts a JOIN journal_lines l ON l.account_id = a.id AND l.entry_date <= $2::date
        WHERE a.group_id = $1 AND a.role IN ('cash', 'bank', 'materials', 'finished_goods', 'receivables', 'payables', 'tax_payable')
        GROUP BY a.role, a.type
       HAVING sum(CASE WHEN a.type = 'asset' THEN l.debit - l.credit ELSE l.credit - l.debit END) < 0`,
      [this.groupId, at],
    );
    expect(wrongSide, at).toEqual([]);
    // The month balances equal a recount of the lines, and every figure read from them the full scan.
    expect(await drift(t.database.db), at).toEqual([]);
    await expectSameAsFullScan(t.database.db, this.groupId, at, dayOf(Number(at.slice(5, 7)) * 11));
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { pdfText } from '../../../../test/documents.js';
import { marketWorld, type MarketWorld } from '../../../../test/market-fixtures.js';
import { convertMinor } from '../../../shared/money.js';

const t = useTestApp();
const RUNS = Number(process.env.OVOP_TRADE_RUNS ?? 12);

const FOB_BENOA = {
  incoterm: 'FOB',
  namedPlace: 'Benoa, Bali',
  freight: null,
  paymentTerms: 'deposit_30_70',
  leadTimeDays: 30,
  minimumOrder: '4',
  samplePolicy: 'free',
};

const move = (as: Session, id: string, to: string) =>
  t.request({ method: 'POST', url: `/api/v1/orders/${id}/transitions`, as, payload: { to } });

/** The order shipped (stock taken, the sale posted) and the journal entry of its sale. */
async function shipAndRead(w: MarketWorld, order: { id: string }) {
  expect((await move(w.managers.bali, order.id, 'confirmed')).statusCode).toBe(200);
  const shipped = await move(w.managers.bali, order.id, 'shipped');
  expect(shipped.statusCode).toBe(200);
  const entry = await t.request({
    method: 'GET',
    url: `/api/v1/groups/${w.groups.bali.id}/journal/${shipped.json().saleEntryId}`,
    as: w.managers.bali,
  });
  expect(entry.statusCode).toBe(200);
  return entry.json();
}

/** An independent oracle: round(minor × rate) half away from zero, by quotient and remainder. */
function expectedMinor(minor: bigint, fromDigits: number, toDigits: number, rate: string): bigint {
  const [whole, fraction = ''] = rate.split('.');
  const n = minor * BigInt(whole! + fraction) * 10n ** BigInt(toDigits);
  const d = 10n ** BigInt(fraction.length + fromDigits);
  const q = n / d;
  return 2n * (n - q * d) >= d ? q + 1n : q;
}

describe('converting between currencies', () => {
  it('rounds once, half away from zero, to the minor unit of the target currency', () => {
    expect(convertMinor(12000n, 'JPY', 'IDR', '104.5')).toBe(125400000n);
    // 1 yen at 0.005 IDR is 0.5 sen: rounds up; 0.004 rounds down; a refund rounds away from zero too.
    expect(convertMinor(1n, 'JPY', 'IDR', '0.005')).toBe(1n);
    expect(convertMinor(1n, 'JPY', 'IDR', '0.004')).toBe(0n);
    expect(convertMinor(-1n, 'JPY', 'IDR', '0.005')).toBe(-1n);
    // USD 10.99 at 15,873.25 IDR/USD = Rp 174.447,0175 → Rp 174.447,02
    expect(convertMinor(1099n, 'USD', 'IDR', '15873.25')).toBe(17444702n);
  });

  it('equals the quotient-and-remainder rounding for any amount and rate', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(['JPY', 0], ['USD', 2], ['KRW', 0], ['EUR', 2]),
        (minor, rateDigits, scale, [currency, digits]) => {
          const text = String(rateDigits).padStart(scale + 1, '0');
          const rate = scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
          expect(convertMinor(minor, currency as string, 'IDR', rate)).toBe(
            expectedMinor(minor, digits as number, 2, rate),
          );
        },
      ),
    );
  });
});

describe('export trade', () => {
  it('posts a JPY quote of ¥12,000 at 104.5 IDR/JPY as Rp 1.254.000 to sales and receivables, keeping the yen', async () => {
    const w = await marketWorld(t);
    await w.batch(w.products.bali.id, { quantity: '10' });
    const buyer = await w.buyer();
    const order = await w.order(buyer, w.products.bali.id, w.managers.bali, '8', {
      unitPrice: { amount: '1500', currency: 'JPY' },
      rate: '104.5000',
      terms: FOB_BENOA,
    });
    expect(order).toMatchObject({
      unitPrice: { amount: '1500', currency: 'JPY' },
      total: { amount: '12000', currency: 'JPY' },
      rate: '104.5',
      groupTotal: { amount: '1254000.00', currency: 'IDR' },
      terms: { ...FOB_BENOA, minimumOrder: '4' },
      market: 'export',
    });
    const entry = await shipAndRead(w, order);
    expect(entry.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ accountCode: '1-201', debit: { amount: '1254000.00', currency: 'IDR' } }),
        expect.objectContaining({ accountCode: '4-101', credit: { amount: '1254000.00', currency: 'IDR' } }),
      ]),
    );
    expect(entry.details).toMatchObject({
      market: 'export',
      destination: 'JP',
      foreign: { amount: { amount: '12000', currency: 'JPY' }, rate: '104.5' },
    });
    expect(entry.memo).toContain('JPY 12000 at 104.5 IDR/JPY');

    // Impact counts the sale in rupiah, as the books hold it.
    const sales = await t.database.db.query<{ currency: string; amount: string }>(
      'SELECT currency, amount::text FROM business_sales WHERE entry_id = $1',
      [entry.id],
    );
    expect(sales).toEqual([{ currency: 'IDR', amount: '125400000' }]);
  });

  it('adds freight the price does not include to the total, and only names freight that it does', async () => {
    const w = await marketWorld(t);
    await w.batch(w.products.bali.id, { quantity: '10' });
    const buyer = await w.buyer();
    const terms = { ...FOB_BENOA, incoterm: 'CIF', namedPlace: 'Osaka', minimumOrder: null };
    const order = await w.order(buyer, w.products.bali.id, w.managers.bali, '3', {
      unitPrice: { amount: '9.99', currency: 'USD' },
      rate: '15873.25',
      terms: { ...terms, freight: { amount: '45.5', included: false } },
    });
    // 3 × 9.99 + 45.50 = USD 75.47; × 15,873.25 = Rp 1.197.954,1775 → Rp 1.197.954,18
    expect(order).toMatchObject({
      total: { amount: '75.47', currency: 'USD' },
      groupTotal: { amount: '1197954.18', currency: 'IDR' },
      terms: { freight: { amount: { amount: '45.50', currency: 'USD' }, included: false } },
    });
    const entry = await shipAndRead(w, order);
    expect(entry.total).toMatchObject({ amount: '1197954.18' });

    const included = await w.order(buyer, w.products.bali.id, w.managers.bali, '3', {
      unitPrice: { amount: '9.99', currency: 'USD' },
      rate: '15873.25',
      terms: { ...terms, freight: { amount: '45.5', included: true } },
    });
    expect(included.total).toEqual({ amount: '29.97', currency: 'USD' });
  });

  it('requires a rate for another currency and refuses one for its own, naming each field; nothing is stored', async () => {
    const w = await marketWorld(t);
    const buyer = await w.buyer();
    const inquiry = (
      await t.request({
        method: 'POST',
        url: '/api/v1/inquiries',
        as: buyer,
        payload: { productId: w.products.bali.id, kind: 'quotation', quantity: '10', message: 'Price in yen?' },
      })
    ).json();
    const quote = (payload: Record<string, unknown>, lang = 'en') =>
      t.request({
        method: 'POST',
        url: `/api/v1/inquiries/${inquiry.id}/quotes`,
        as: w.managers.bali,
        headers: { 'accept-language': lang },
        payload: {
          unitPrice: { amount: '1500', currency: 'JPY' },
          quantity: '10',
          validUntil: '2099-01-01',
          ...payload,
        },
      });
    const noRate = await quote({});
    expect(noRate.statusCode).toBe(400);
    expect(noRate.json().errors).toEqual([
      expect.objectContaining({
        path: 'rate',
        code: 'rate_required',
        params: { currency: 'JPY', groupCurrency: 'IDR' },
      }),
    ]);
    const ja = await quote({}, 'ja');
    expect(ja.json().errors[0].message).toContain('為替レート');
    const id = await quote({}, 'id');
    expect(id.json().errors[0].message).toContain('kurs');
    expect((await quote({ unitPrice: { amount: '12000', currency: 'IDR' }, rate: '1' })).json().errors).toEqual([
      expect.objectContaining({ path: 'rate', code: 'rate_not_allowed' }),
    ]);
    for (const rate of ['0', '0.000', '-1', '1e3', '1,5'])
      expect((await quote({ rate })).json().errors).toEqual([expect.objectContaining({ path: 'rate' })]);
    const fractionalYen = await quote({
      unitPrice: { amount: '1500.5', currency: 'JPY' },
      rate: '104.5',
      terms: { ...FOB_BENOA, freight: { amount: '10.5', included: false }, minimumOrder: '50' },
    });
    expect(fractionalYen.json().errors).toEqual([
      expect.objectContaining({
        path: 'unitPrice.amount',
        code: 'money_decimals',
        params: { currency: 'JPY', decimals: 0 },
      }),
      expect.objectContaining({ path: 'terms.freight.amount', code: 'money_decimals' }),
      expect.objectContaining({ path: 'quantity', code: 'below_minimum_order', params: { minimum: '50' } }),
    ]);
    const badTerms = await quote({
      rate: '104.5',
      terms: {
        ...FOB_BENOA,
        incoterm: 'DAT',
        namedPlace: ' ',
        paymentTerms: 'cod',
        leadTimeDays: -1,
        samplePolicy: 'x',
      },
    });
    expect(badTerms.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['terms.incoterm', 'invalid_value'],
      ['terms.namedPlace', 'required'],
      ['terms.paymentTerms', 'invalid_value'],
      ['terms.leadTimeDays', 'too_small_number'],
      ['terms.samplePolicy', 'invalid_value'],
    ]);
    const after = await t.request({ method: 'GET', url: `/api/v1/inquiries/${inquiry.id}`, as: buyer });
    expect(after.json()).toMatchObject({ status: 'open', quotes: [] });
  });

  it('posts round(amount × rate) in rupiah for any amount and rate, in balanced entries', async () => {
    const w = await marketWorld(t);
    await w.batch(w.products.bali.id, { quantity: String(RUNS * 50) });
    const buyer = await w.buyer();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(['JPY', 0], ['USD', 2], ['EUR', 2], ['KRW', 0], ['SGD', 2]),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 20_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        async ([currency, digits], priceMinor, quantity, rateDigits, scale) => {
          const d = digits as number;
          const price = d === 0 ? String(priceMinor) : (priceMinor / 10 ** d).toFixed(d);
          const text = String(rateDigits).padStart(scale + 1, '0');
          const rate = scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
          const totalMinor = BigInt(priceMinor) * BigInt(quantity);
          const idr = expectedMinor(totalMinor, d, 2, rate);
          // A sale that comes to less than half a sen posts nothing.
          fc.pre(idr > 0n);
          const order = await w.order(buyer, w.products.bali.id, w.managers.bali, String(quantity), {
            unitPrice: { amount: price, currency },
            rate,
          });
          const entry = await shipAndRead(w, order);
          const sum = (side: 'debit' | 'credit') =>
            entry.lines.reduce(
              (s: bigint, l: Record<string, { amount: string } | null>) =>
                s + (l[side] ? BigInt(l[side]!.amount.replace('.', '')) : 0n),
              0n,
            );
          expect(sum('debit')).toBe(sum('credit'));
          const sales = entry.lines.find((l: { accountCode: string }) => l.accountCode === '4-101');
          expect(BigInt(sales.credit.amount.replace('.', ''))).toBe(idr);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('prints a pro-forma in the buyer’s language, for the two sides only', async () => {
    const w = await marketWorld(t);
    const proforma = async (locale: 'ja' | 'en' | 'id') => {
      const buyer = await w.buyer({ locale });
      const inquiry = (
        await t.request({
          method: 'POST',
          url: '/api/v1/inquiries',
          as: buyer,
          payload: { productId: w.products.bali.id, kind: 'quotation', quantity: '200', message: 'Pro-forma please' },
        })
      ).json();
      const quoted = await t.request({
        method: 'POST',
        url: `/api/v1/inquiries/${inquiry.id}/quotes`,
        as: w.managers.bali,
        payload: {
          unitPrice: { amount: '115', currency: 'JPY' },
          rate: '104.5',
          quantity: '200',
          validUntil: '2099-03-31',
          terms: { ...FOB_BENOA, freight: { amount: '3000', included: false }, minimumOrder: '100' },
        },
      });
      const quote = quoted.json().quotes[0];
      const url = `/api/v1/inquiries/${inquiry.id}/quotes/${quote.id}/proforma.pdf`;
      return { buyer, url, inquiry };
    };

    const ja = await proforma('ja');
    const byGroup = await t.request({ method: 'GET', url: ja.url, as: w.managers.bali });
    expect(byGroup.statusCode).toBe(200);
    expect(byGroup.headers['content-type']).toBe('application/pdf');
    const jaText = (await pdfText(byGroup.rawPayload)).text;
    for (const printed of [
      'プロフォーマ・インボイス',
      '税務上の請求書（インボイス）ではありません',
      'Kelompok Tani Salak Sibetan',
      'インドネシア',
      'Oita Fine Foods K.K.',
      '日本',
      'JPY',
      '23,000', // 200 × ¥115
      '3,000',
      '26,000',
      'FOB Benoa, Bali',
      '前払い30%・出荷前に残金70%',
      '30日',
      'サンプル無料',
      '2099年3月31日',
      '為替レート: 1 JPY = 104.5 IDR',
    ])
      expect(jaText).toContain(printed);

    const en = await proforma('en');
    const enText = (await pdfText((await t.request({ method: 'GET', url: en.url, as: en.buyer })).rawPayload)).text;
    for (const printed of [
      'PRO-FORMA INVOICE',
      'Pro-forma — not a tax invoice',
      'Indonesia',
      'Japan',
      '30% deposit, 70% before shipment',
      'Lead time: 30 days',
      'Free samples',
      '31 March 2099',
      'Valid until',
      'Exchange rate: 1 JPY = 104.5 IDR',
    ])
      expect(enText).toContain(printed);
    // An Indonesian reader writes a decimal comma.
    const id = await proforma('id');
    const idText = (await pdfText((await t.request({ method: 'GET', url: id.url, as: id.buyer })).rawPayload)).text;
    expect(idText).toContain('Kurs: 1 JPY = 104,5 IDR');

    // The other buyer, a member of the group and another group's manager are kept out.
    expect((await t.request({ method: 'GET', url: ja.url, as: en.buyer })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: ja.url, as: w.managers.lombok })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: ja.url })).statusCode).toBe(401);
    const otherQuote = ja.url.replace(ja.inquiry.id, en.inquiry.id);
    expect((await t.request({ method: 'GET', url: otherQuote, as: en.buyer })).statusCode).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, dateIn } from '../../shared/dates.js';
import { testConfig, useTestApp } from '../../../test/app.js';
import { signIn, testFiles } from '../../../test/factories.js';
import { seedDemo, type DemoSeedResult } from './seed-demo.js';

const t = useTestApp();

function created(result: DemoSeedResult) {
  if (!result.created) throw new Error('the demo was not created');
  return result;
}

describe('the demo market', () => {
  it('has salak batches with a genealogy, a buyer from Japan, and a quoted inquiry the group sees', async () => {
    const result = created(await seedDemo(t.database.db, { secret: testConfig.secret, files: testFiles }));
    const password = (email: string) => result.accounts.find((a) => a.email === email)!.password!;
    const buyer = await signIn(t.app, 'buyer@demo.ovop.id', password('buyer@demo.ovop.id'));
    const me = await t.request({ method: 'GET', url: '/api/v1/buyers/me', as: buyer });
    expect(me.json()).toMatchObject({ companyName: 'Oita Fine Foods K.K.', country: 'JP' });
    const inquiries = await t.request({ method: 'GET', url: '/api/v1/inquiries', as: buyer });
    expect(inquiries.json().items).toMatchObject([
      {
        kind: 'quotation',
        status: 'quoted',
        quotes: [
          {
            unitPrice: { amount: '115', currency: 'JPY' },
            rate: '104.5',
            total: { amount: '57500', currency: 'JPY' },
            groupTotal: { amount: '6008750.00', currency: 'IDR' },
            terms: { incoterm: 'FOB', namedPlace: 'Benoa, Bali', paymentTerms: 'deposit_30_70' },
          },
        ],
      },
    ]);

    const manager = await signIn(t.app, 'group.manager@demo.ovop.id', password('group.manager@demo.ovop.id'));
    const inbox = await t.request({ method: 'GET', url: '/api/v1/inquiries', as: manager });
    expect(inbox.json().items).toHaveLength(1);
    const batches = await t.request({ method: 'GET', url: '/api/v1/batches', as: manager });
    const lots = batches.json().items.map((b: { lotCode: string; available: string }) => [b.lotCode, b.available]);
    // Newest first: the dodol and the harvest run, then the books' three monthly runs, sold out.
    // Lot codes carry the run's year and month: the chips were fried 14 days before the seeding day.
    const chipsLot = `KSS-${addDays(dateIn(new Date()), -14).slice(2, 7).replace('-', '')}-01`;
    expect(lots.slice(0, 2)).toEqual([
      [expect.stringMatching(/^DDL-\d{4}-01$/), '40'],
      [chipsLot, '575'],
    ]);
    expect(lots.slice(2).map(([lot, available]: string[]) => [lot!.slice(0, 4), available])).toEqual([
      ['KSS-', '0'],
      ['KSS-', '0'],
      ['KSS-', '0'],
    ]);
    const dodol = batches.json().items[0];
    const provenance = await t.request({ method: 'GET', url: `/api/v1/provenance/batches/${dodol.id}` });
    expect(provenance.json().inputs).toMatchObject([{ lotCode: chipsLot, product: 'Keripik Salak Sibetan' }]);
  });
});

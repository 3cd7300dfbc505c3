import { describe, expect, it } from 'vitest';
import { addDays, dateIn } from '../../shared/dates.js';
import { useTestApp } from '../../../test/app.js';
import { marketWorld } from '../../../test/market-fixtures.js';
import { registryWorld } from '../../../test/registry-fixtures.js';
import { trainingWorld } from '../../../test/training-fixtures.js';

const t = useTestApp();

const TOO_EARLY = 'must be on or after 1900-01-01';
const TOO_LATE = 'must be on or before 2100-12-31';

type Answer = { statusCode: number; body: string; json(): { errors?: { path: string; message: string }[] } };

/** A 400 whose only field errors are the given ones. */
function expectRefused(r: Answer, ...errors: { path: string; message: string }[]) {
  expect(r.statusCode, r.body).toBe(400);
  expect(r.json().errors).toEqual(errors.map((e) => expect.objectContaining(e)));
}

function expectCreated(r: Answer) {
  expect(r.statusCode, r.body).toBe(201);
}

describe('dates in requests', () => {
  it('takes a program start from 1900-01-01 to 2100-12-31, naming the field outside it', async () => {
    const w = await registryWorld(t);
    const program = (code: string, startedOn: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/programs',
        as: w.admin,
        payload: { code, name: 'OVOP Lama', country: 'ID', currency: 'IDR', locales: ['id'], startedOn },
      });
    expectRefused(await program('OLD-1', '1899-12-31'), { path: 'startedOn', message: TOO_EARLY });
    expectRefused(await program('OLD-2', '0001-01-01'), { path: 'startedOn', message: TOO_EARLY });
    expectRefused(await program('OLD-3', '2101-01-01'), { path: 'startedOn', message: TOO_LATE });
    expectRefused(await program('OLD-4', '9999-12-31'), { path: 'startedOn', message: TOO_LATE });
    expectRefused(await program('OLD-5', '1900-02-30'), { path: 'startedOn', message: 'Invalid ISO date' });
    expectCreated(await program('OLD-6', '1900-01-01'));
    expectCreated(await program('OLD-7', '2100-12-31'));
  });

  it('takes a group founded from 1900-01-01 up to today, never in the future', async () => {
    const w = await registryWorld(t);
    let n = 0;
    const group = (foundedOn: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/groups',
        as: w.admin,
        payload: {
          programId: w.program.id,
          villageId: w.villages.bali.id,
          name: `KWT ${++n}`,
          kind: 'women_group',
          foundedOn,
        },
      });
    // The latest date anywhere on earth is at most a day past UTC's: two days on is the future everywhere.
    const future = addDays(dateIn(new Date(), 'UTC'), 2);
    expectRefused(await group('1899-12-31'), { path: 'foundedOn', message: TOO_EARLY });
    expectRefused(await group(future), { path: 'foundedOn', message: 'is in the future' });
    expectRefused(await group('2101-01-01'), { path: 'foundedOn', message: 'is in the future' });
    expectCreated(await group('1900-01-01'));
    expectCreated(await group(dateIn(new Date(), 'Asia/Jayapura')));
  });

  it('takes a member who joined from 1900-01-01 to 2100-12-31', async () => {
    const w = await registryWorld(t);
    const member = (joinedOn: string, leftOn: string | null = null) =>
      t.request({
        method: 'POST',
        url: `/api/v1/groups/${w.groups.bali.id}/members`,
        as: w.admin,
        payload: { name: 'Ni Made Sari', sex: 'female', birthYear: 1900, joinedOn, leftOn },
      });
    expectRefused(await member('1899-12-31'), { path: 'joinedOn', message: TOO_EARLY });
    expectRefused(await member('1950-01-01', '2101-01-01'), { path: 'leftOn', message: TOO_LATE });
    expectCreated(await member('1900-01-01'));
  });

  it('takes a certificate issued from 1900-01-01, valid at most 30 years and never past 2100', async () => {
    const w = await registryWorld(t);
    let n = 0;
    const certificate = (issuedOn: string, expiresOn: string | null) =>
      t.request({
        method: 'POST',
        url: '/api/v1/certifications',
        as: w.admin,
        payload: { groupId: w.groups.bali.id, kind: 'sni', number: `SNI ${++n}`, issuer: 'BSN', issuedOn, expiresOn },
      });
    expectRefused(await certificate('1899-12-31', null), { path: 'issuedOn', message: TOO_EARLY });
    expectRefused(await certificate('2090-01-01', '2101-01-01'), { path: 'expiresOn', message: TOO_LATE });
    expectRefused(await certificate('2025-01-01', '2055-01-02'), {
      path: 'expiresOn',
      message: 'may be at most 30 years after issuedOn (2055-01-01)',
    });
    expectCreated(await certificate('1900-01-01', null));
    expectCreated(await certificate('2025-01-01', '2055-01-01'));
    const count = await t.database.db.query('SELECT id FROM certifications');
    expect(count).toHaveLength(2);
  });

  it('takes a training session from 1900-01-01 to 2100-12-31', async () => {
    const w = await trainingWorld(t);
    const course = await w.course();
    const session = (startsOn: string, endsOn: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/sessions',
        as: w.admin,
        payload: {
          courseId: course.id,
          areaCode: '51.07.06.2004',
          address: 'Balai Desa Sibetan',
          startsOn,
          endsOn,
          trainerId: w.trainer.userId,
          capacity: 30,
        },
      });
    expectRefused(await session('1899-12-31', '1900-01-02'), { path: 'startsOn', message: TOO_EARLY });
    expectRefused(await session('2100-12-30', '2101-01-01'), { path: 'endsOn', message: TOO_LATE });
    expectCreated(await session('2100-12-30', '2100-12-31'));
    expectCreated(await session('1900-01-01', '1900-01-02'));
  });

  it('keeps transaction and batch dates within 1900-01-01 and 2100-12-31, in bodies and report queries', async () => {
    const w = await marketWorld(t);
    const group = w.groups.bali.id;
    const sale = (date: string) =>
      t.request({
        method: 'POST',
        url: `/api/v1/groups/${group}/transactions`,
        as: w.admin,
        payload: { kind: 'cash_sale', date, amount: { amount: '12900', currency: 'IDR' } },
      });
    expectRefused(await sale('1899-12-31'), { path: 'date', message: TOO_EARLY });
    expectRefused(await sale('2101-01-01'), { path: 'date', message: TOO_LATE });
    expectRefused(
      await t.request({ url: `/api/v1/groups/${group}/journal?from=0001-01-01&to=9999-12-31`, as: w.admin }),
      { path: 'query.from', message: TOO_EARLY },
      { path: 'query.to', message: TOO_LATE },
    );
    const batch = (producedOn: string, expiresOn: string | null) =>
      t.request({
        method: 'POST',
        url: '/api/v1/batches',
        as: w.admin,
        payload: { productId: w.products.bali.id, lotCode: `LOT-${producedOn}`, quantity: '10', producedOn, expiresOn },
      });
    expectRefused(await batch('1899-12-31', null), { path: 'producedOn', message: TOO_EARLY });
    expectRefused(await batch('2026-01-01', '2101-01-01'), { path: 'expiresOn', message: TOO_LATE });
    expect(await t.database.db.query('SELECT id FROM journal_entries')).toHaveLength(0);
    expect(await t.database.db.query('SELECT id FROM batches')).toHaveLength(0);
    expectCreated(await sale('1900-01-01'));
    expectCreated(await batch('1900-01-01', '2100-12-31'));
  });

  it('keeps a quote valid until 2100-12-31 at the latest', async () => {
    const w = await marketWorld(t);
    const buyer = await w.buyer();
    const inquiry = await t.request({
      method: 'POST',
      url: '/api/v1/inquiries',
      as: buyer,
      payload: { productId: w.products.bali.id, kind: 'quotation', quantity: '8', message: 'Please quote.' },
    });
    expectCreated(inquiry);
    const quote = (validUntil: string) =>
      t.request({
        method: 'POST',
        url: `/api/v1/inquiries/${inquiry.json().id}/quotes`,
        as: w.managers.bali,
        payload: { unitPrice: { amount: '12000', currency: 'IDR' }, quantity: '8', validUntil },
      });
    expectRefused(await quote('2101-01-01'), { path: 'validUntil', message: TOO_LATE });
    expectRefused(await quote('9999-12-31'), { path: 'validUntil', message: TOO_LATE });
    expectCreated(await quote('2100-12-31'));
  });

  it('answers a stored date outside the request range as it is', async () => {
    const w = await registryWorld(t);
    await t.database.db.query(`UPDATE programs SET started_on = '1850-06-01' WHERE id = $1`, [w.program.id]);
    const r = await t.request({ url: `/api/v1/programs/${w.program.id}`, as: w.admin });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().startedOn).toBe('1850-06-01');
  });
});

import { describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../../../test/app.js';
import { signIn, system, testFiles } from '../../../test/factories.js';
import { addDays, dateIn } from '../../shared/dates.js';
import { importAreas, readIndonesiaAreas } from '../modules/geography/index.js';
import { inventoryCheck } from '../modules/business/inventory.service.js';
import { getFinancialPosition } from '../modules/business/reports.service.js';
import { seedDemo } from './seed-demo.js';
import { monthBefore } from './seed-history.js';

const t = useTestApp();

async function seedWhole() {
  const rows = readIndonesiaAreas(['33', '34']).filter(
    (r) => r.level === 'province' || ['33.75', '34.03'].some((w) => r.code === w || r.code.startsWith(`${w}.`)),
  );
  await importAreas(t.database.db, 'ID', rows);
  const result = await seedDemo(t.database.db, { secret: testConfig.secret, files: testFiles });
  if (!result.created) throw new Error('the demo was not created');
  return result;
}

/** Every sale of the demo, summed by group, month, market and destination. */
const salesSums = () =>
  t.database.db.query<{ name: string; month: string; market: string; destination: string; amount: string }>(
    `SELECT g.name, to_char(s.entry_date, 'YYYY-MM') AS month, s.market, s.destination, sum(s.amount)::text AS amount
       FROM business_sales s JOIN producer_groups g ON g.id = s.group_id
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  );

describe('the demo history', () => {
  it('is the same for two seeds on the same day', async () => {
    await seedWhole();
    const first = await salesSums();
    await t.database.reset();
    await seedWhole();
    expect(await salesSums()).toEqual(first);
    // Whatever the day: the detailed books' 65 entries and the history's 262 (test/crash.test.ts).
    const [entries] = await t.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM journal_entries');
    expect(entries!.n).toBe(327);
    // Two years of several groups and markets, some of them abroad.
    expect(first.length).toBeGreaterThan(150);
    expect(new Set(first.filter((s) => s.market === 'export').map((s) => s.destination))).toEqual(
      new Set(['JP', 'SG']),
    );
  });

  it('shows 24 months of sales and growing membership on the impact dashboard, and the books balance', async () => {
    const result = await seedWhole();
    const manager = result.accounts.find((a) => a.role === 'program_manager')!;
    const session = await signIn(t.app, manager.email, manager.password!);
    const now = new Date();
    const from = `${monthBefore(now, 24)}-01`;
    const to = addDays(`${monthBefore(now, 0)}-01`, -1);
    const impact = async (indicator: string, by = '') =>
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/impact?indicator=${indicator}&programId=${result.programId}&period=${from}..${to}&every=month${by}`,
          as: session,
        })
      ).json() as { rows: { period: string; value: string | null; by: Record<string, string> }[] };

    const sales = (await impact('sales_revenue')).rows;
    expect(sales).toHaveLength(24);
    for (const row of sales) expect(Number(row.value)).toBeGreaterThan(0);
    // The program grows: the last year sells more than the first.
    const year = (rows: typeof sales) => rows.reduce((s, r) => s + Number(r.value), 0);
    expect(year(sales.slice(12))).toBeGreaterThan(year(sales.slice(0, 12)) * 1.3);
    // Exports begin in the second year only.
    const markets = (await impact('sales_revenue', '&by=market')).rows;
    const exportMonths = markets.filter((r) => r.by.market === 'export' && Number(r.value) > 0).map((r) => r.period);
    expect(exportMonths.length).toBeGreaterThan(5);
    expect(exportMonths.every((p) => p >= sales[12]!.period)).toBe(true);

    const members = (await impact('members')).rows.map((r) => Number(r.value));
    expect(members).toHaveLength(24);
    expect(members.at(-1)).toBeGreaterThan(members[0]!);
    for (let i = 1; i < members.length; i++) expect(members[i]).toBeGreaterThanOrEqual(members[i - 1]! - 1);
    const bySex = (await impact('members', '&by=sex')).rows;
    const of = (sex: string, period: string) =>
      Number(bySex.find((r) => r.by.sex === sex && r.period === period)?.value ?? 0);
    const [firstMonth, lastMonth] = [sales[0]!.period, sales.at(-1)!.period];
    expect(of('female', lastMonth) - of('female', firstMonth)).toBeGreaterThan(
      of('male', lastMonth) - of('male', firstMonth),
    );
    const groups = (await impact('producer_groups')).rows.map((r) => Number(r.value));
    expect(groups[0]).toBeLessThan(groups.at(-1)!);

    const today = dateIn(now);
    const ids = await t.database.db.query<{ id: string; name: string }>('SELECT id, name FROM producer_groups');
    for (const g of ids) {
      const position = await getFinancialPosition(system(t.database.db), g.id, today);
      expect(position.balanced, g.name).toBe(true);
      const check = await inventoryCheck(system(t.database.db), g.id, today);
      expect(check.agrees, g.name).toBe(true);
    }
    const [balance] = await t.database.db.query<{ debit: string; credit: string }>(
      'SELECT sum(debit)::text AS debit, sum(credit)::text AS credit FROM journal_lines',
    );
    expect(balance!.debit).toBe(balance!.credit);
    const [future] = await t.database.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM journal_entries WHERE entry_date > $1::date',
      [today],
    );
    expect(future!.n).toBe(0);
  });
});

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  chooseLanguage,
  hasNoHorizontalScroll,
  launchChromium,
  menu,
  phonePage,
  screenshot,
  signIn,
} from './browser.js';
import { ADMIN, apiSession, ROOT } from './server.js';

const baseUrl = inject('baseUrl');
const AGENCY = { email: 'agensi@ovop.test', password: 'Kurs-Baht-Yen-2026!', name: 'Sato Haruka' };
const SHOTS = join(ROOT, 'docs', 'screens', 'organisations');
const year = String(new Date().getFullYear());
let browser: Browser;

type Api = Awaited<ReturnType<typeof apiSession>>;

/** A program's village, a group with a few members, and one cash sale this year. */
async function groupWithSale(
  admin: Api,
  programId: string,
  areaCode: string,
  sale: { amount: string; currency: string },
  members: { name: string; sex: 'female' | 'male' }[],
) {
  const village = await admin<{ id: string }>('POST', '/api/v1/villages', { programId, areaCode, profile: {} });
  const group = await admin<{ id: string }>('POST', '/api/v1/groups', {
    programId,
    villageId: village.id,
    name: `Kelompok ${areaCode}`,
    kind: 'women_group',
  });
  for (const m of members) {
    await admin('POST', `/api/v1/groups/${group.id}/members`, { ...m, birthYear: 1980, joinedOn: `${year}-01-02` });
  }
  await admin('POST', `/api/v1/groups/${group.id}/transactions`, {
    kind: 'cash_sale',
    date: `${year}-01-10`,
    amount: sale,
    memo: 'Penjualan',
  });
}

/**
 * An agency with an Indonesian program (IDR) and a Thai one started from the TH pack over the admin
 * API (THB), reporting in yen; the journey's user is the agency's admin, who enters the baht rate.
 */
beforeAll(async () => {
  browser = await launchChromium();
  const admin = await apiSession(baseUrl, ADMIN);
  await admin('POST', '/api/v1/country-packs/TH/install');
  const { program: th } = await admin<{ program: { id: string } }>('POST', '/api/v1/country-packs/TH/programs', {
    code: 'OTOP-TH-AGENCY',
    name: 'OTOP Chiang Mai',
    startedOn: `${year}-01-01`,
  });
  const id = await admin<{ id: string }>('POST', '/api/v1/programs', {
    code: 'OVOP-BALI-AGENCY',
    name: 'OVOP Bali',
    country: 'ID',
    currency: 'IDR',
    locales: ['id', 'en', 'ja'],
    startedOn: `${year}-01-01`,
    categories: [{ code: 'food', name: { id: 'Makanan olahan', en: 'Processed food', ja: '加工食品' } }],
  });
  await groupWithSale(admin, th.id, 'TH-5001', { amount: '12500.50', currency: 'THB' }, [
    { name: 'สมศรี ใจดี', sex: 'female' },
  ]);
  await groupWithSale(admin, id.id, '51.07.06.2004', { amount: '2750000', currency: 'IDR' }, [
    ...['Ni Wayan Sukerti', 'Ni Made Rasmini', 'Ni Nyoman Sari', 'Ni Ketut Suarni', 'Ni Luh Ayu'].map((name) => ({
      name,
      sex: 'female' as const,
    })),
    ...['I Gede Artawan', 'I Komang Budiasa', 'I Made Sudira', 'I Nyoman Rai', 'I Ketut Lanus'].map((name) => ({
      name,
      sex: 'male' as const,
    })),
  ]);
  const org = await admin<{ id: string }>('POST', '/api/v1/organisations', {
    name: 'JICA OVOP',
    reportingCurrency: 'JPY',
  });
  await admin('PUT', `/api/v1/organisations/${org.id}/programs/${id.id}`);
  await admin('PUT', `/api/v1/organisations/${org.id}/programs/${th.id}`);
  const user = await admin<{ id: string }>('POST', '/api/v1/users', AGENCY);
  await admin('PUT', `/api/v1/organisations/${org.id}/members/${user.id}`, { role: 'organisation_admin' });
});
afterAll(async () => {
  await browser?.close();
});

/** Saves the screen, with the menu closed, to test-results/screenshots and to docs/screens/organisations. */
async function shoot(page: Page, name: string) {
  const button = page.getByRole('button', { name: /^(Menu|メニュー)$/ });
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) === 'true') await button.click();
  await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(join(ROOT, 'test-results', 'screenshots', `${name}.png`), join(SHOTS, `${name}.png`));
}

const cardOf = (page: Page, currency: string) =>
  page.locator(`[data-testid="program-figures"][data-currency="${currency}"]`);

describe('the cross-country view on a phone', () => {
  it('shows an agency an Indonesian and a Thai program side by side, converting baht at the rate it enters and saying "no rate" for rupiah', async () => {
    const page = await phonePage(browser, baseUrl);
    await signIn(page, AGENCY);
    await (await menu(page)).getByRole('link', { name: 'Lintas negara' }).click();
    await page.getByRole('heading', { name: 'JICA OVOP' }).waitFor();
    await chooseLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Across countries' }).waitFor();
    const thai = cardOf(page, 'THB');
    const bali = cardOf(page, 'IDR');
    await thai.getByTestId('own-figure').first().waitFor({ timeout: 30_000 });
    expect(await thai.getByTestId('own-figure').first().textContent()).toMatch(/12,500\.50/);
    expect(await bali.getByTestId('own-figure').first().textContent()).toMatch(/2,750,000/);
    expect(await thai.getByTestId('converted').first().textContent()).toBe('no rate');

    const form = page.getByRole('form', { name: 'Enter the rate' });
    await form.getByLabel('Currency').selectOption('THB');
    await form.getByLabel('JPY per 1 THB').fill('empat');
    await form.getByRole('button', { name: 'Enter the rate' }).click();
    await form.getByRole('alert').waitFor();
    await form.getByLabel('JPY per 1 THB').fill('4.37');
    await form.getByLabel('Rate date').fill(`${year}-01-31`);
    await form.getByRole('button', { name: 'Enter the rate' }).click();
    await form.getByRole('status').filter({ hasText: 'Rate saved.' }).waitFor();
    // 12,500.50 THB × 4.37 = 54,627.185 → ¥54,627 (yen has no minor unit).
    await expect.poll(() => thai.getByTestId('converted').first().textContent(), { timeout: 30_000 }).toMatch(/54,627/);
    expect(await thai.textContent()).toContain('Rate used: 1 THB = 4.37 JPY');
    expect(await bali.getByTestId('converted').first().textContent()).toBe('no rate');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'organisations-side-by-side-en');

    await page.getByLabel('Indicator').first().selectOption('members');
    await bali.getByText('Female').waitFor({ timeout: 30_000 });
    expect(await thai.getByTestId('own-figure').first().textContent()).toBe('<5');

    await chooseLanguage(page, 'ja');
    await page.getByLabel('指標').first().selectOption('sales_revenue');
    await expect.poll(() => thai.getByTestId('converted').first().textContent(), { timeout: 30_000 }).toMatch(/54,627/);
    expect(await bali.getByTestId('converted').first().textContent()).toBe('レートなし');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'organisations-side-by-side-ja');
    await page.context().close();
  });

  it('shows the view in Indonesian', async () => {
    const page = await phonePage(browser, baseUrl);
    await signIn(page, AGENCY);
    await page.goto('/app/organisations');
    await page.getByRole('heading', { name: 'Lintas negara' }).waitFor();
    await cardOf(page, 'THB').getByTestId('converted').first().waitFor({ timeout: 30_000 });
    expect(await cardOf(page, 'IDR').getByTestId('converted').first().textContent()).toBe('tidak ada kurs');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'organisations-side-by-side-id');
    await page.context().close();
  });
});

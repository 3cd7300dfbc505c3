import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseLanguage, hasNoHorizontalScroll, launchChromium, menu, phonePage, screenshot } from './browser.js';
import { ADMIN, apiSession } from './server.js';

const baseUrl = inject('baseUrl');
const programId = inject('programId');
let browser: Browser;

const TREASURER = { email: 'made.bendahara@ovop.test', password: 'Bendahara-Bebandem-2026!' };
const MEMBER = { email: 'komang.anggota@ovop.test', password: 'Anggota-Bebandem-2026!' };

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A group of its own in Karangasem (the server is shared with other journeys), its treasurer and a member. */
async function seedGroup(): Promise<{ groupId: string }> {
  const admin = await apiSession(baseUrl, ADMIN);
  const areas = await admin<{ items: { code: string }[] }>('GET', '/api/v1/areas?parent=51.07.03');
  const village = await admin<{ id: string }>('POST', '/api/v1/villages', {
    programId,
    areaCode: areas.items.at(-1)!.code,
  });
  const group = await admin<{ id: string }>('POST', '/api/v1/groups', {
    programId,
    villageId: village.id,
    name: 'KWT Keripik Salak Bebandem',
    kind: 'women_group',
  });
  const people: [typeof TREASURER, string, string][] = [
    [TREASURER, 'Ni Made Sukerti', 'group_manager'],
    [MEMBER, 'Ni Komang Ayu', 'group_member'],
  ];
  for (const [who, name, role] of people) {
    const user = await admin<{ id: string }>('POST', '/api/v1/users', { ...who, name });
    await admin('POST', `/api/v1/programs/${programId}/roles`, { userId: user.id, role, groupId: group.id });
  }
  return { groupId: group.id };
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/app');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Kata sandi').fill(who.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  try {
    await page.getByRole('heading', { name: /Halo/ }).waitFor();
  } catch (error) {
    await screenshot(page, 'books-sign-in-failed');
    throw error;
  }
}

/** Text as a reader sees it, spaces made plain (Intl puts a no-break space between "Rp" and the amount). */
const seen = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** The 15th of last month, as the phone's calendar has it. */
function dayLastMonth(): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 15);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-15`;
}

describe('the treasurer’s cash book on a phone', () => {
  it('records a cash sale with one tap, shows it in the journal and in the income statement, and downloads the PDF', async () => {
    const { groupId } = await seedGroup();
    const page = await phonePage(browser, baseUrl);
    await signIn(page, TREASURER);

    await (await menu(page)).getByRole('link', { name: 'Buku kas' }).click();
    await page.getByRole('heading', { name: 'Buku kas', level: 1 }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/app/groups/${groupId}/books`);
    expect(await seen(page.getByTestId('balance-cash'))).toBe('Kas Rp 0');
    await page.getByText('Belum ada catatan.').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'books-empty-id');

    await page.getByRole('button', { name: 'Penjualan tunai' }).tap();
    const form = page.getByRole('form', { name: 'Penjualan tunai' });
    await form.waitFor();
    const amount = form.getByLabel('Uang yang diterima');
    await amount.fill('129000');
    expect(await amount.inputValue()).toBe('129.000');
    await form.getByLabel('Catatan').fill('10 bungkus keripik salak, pasar Bebandem');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'books-cash-sale-form-id');
    // Cancel on a typed form asks first: "stay" keeps what was typed.
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await form.getByRole('button', { name: 'Batal' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/belum disimpan/i);
    expect(await amount.inputValue()).toBe('129.000');
    // A double tap sends the same client-made id twice: the books hold one entry.
    await form.getByRole('button', { name: 'Simpan catatan' }).dblclick();

    await page.getByRole('status').filter({ hasText: 'Tersimpan: #1 Penjualan tunai' }).waitFor();
    const entries = page.getByTestId('journal-entry');
    await entries.first().waitFor();
    expect(await entries.count()).toBe(1);
    expect(await seen(entries.first())).toContain('Rp 129.000');
    expect(await seen(entries.first())).toContain('10 bungkus keripik salak');
    await expect.poll(async () => await seen(page.getByTestId('balance-cash'))).toBe('Kas Rp 129.000');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'books-after-sale-id');

    // The cash book: the money that moved, from the month's opening balance, with the balance after.
    await page.getByRole('link', { name: 'Kas masuk & keluar' }).click();
    await page.getByRole('heading', { name: 'Kas masuk & keluar', level: 1 }).waitFor();
    const cashRow = page.getByTestId('cash-row').first();
    await cashRow.waitFor();
    expect(await seen(cashRow)).toContain('+ Rp 129.000');
    expect(await seen(cashRow)).toContain('Saldo Rp 129.000');
    expect(await seen(page.getByTestId('cash-closing'))).toContain('Rp 129.000');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'cash-book-id');
    await page.goto(`/app/groups/${groupId}/books`);

    // Closing last month: a sale dated in it is refused, and the form says why in plain words.
    await page.getByRole('button', { name: /^Tutup buku bulan/ }).tap();
    await page.getByRole('button', { name: 'Ya, tutup buku' }).tap();
    await page.getByTestId('closed-notice').waitFor();
    await page.getByText('Semua bulan yang sudah lewat sudah ditutup.').waitFor();
    await page.getByRole('button', { name: 'Penjualan tunai' }).tap();
    await form.getByLabel('Tanggal').fill(dayLastMonth());
    await form.getByLabel('Uang yang diterima').fill('5000');
    await form.getByRole('button', { name: 'Simpan catatan' }).tap();
    await form.getByText('Tanggal ini ada di bulan yang bukunya sudah ditutup').waitFor();
    await page.locator('#f-date-error').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'books-period-closed-id');
    // Dropping the refused sale: Cancel asks, and "leave" closes the form.
    page.once('dialog', (dialog) => void dialog.accept());
    await form.getByRole('button', { name: 'Batal' }).tap();
    await form.waitFor({ state: 'detached' });

    const treasurer = await apiSession(baseUrl, TREASURER);
    const journal = await treasurer<{ items: unknown[] }>('GET', `/api/v1/groups/${groupId}/journal`);
    expect(journal.items).toHaveLength(1);

    await page.getByRole('link', { name: 'Laporan keuangan' }).click();
    await page.getByRole('heading', { name: 'Laporan keuangan', level: 1 }).waitFor();
    const income = page.getByTestId('income-statement');
    await income.waitFor();
    const revenue = income.getByRole('row', { name: /^Penjualan/ }).first();
    // This year beside last year (nothing then).
    expect(await seen(revenue)).toBe('Penjualan Rp 129.000 Rp 0');
    expect(await seen(income.getByRole('row', { name: /Laba \(rugi\) bersih/ }))).toContain('Rp 129.000');
    await page.getByTestId('financial-position').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'reports-id');

    const href = await page.getByTestId('download-pdf').getAttribute('href');
    expect(href).toContain('format=pdf');
    expect(href).toContain('locale=id');
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.goto(`/app/groups/${groupId}/books`);
    await page.getByRole('link', { name: 'Hitung HPP' }).click();
    await page.getByTestId('hpp-price').waitFor();
    expect(await seen(page.getByTestId('hpp-per-unit'))).toBe('Rp 10.000');
    expect(await seen(page.getByTestId('hpp-price'))).toBe('Rp 12.900');
    expect(await seen(page.getByTestId('hpp-percentages'))).toBe(
      'Mark-up 29% dari HPP = margin 22,48% dari harga jual.',
    );
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'hpp-id');

    // A mistake is undone by a reversing entry, never by deleting: both stay in the journal.
    await page.goto(`/app/groups/${groupId}/books`);
    await page.getByRole('button', { name: 'Batalkan catatan' }).tap();
    await page.getByRole('button', { name: 'Ya, batalkan' }).tap();
    await expect.poll(() => entries.count()).toBe(2);
    expect(await seen(entries.first())).toContain('membatalkan #1');
    await expect.poll(async () => await seen(page.getByTestId('balance-cash'))).toBe('Kas Rp 0');
    expect(await page.getByRole('button', { name: 'Batalkan catatan' }).count()).toBe(0);
    await screenshot(page, 'books-reversed-id');

    await chooseLanguage(page, 'ja');
    await page.getByRole('button', { name: '現金で売れた' }).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'books-ja');

    // The cash book and the reports in Japanese, on the same 360 px phone: nothing scrolls sideways.
    await page.goto(`/app/groups/${groupId}/cash-book`);
    await page.getByTestId('cash-row').first().waitFor();
    await page.getByTestId('cash-closing').waitFor();
    await screenshot(page, 'cash-book-ja');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.goto(`/app/groups/${groupId}/reports`);
    await page.getByTestId('income-statement').waitFor();
    await page.getByTestId('financial-position').waitFor();
    await screenshot(page, 'reports-ja');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it('records a tool bought with its useful life, so it is depreciated month by month', async () => {
    const treasurer = await apiSession(baseUrl, TREASURER);
    const groups = await treasurer<{ items: { id: string }[] }>('GET', '/api/v1/groups');
    const groupId = groups.items[0]!.id;
    // UTC's date is never after Jakarta's, so the server takes it as today or earlier.
    const today = new Date().toISOString().slice(0, 10);
    await treasurer('POST', `/api/v1/groups/${groupId}/transactions`, {
      kind: 'owner_capital',
      date: today,
      amount: { amount: '1000000', currency: 'IDR' },
      via: 'cash',
    });
    const page = await phonePage(browser, baseUrl);
    await signIn(page, TREASURER);
    await page.goto(`/app/groups/${groupId}/books`);
    await page.getByRole('button', { name: 'Beli alat' }).tap();
    const form = page.getByRole('form', { name: 'Beli alat' });
    await form.waitFor();
    await form.getByLabel('Harga alat').fill('600000');
    await form.getByLabel('Catatan').fill('Sealer kemasan');
    // Without a useful life the form does not send: the field says what is missing.
    await form.getByRole('button', { name: 'Simpan catatan' }).tap();
    await page.locator('#f-lifeMonths-error').waitFor();
    await form.getByLabel('Umur manfaat (bulan)').fill('24');
    const residual = form.getByLabel('Nilai sisa (boleh kosong)');
    await residual.fill('120000');
    expect(await residual.inputValue()).toBe('120.000');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'books-asset-form-id');
    await form.getByRole('button', { name: 'Simpan catatan' }).tap();
    await page.getByRole('status').filter({ hasText: 'Beli alat' }).waitFor();
    await expect.poll(async () => await seen(page.getByTestId('balance-cash'))).toBe('Kas Rp 400.000');
    const assets = await treasurer<{ items: { lifeMonths: number; cost: { amount: string } }[] }>(
      'GET',
      `/api/v1/groups/${groupId}/assets`,
    );
    // Straight line down to the residual value: (600,000 − 120,000) / 24 = 20,000 a month.
    expect(assets.items).toMatchObject([
      {
        lifeMonths: 24,
        cost: { amount: '600000.00' },
        residualValue: { amount: '120000.00' },
        monthlyDepreciation: { amount: '20000.00' },
      },
    ]);
    await page.context().close();
  });

  it('shows a group member the books without the buttons to record or reverse', async () => {
    const page = await phonePage(browser, baseUrl);
    await signIn(page, MEMBER);
    await (await menu(page)).getByRole('link', { name: 'Buku kas' }).click();
    await page.getByTestId('journal-entry').first().waitFor();
    await page.getByText('Anda bisa melihat buku ini').waitFor();
    expect(await page.getByRole('button', { name: 'Penjualan tunai' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Batalkan catatan' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Tutup buku' }).count()).toBe(0);
    await page.context().close();
  });
});

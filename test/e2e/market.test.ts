import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appStarted, hasNoHorizontalScroll, launchChromium, menu, phonePage, screenshot, signIn } from './browser.js';
import { pngQrCode } from '../documents.js';
import { ADMIN, apiSession, FACILITATORS } from './server.js';

const baseUrl = inject('baseUrl');
const programId = inject('programId');
let browser: Browser;

const MANAGER = { email: 'ketut.kelompok@ovop.test', password: 'Kelompok-Salak-Bebandem-51!', name: 'Ni Ketut Sari' };
/** What beforeAll made through the API, for the journeys. */
const made = { groupId: '', productId: '', batchId: '' };

/**
 * A village of Karangasem (another than the other journeys use), a women's group with a ready
 * product, its P-IRT, a batch made from a harvest batch, and the group's manager — all through the API.
 */
async function seedMarket() {
  const facilitator = await apiSession(baseUrl, FACILITATORS.karangasem);
  const admin = await apiSession(baseUrl, ADMIN);
  const areas = await facilitator<{ items: { code: string }[] }>('GET', '/api/v1/areas?parent=51.07.02');
  const village = await facilitator<{ id: string }>('POST', '/api/v1/villages', {
    programId,
    areaCode: areas.items[0]!.code,
    profile: { potentials: ['salak'] },
  });
  const group = await facilitator<{ id: string }>('POST', '/api/v1/groups', {
    programId,
    villageId: village.id,
    name: 'KWT Salak Manis',
    kind: 'women_group',
  });
  const product = (name: Record<string, string>, unit: string) =>
    facilitator<{ id: string }>('POST', '/api/v1/products', {
      groupId: group.id,
      name,
      description: { id: 'Keripik salak goreng vakum tanpa pengawet.', en: 'Vacuum-fried salak chips.' },
      story: { id: 'Dibuat oleh perempuan desa dari salak kebun sendiri.' },
      category: 'food',
      unit,
      price: { amount: '12900.00', currency: 'IDR' },
      status: 'ready',
    });
  const chips = await product({ id: 'Keripik Salak Manis', en: 'Sweet Salak Chips' }, '100 g');
  const salak = await product({ id: 'Salak segar', en: 'Fresh salak' }, 'kg');
  await facilitator('POST', '/api/v1/certifications', {
    productId: chips.id,
    kind: 'pirt',
    number: '2065107010123-30',
    issuer: 'Pemerintah Kabupaten Karangasem',
    issuedOn: '2025-01-15',
    expiresOn: '2030-01-14',
  });
  const harvest = await facilitator<{ id: string }>('POST', '/api/v1/batches', {
    productId: salak.id,
    lotCode: 'SLK-2603',
    quantity: '80',
    producedOn: '2026-02-25',
  });
  const batch = await facilitator<{ id: string }>('POST', '/api/v1/batches', {
    productId: chips.id,
    lotCode: 'KSM-2603-01',
    quantity: '300',
    producedOn: '2026-03-02',
    expiresOn: '2026-09-02',
    inputs: [{ batchId: harvest.id, quantity: '60' }],
  });
  const manager = await admin<{ id: string }>('POST', '/api/v1/users', MANAGER);
  await admin('POST', `/api/v1/programs/${programId}/roles`, {
    userId: manager.id,
    role: 'group_manager',
    groupId: group.id,
  });
  Object.assign(made, { groupId: group.id, productId: chips.id, batchId: batch.id });
}

beforeAll(async () => {
  browser = await launchChromium();
  await seedMarket();
});
afterAll(async () => {
  await browser?.close();
});

describe('the market on a phone', () => {
  it('shows a visitor who opens a batch URL its product, village, production date and certification', async () => {
    const page = await phonePage(browser, baseUrl);
    await page.goto(`/b/${made.batchId}`);
    await appStarted(page);
    await page.getByRole('heading', { name: 'Keripik Salak Manis' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Lot KSM-2603-01');
    expect(text).toMatch(/2 Mar 2026/);
    expect(text).toContain('P-IRT');
    expect(text).toContain('Salak segar');
    expect(text).toMatch(/Kabupaten Karangasem/);
    expect(text).not.toContain(MANAGER.name);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'market-provenance-id');
    await page.getByRole('link', { name: 'Lihat cerita produk' }).click();
    await page.getByRole('heading', { name: 'Keripik Salak Manis' }).waitFor();
    expect(page.url()).toContain(`/p/${made.productId}`);
    await page.context().close();
  });

  it('greets a Japanese phone in Japanese on its first visit, and a Japanese label’s QR code opens Japanese on any phone', async () => {
    const tokyo = await phonePage(browser, baseUrl, 'ja-JP');
    await tokyo.goto('/catalog');
    await tokyo.getByRole('heading', { name: '村の商品カタログ' }).waitFor();
    await tokyo.goto(`/b/${made.batchId}`);
    await appStarted(tokyo);
    await tokyo.getByText('産地・生産履歴').waitFor();
    // The country is named, in the reader's language.
    expect(await tokyo.locator('main').innerText()).toMatch(/Kabupaten Karangasem, Bali, インドネシア/);
    // The product's texts have no Japanese yet: the page says so, and in which language they are.
    expect(await tokyo.getByRole('note').innerText()).toMatch(/日本語に翻訳されていない.*インドネシア語で表示/);
    expect(await tokyo.locator('h1').getAttribute('lang')).toBe('id');
    expect(await hasNoHorizontalScroll(tokyo)).toBe(true);
    await screenshot(tokyo, 'market-provenance-ja');
    await tokyo.context().close();

    // The QR code of a label printed in Japanese, scanned by a phone set to Indonesian.
    const facilitator = await browser.newContext({ baseURL: baseUrl });
    await facilitator.request.post('/api/v1/auth/sign-in', {
      headers: { origin: baseUrl },
      data: { email: FACILITATORS.karangasem.email, password: FACILITATORS.karangasem.password },
    });
    const png = await facilitator.request.get(`/api/v1/batches/${made.batchId}/label.png?locale=ja`);
    expect(png.status()).toBe(200);
    const scanned = await pngQrCode(await png.body());
    expect(scanned).toBe(`${baseUrl}/b/${made.batchId}?lang=ja`);
    await facilitator.close();
    const bali = await phonePage(browser, baseUrl);
    await bali.goto(scanned!);
    await bali.getByText('産地・生産履歴').waitFor();
    // The language the link chose is kept for the next page.
    await bali.goto('/catalog');
    await bali.getByRole('heading', { name: '村の商品カタログ' }).waitFor();
    await bali.context().close();
  });

  it('lets a buyer sign up on the product page and send an inquiry that the group manager is notified of and finds in the inbox', async () => {
    const page = await phonePage(browser, baseUrl);
    await page.goto(`/p/${made.productId}`);
    await page.getByRole('button', { name: 'Tanya atau minta penawaran' }).click();
    await page.getByLabel('Nama perusahaan').fill('Oita Fine Foods K.K.');
    await page.getByLabel('Nama Anda').fill('Sato Hanako');
    await page.getByLabel('Email').fill('hanako@oita-foods.test');
    await page.getByLabel('Kata sandi').fill('Beppu-Onsen-Karinto-2026');
    await page.getByLabel('Negara').selectOption('JP');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'market-buyer-sign-up-id');
    await page.getByRole('button', { name: 'Daftar dan masuk' }).click();
    await page.getByLabel('Jenis permintaan').selectOption('quotation');
    await page.getByLabel('Jumlah (100 g)').fill('500');
    await page.getByLabel('Pesan').fill('Could you quote 500 packs for our shop at Oita airport?');
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await page.getByText('Terkirim ke KWT Salak Manis').waitFor();
    await screenshot(page, 'market-inquiry-sent-id');
    await page.context().close();

    const manager = await phonePage(browser, baseUrl);
    await signIn(manager, MANAGER);
    await (await menu(manager)).getByRole('link', { name: 'Notifikasi (1)' }).click();
    const notice = 'Pertanyaan baru tentang Keripik Salak Manis dari Oita Fine Foods K.K.';
    await manager.getByRole('link', { name: notice }).waitFor();
    expect(await manager.locator('li.unread').count()).toBe(1);
    expect(await hasNoHorizontalScroll(manager)).toBe(true);
    await screenshot(manager, 'market-notifications-id');
    await manager.getByRole('link', { name: notice }).click();
    await manager.getByText('Could you quote 500 packs for our shop at Oita airport?').waitFor();
    expect(manager.url()).toMatch(/\/app\/inquiries\/[0-9a-f-]{36}$/);
    await (await menu(manager)).getByRole('link', { name: 'Notifikasi (1)' }).click();
    await manager.getByRole('link', { name: notice }).waitFor();
    await manager.getByRole('button', { name: 'Tandai sudah dibaca' }).click();
    await (await menu(manager)).getByRole('link', { name: 'Notifikasi', exact: true }).waitFor();
    expect(await manager.locator('li.unread').count()).toBe(0);
    expect(await manager.getByRole('button', { name: 'Tandai sudah dibaca' }).count()).toBe(0);
    await screenshot(manager, 'market-notifications-read-id');
    await (await menu(manager)).getByRole('link', { name: 'Pertanyaan pembeli' }).click();
    await manager.getByRole('link', { name: /Keripik Salak Manis/ }).click();
    await manager.getByText('Could you quote 500 packs for our shop at Oita airport?').waitFor();
    expect(await manager.locator('main').innerText()).toContain('Oita Fine Foods K.K.');
    // The buyer is in Japan: the quote is in yen, at the rate the group enters, on FOB terms.
    await manager.getByLabel('Harga per satuan (JPY)').fill('115');
    await manager.getByLabel('Kurs: IDR per 1 JPY').fill('104,5');
    await manager.getByLabel('Berlaku sampai').fill('2027-03-31');
    await manager.getByLabel('Aturan Incoterms® 2020').selectOption('FOB');
    await manager.getByLabel('Tempat atau pelabuhan yang disebut').fill('Benoa, Bali');
    await manager.getByLabel('Waktu produksi dan kirim (hari)').fill('30');
    await manager.getByText(/pembukuan akan mencatat/).waitFor();
    await manager.getByRole('button', { name: 'Kirim penawaran' }).click();
    await manager.getByText(/berlaku sampai/).waitFor();
    expect(await hasNoHorizontalScroll(manager)).toBe(true);
    await screenshot(manager, 'market-inbox-quote-id');

    await (await menu(manager)).getByRole('link', { name: 'Batch produksi' }).click();
    await manager.getByText('KSM-2603-01').waitFor();
    const label = manager.getByRole('link', { name: 'Cetak label lot KSM-2603-01' });
    expect(await label.getAttribute('href')).toBe(`/api/v1/batches/${made.batchId}/label.pdf?locale=id`);
    const pdf = await manager.request.get(`/api/v1/batches/${made.batchId}/label.pdf?locale=id`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(await hasNoHorizontalScroll(manager)).toBe(true);
    await screenshot(manager, 'market-batches-id');
    await manager.context().close();
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasNoHorizontalScroll, launchChromium, phonePage, screenshot } from './browser.js';
import { ADMIN, apiSession, FACILITATORS } from './server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
/** What the first journey made, for the next ones. */
const made = { groupId: '', productId: '' };

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/app');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Kata sandi').fill(who.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: /Halo/ }).waitFor();
}

async function photoFile(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'ovop-photo-')), 'salak.png');
  await sharp({ create: { width: 480, height: 360, channels: 3, background: '#a0522d' } })
    .composite([
      {
        input: Buffer.from('<svg width="480" height="360"><circle cx="240" cy="180" r="120" fill="#6b8e23"/></svg>'),
      },
    ])
    .png()
    .toFile(file);
  return file;
}

describe('web journeys on a phone', () => {
  it('lets a Karangasem facilitator enrol a village, register a women group with three members and a product with a photo, and mark it ready', async () => {
    const page = await phonePage(browser, baseUrl);
    await signIn(page, FACILITATORS.karangasem);

    await page.getByRole('navigation').getByRole('link', { name: 'Desa' }).click();
    await page.getByRole('button', { name: 'Daftarkan desa' }).click();
    await page.getByLabel('Desa (wilayah)').fill('Sibetan');
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByRole('button', { name: /51\.07\.06\.2004/ }).click();
    await page.getByLabel('Jumlah penduduk').fill('5120');
    await page.getByLabel('Potensi').fill('salak, kopi');
    await page.getByRole('button', { name: 'Daftarkan desa ini' }).click();
    await page.getByRole('heading', { name: /sibetan/i }).waitFor();

    await page.getByRole('link', { name: 'Daftarkan kelompok' }).click();
    await page.getByLabel('Nama kelompok').waitFor();
    await expect.poll(() => page.getByLabel('Desa', { exact: true }).inputValue()).not.toBe('');
    await page.getByLabel('Nama kelompok').fill('KWT Salak Sibetan Lestari');
    await page.getByLabel('Tanggal berdiri').fill('2019-03-08');
    await page.getByLabel('Telepon').fill('+62 812 3456 7890');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'group-form-id');
    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    await page.getByRole('heading', { name: 'KWT Salak Sibetan Lestari' }).waitFor();
    made.groupId = page.url().split('/').at(-1)!;

    const members = [
      { name: 'Ni Luh Putu Sari', year: '1982', role: 'Ketua' },
      { name: 'Ni Made Ayu', year: '1990', role: 'Bendahara' },
      { name: 'Ni Komang Wulan', year: '1995', role: 'Anggota' },
    ];
    await page.getByRole('button', { name: 'Tambah anggota' }).click();
    for (const m of members) {
      await page.getByLabel('Nama', { exact: true }).fill(m.name);
      await page.getByLabel('Tahun lahir').fill(m.year);
      await page.getByLabel('Peran dalam kelompok').selectOption({ label: m.role });
      await page.getByRole('button', { name: 'Tambah anggota' }).click();
      await page.getByRole('link', { name: new RegExp(m.name) }).waitFor();
    }
    await expect.poll(() => page.getByRole('list', { name: 'Anggota' }).getByRole('listitem').count()).toBe(3);

    await page.getByRole('link', { name: 'Produk baru' }).click();
    await page.getByLabel('Nama produk').fill('Dodol Salak Sibetan');
    await page.getByLabel('Deskripsi').fill('Dodol dari salak gula pasir Sibetan, tanpa pengawet.');
    await page.getByLabel('Cerita').fill('Para ibu di Sibetan mengolah salak sejak panen raya.');
    await page.getByRole('tab', { name: 'Jepang' }).click();
    await page.getByLabel('Nama produk').fill('シベタンのサラク・ドドル');
    await page.getByLabel('Deskripsi').fill('シベタン村のサラクで作った保存料なしのお菓子。');
    await page.getByLabel('Cerita').fill('シベタンの女性たちが収穫期のサラクを手作業で加工しています。');
    await page.getByLabel('Satuan').fill('bungkus 250 g');
    await page.getByLabel(/Harga/).fill('25000');
    await page.getByRole('button', { name: 'Simpan produk' }).click();
    await page.getByTestId('product-status').waitFor();
    made.productId = page.url().split('/').at(-1)!;

    await page.getByLabel(/Pilih foto/).setInputFiles(await photoFile());
    await page.getByRole('img', { name: 'Pratinjau foto' }).waitFor();
    await page.getByRole('button', { name: 'Unggah foto' }).click();
    await expect.poll(() => page.getByTestId('photos').getByRole('img').count()).toBe(1);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'product-form-id');

    await page.getByLabel('Status').selectOption({ label: 'Siap ekspor' });
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect.poll(() => page.locator('#f-hsCode-error').textContent()).toBe('is needed for export');
    expect(await page.getByTestId('product-status').textContent()).toBe('Draf');

    await page.getByLabel('Status').selectOption({ label: 'Siap jual' });
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect.poll(() => page.getByTestId('product-status').textContent()).toBe('Siap jual');
    await page.context().close();
  });

  it('lets a visitor find the product in the Indonesian catalog and read its story in Japanese', async () => {
    const page = await phonePage(browser, baseUrl);
    await page.goto('/catalog');
    await page.getByRole('searchbox').fill('salak');
    await page.getByRole('button', { name: 'Cari' }).click();
    const card = page.getByRole('link', { name: /Dodol Salak Sibetan/ });
    await card.waitFor();
    await page.locator('.product-card img').first().waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'catalog-id');

    await card.click();
    await page.getByRole('heading', { name: 'Dodol Salak Sibetan' }).waitFor();
    await page.getByText('Para ibu di Sibetan').waitFor();
    await screenshot(page, 'product-id');

    await page.getByTestId('language').selectOption('ja');
    await page.getByRole('heading', { name: 'シベタンのサラク・ドドル' }).waitFor();
    await page.getByText('シベタンの女性たちが').waitFor();
    await page.getByText('KWT Salak Sibetan Lestari').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'product-ja');

    await page.goto('/catalog');
    await page.getByRole('heading', { name: '村の商品カタログ' }).waitFor();
    await page.getByRole('link', { name: /シベタンのサラク/ }).waitFor();
    await screenshot(page, 'catalog-ja');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'catalog-ja-dark');
    await page.context().close();
  });

  it('keeps a Lombok Barat facilitator from seeing the Karangasem group, in the list or by its address', async () => {
    const page = await phonePage(browser, baseUrl);
    await signIn(page, FACILITATORS.lombokBarat);
    await page.getByRole('navigation').getByRole('link', { name: 'Kelompok' }).click();
    await page.getByTestId('groups-empty').waitFor();
    expect(await page.getByText('KWT Salak Sibetan Lestari').count()).toBe(0);

    await page.goto(`/app/groups/${made.groupId}`);
    await page.getByTestId('not-found').waitFor();

    await page.getByTestId('language').selectOption('ja');
    await page.getByRole('heading', { name: '見つかりません' }).waitFor();
    await page.goto('/app/groups/new');
    await page.getByLabel('グループ名').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'group-form-ja');
    await page.context().close();
  });

  it('lets the admin create a program, fix its field errors, and grant a facilitator a regency in it', async () => {
    const page = await phonePage(browser, baseUrl);
    await signIn(page, ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: 'Program' }).click();
    await page.getByText('Program baru').click();
    await page.getByLabel('Kode program').fill('ntb 2027');
    await page.getByLabel('Nama program').fill('OVOP Nusa Tenggara Barat 2027');
    await page.getByLabel('Tanggal mulai').fill('2027-01-04');
    await page.getByLabel('Kategori produk').fill('tenun | Tenun | Weaving | 織物');
    await page.getByRole('button', { name: 'Buat program' }).click();
    await page.locator('#f-code-error').waitFor();
    await page.getByLabel('Kode program').fill('NTB-2027');
    await page.getByRole('button', { name: 'Buat program' }).click();
    await page.getByRole('heading', { name: 'OVOP Nusa Tenggara Barat 2027' }).waitFor();

    await page.getByLabel('Email pengguna').fill(FACILITATORS.lombokBarat.email);
    await page.getByLabel('Peran', { exact: true }).selectOption('facilitator');
    await page.getByLabel('Wilayah (boleh kosong)').fill('Lombok Barat');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByRole('button', { name: /52\.01$/ }).click();
    await page.getByRole('button', { name: 'Berikan peran' }).click();
    await page.getByText(`${FACILITATORS.lombokBarat.name} (${FACILITATORS.lombokBarat.email})`).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'program-id');
    await page.context().close();
  });

  it('lets staff drill down the areas from province to village, and search them by name', async () => {
    const page = await phonePage(browser, baseUrl);
    await signIn(page, FACILITATORS.karangasem);
    await page.getByRole('navigation').getByRole('link', { name: 'Wilayah' }).click();
    await page.getByRole('button', { name: /^BALI|^Bali/ }).click();
    await page.getByRole('button', { name: /KARANGASEM/i }).click();
    await page.getByRole('button', { name: /BEBANDEM/i }).click();
    await page.getByText('51.07.06.2004').waitFor();
    await page.getByLabel('Cari wilayah').fill('sibetan');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText('51.07.06.2004').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'areas-id');
    await page.context().close();
  });

  it('lets a facilitator record that a member left, and shows a failed upload in a toast', async () => {
    const page = await phonePage(browser, baseUrl);
    await signIn(page, FACILITATORS.karangasem);
    await page.goto(`/app/groups/${made.groupId}`);
    await page.getByRole('link', { name: /Ni Komang Wulan/ }).click();
    await page.getByRole('button', { name: 'Tandai keluar hari ini' }).click();
    await page.getByLabel('Tanggal keluar').waitFor();
    await expect.poll(() => page.getByLabel('Tanggal keluar').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByRole('link', { name: /Kembali ke kelompok/ }).click();
    await page.getByRole('link', { name: /Ni Komang Wulan.*keluar/ }).waitFor();

    await page.goto(`/app/products/${made.productId}`);
    await page.getByLabel(/Pilih foto/).setInputFiles({
      name: 'not-a-photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('this is text, not a picture'),
    });
    await page.getByRole('button', { name: 'Unggah foto' }).click();
    const toast = page.locator('.toast');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Invalid request');
    await page.context().close();
  });

  it('shows the current group when someone else saved it first, and loads it only when asked', async () => {
    const page = await phonePage(browser, baseUrl);
    await signIn(page, FACILITATORS.karangasem);
    await page.goto(`/app/groups/${made.groupId}`);
    await page.getByText('Ubah data kelompok').click();
    const name = page.getByLabel('Nama kelompok');
    await name.waitFor();

    const other = await apiSession(baseUrl, FACILITATORS.karangasem);
    const group = await other<{ version: number }>('GET', `/api/v1/groups/${made.groupId}`);
    await other('PATCH', `/api/v1/groups/${made.groupId}`, {
      version: group.version,
      name: 'KWT Salak Sibetan Lestari Jaya',
    });

    await name.fill('KWT Salak Sibetan');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByTestId('conflict').waitFor();
    expect(await name.inputValue()).toBe('KWT Salak Sibetan');
    await page.getByRole('button', { name: 'Muat versi terbaru' }).click();
    await expect.poll(() => name.inputValue()).toBe('KWT Salak Sibetan Lestari Jaya');
    expect(await page.getByTestId('conflict').count()).toBe(0);
    await page.context().close();
  });

  it('answers unknown pages with the not-found page and unknown API paths with problem+json', async () => {
    const page = await phonePage(browser, baseUrl);
    await page.goto('/p/00000000-0000-4000-8000-000000000000');
    await page.getByTestId('not-found').waitFor();
    const api = await fetch(`${baseUrl}/api/v1/nothing-here`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    await page.context().close();
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  barHeight,
  chooseLanguage,
  hasNoHorizontalScroll,
  launchChromium,
  menu,
  phonePage,
  screenshot,
  signIn,
} from './browser.js';
import { OCOP_TEMPLATE_ID } from '../../src/server/modules/quality/scheme-templates.js';
import { ADMIN, apiSession, FACILITATORS } from './server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
/** What the first journey made, for the next ones. */
const made = { groupId: '', productId: '' };
/** The program manager the rating journeys sign in as. */
const MANAGER = { email: 'kadek@ovop.test', password: 'Pengelola-Program-2026!' };

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

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
    // The top bar: at most 56 px on the phone with its menu closed, one row (as tall) at 1280 px.
    expect(await barHeight(page)).toBeLessThanOrEqual(56);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('navigation').getByRole('link', { name: 'Desa' }).waitFor();
    expect(await barHeight(page)).toBeLessThanOrEqual(56);
    await page.setViewportSize({ width: 360, height: 740 });

    await (await menu(page)).getByRole('link', { name: 'Desa' }).click();
    await page.getByRole('button', { name: 'Daftarkan desa' }).click();
    await page.getByLabel('Desa (wilayah)').fill('Sibetan');
    await page.getByRole('option', { name: /^Sibetan — Bebandem, Kabupaten Karangasem, Bali/ }).click();
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
    // The member form, beside the form that invites the group's officers (it asks for a name too).
    const memberForm = page.getByRole('form', { name: 'Data anggota' });
    for (const m of members) {
      await memberForm.getByLabel('Nama', { exact: true }).fill(m.name);
      await memberForm.getByLabel('Tahun lahir').fill(m.year);
      await memberForm.getByLabel('Peran dalam kelompok').selectOption({ label: m.role });
      await memberForm.getByRole('button', { name: 'Tambah anggota' }).click();
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
    // Written the Indonesian way: a dot groups the thousands.
    await page.getByLabel(/Harga/).fill('25.000');
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
    // Publishing is reviewed first: the dialog shows what the catalog will show.
    await page.getByRole('dialog', { name: 'Ubah status menjadi “Siap ekspor”?' }).waitFor();
    await page.getByRole('button', { name: 'Ya, tampilkan di katalog' }).click();
    await expect.poll(() => page.locator('#f-hsCode-error').textContent()).toBe('Perlu diisi untuk ekspor.');
    expect(await page.getByTestId('product-status').textContent()).toBe('Draf');

    await page.getByLabel('Status').selectOption({ label: 'Siap jual' });
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    // Cancelling the review keeps the product a draft; going ahead publishes it.
    await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();
    expect(await page.getByTestId('product-status').textContent()).toBe('Draf');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByRole('button', { name: 'Ya, tampilkan di katalog' }).click();
    await expect.poll(() => page.getByTestId('product-status').textContent()).toBe('Siap jual');
    await page.context().close();
  });

  it('lets the facilitator fill in the label facts and pick the HS code on a phone, in Indonesian and then in Japanese', async () => {
    const page = await phonePage(browser, baseUrl);
    await signIn(page, FACILITATORS.karangasem);
    await page.goto(`/app/products/${made.productId}`);
    await page.getByLabel('Masa simpan (hari sejak diproduksi)').fill('90');
    await page.getByLabel('Berat/isi bersih').fill('250');
    await page.getByLabel('Ukuran isi bersih dalam').selectOption('g');
    await page.getByLabel('Komposisi').fill('Salak (60%), gula pasir, tepung ketan');
    await page.getByLabel('Cara penyimpanan').fill('Simpan di tempat sejuk dan kering.');
    await page.getByRole('checkbox', { name: /Alergen sudah diperiksa/ }).check();
    // Dodol is a cooked fruit paste: found by its code, picked from the list.
    await page.getByLabel('Cari kode HS').fill('2007.99');
    await page
      .getByRole('list', { name: 'Subpos HS yang ditemukan' })
      .getByRole('button', { name: /2007\.99/ })
      .click();
    expect(await page.getByLabel('Kode HS', { exact: true }).inputValue()).toBe('2007.99');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'product-facts-id');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Tersimpan').first().waitFor();

    await chooseLanguage(page, 'ja');
    for (const label of [
      '賞味期間（製造日からの日数）',
      '内容量',
      '内容量の単位',
      '原材料名',
      '保存方法',
      'HSコード',
      'HS コードを探す',
    ])
      await page.getByLabel(label, { exact: true }).first().waitFor();
    expect(await page.getByLabel('賞味期間（製造日からの日数）').inputValue()).toBe('90');
    // Every label, legend, hint and button of the form: the interface's words, not the product's.
    const form = (
      await page.locator('main :is(label, legend, button, small, h1, h2, [role=tab])').allInnerTexts()
    ).join('\n');
    for (const word of [
      'Masa simpan',
      'Berat/isi bersih',
      'Komposisi',
      'Cara penyimpanan',
      'Alergen',
      'Kode HS',
      'Simpan',
    ])
      expect(form).not.toContain(word);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'product-facts-ja');
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

    await chooseLanguage(page, 'ja');
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
    await (await menu(page)).getByRole('link', { name: 'Kelompok' }).click();
    await page.getByTestId('groups-empty').waitFor();
    expect(await page.getByText('KWT Salak Sibetan Lestari').count()).toBe(0);

    await page.goto(`/app/groups/${made.groupId}`);
    await page.getByTestId('not-found').waitFor();

    await chooseLanguage(page, 'ja');
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
    await (await menu(page)).getByRole('link', { name: 'Program' }).click();
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

    // The grant form, beside the invitation form that asks for a role too.
    const grant = page.getByRole('form', { name: 'Berikan peran' });
    await grant.getByLabel('Pengguna', { exact: true }).fill(FACILITATORS.lombokBarat.email);
    await page.getByRole('option', { name: new RegExp(FACILITATORS.lombokBarat.email) }).click();
    await grant.getByLabel('Peran', { exact: true }).selectOption('facilitator');
    await grant.getByLabel('Wilayah (boleh kosong)').fill('Lombok Barat');
    await page.getByRole('option', { name: /^Kabupaten Lombok Barat — Nusa Tenggara Barat/ }).click();
    await grant.getByRole('button', { name: 'Berikan peran' }).click();
    await page.getByText(`${FACILITATORS.lombokBarat.name} (${FACILITATORS.lombokBarat.email})`).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'program-id');
    await page.context().close();
  });

  it('lets staff drill down the areas from province to village, and search them by name', async () => {
    const page = await phonePage(browser, baseUrl);
    await signIn(page, FACILITATORS.karangasem);
    await (await menu(page)).getByRole('link', { name: 'Wilayah' }).click();
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

  it('lets a facilitator record that a member left, and shows why an upload failed beside the picker', async () => {
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
    // The refusal stays beside the picker, in Indonesian, until another photo is chosen.
    const problem = page.getByTestId('photo-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Foto ini tidak dapat dibaca');
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

  it('lets an assessor score the product on a phone, the program manager finalise it, and the group and the catalog show the stars', async () => {
    const programId = inject('programId');
    const admin = await apiSession(baseUrl, ADMIN);
    const person = async (email: string, name: string, password: string, role: string, extra = {}) => {
      const user = await admin<{ id: string }>('POST', '/api/v1/users', { email, name, password });
      await admin('POST', `/api/v1/programs/${programId}/roles`, { userId: user.id, role, ...extra });
      return { id: user.id, email, password };
    };
    const manager = await person(MANAGER.email, 'Kadek Manajer', MANAGER.password, 'program_manager');
    const assessor = await person('putu@ovop.test', 'Putu Penilai', 'Penilai-Kabupaten-2026!', 'assessor');
    const chair = await person('luh@ovop.test', 'Ni Luh Putu Sari', 'Ketua-Kelompok-2026!', 'group_manager', {
      groupId: made.groupId,
    });
    const pm = await apiSession(baseUrl, manager);
    await pm('PUT', `/api/v1/programs/${programId}/assessor-tiers`, { userId: assessor.id, tier: 'district' });
    const scheme = await pm<{ id: string; definition: { parts: { criteria: { code: string }[] }[] } }>(
      'POST',
      '/api/v1/rating-schemes',
      { programId, templateId: OCOP_TEMPLATE_ID },
    );
    const assessment = await pm<{ id: string }>('POST', '/api/v1/assessments', {
      productId: made.productId,
      schemeId: scheme.id,
      year: 2026,
      panelTier: 'district',
      assessedOn: new Date().toISOString().slice(0, 10),
    });
    const codes = scheme.definition.parts.flatMap((p) => p.criteria.map((c) => c.code));
    const group = await apiSession(baseUrl, chair);
    await group('PUT', `/api/v1/assessments/${assessment.id}/self-assessment`, {
      scores: codes.map((criterion) => ({ criterion, points: 3 })),
    });

    const page = await phonePage(browser, baseUrl);
    await signIn(page, assessor);
    await (await menu(page)).getByRole('link', { name: 'Penilaian' }).click();
    await page.getByRole('link', { name: /Penilaian 2026/ }).click();
    const form = page.getByRole('form', { name: 'Formulir nilai' });
    await form.waitFor();
    const criteria = form.getByRole('group');
    expect(await criteria.count()).toBe(codes.length);
    await form.getByRole('button', { name: 'Kirim nilai' }).click();
    await page.getByText('9 kriteria belum dinilai.').waitFor();
    for (let i = 0; i < codes.length; i++) {
      await criteria
        .nth(i)
        .getByRole('radio', { name: i === 0 ? /Cukup/ : /Sangat baik/ })
        .check();
    }
    await page.getByLabel('Catatan: Organisasi produksi').fill('Pembagian kerja belum tertulis.');
    const first = criteria.nth(0);
    await first.getByRole('button', { name: 'Lampiran bukti (0)' }).click();
    await first.getByLabel(/Pilih berkas bukti/).setInputFiles(await photoFile());
    await first.getByRole('button', { name: 'Unggah bukti' }).click();
    await first.getByRole('link', { name: /Bukti 1 \(PNG/ }).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'scoring-form-id');
    await chooseLanguage(page, 'ja');
    await page.getByRole('button', { name: '点数を送信' }).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'scoring-form-ja');
    await page.getByRole('button', { name: '点数を送信' }).click();
    await page.getByText('点数を保存しました。').waitFor();
    await chooseLanguage(page, 'id');
    await page.context().close();

    // The OCOP scheme rates food only with a valid food permit: the group's P-IRT, issued before the panel met
    // (without halal it is held at 3★, the most a district panel gives anyway).
    await group('POST', '/api/v1/certifications', {
      productId: made.productId,
      kind: 'pirt',
      number: '2063204010541-24',
      issuer: 'Pemerintah Kabupaten Karangasem',
      issuedOn: '2024-06-01',
      expiresOn: '2029-05-31',
    });
    const final = await pm<{ stars: number; status: string }>(
      'POST',
      `/api/v1/assessments/${assessment.id}/finalise`,
      {},
    );
    expect(final).toMatchObject({ status: 'finalised', stars: 3 });

    const mine = await phonePage(browser, baseUrl);
    await signIn(mine, chair);
    await (await menu(mine)).getByRole('link', { name: 'Kelompok' }).click();
    await mine.getByRole('link', { name: /KWT Salak Sibetan/ }).click();
    await mine
      .getByRole('list', { name: 'Hasil penilaian kelompok' })
      .getByRole('link', { name: /Penilaian 2026/ })
      .click();
    await mine.getByTestId('result').waitFor();
    await mine.getByTestId('result-stars').getByRole('img', { name: /3/ }).waitFor();
    await mine.getByText(/Berlaku sampai/).waitFor();
    expect(await hasNoHorizontalScroll(mine)).toBe(true);
    await screenshot(mine, 'result-id');
    await chooseLanguage(mine, 'ja');
    await mine.getByRole('heading', { name: '評価結果' }).waitFor();
    expect(await hasNoHorizontalScroll(mine)).toBe(true);
    await screenshot(mine, 'result-ja');
    await chooseLanguage(mine, 'id');
    await mine.getByLabel('Alasan banding').fill('Kemasan baru belum dilihat panel.');
    await mine.getByRole('button', { name: 'Ajukan banding' }).click();
    await mine.getByText('Menunggu keputusan pengelola program').waitFor();

    await mine.getByRole('link', { name: /Kembali ke produk/ }).click();
    await mine.getByTestId('export-readiness').getByText('Jepang').first().waitFor();
    await mine.getByRole('button', { name: 'Tambah sertifikat' }).click();
    await mine.getByRole('button', { name: 'Tambah sertifikat' }).click();
    await mine.locator('#f-cert-new-number-error').waitFor();
    await mine.getByLabel('Nomor sertifikat').fill('2063204010541-29');
    await mine.getByLabel('Penerbit').fill('Pemerintah Kabupaten Karangasem');
    await mine.getByLabel('Tanggal terbit').fill('2025-01-15');
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await mine.getByLabel('Berlaku sampai').fill(soon);
    await mine.getByRole('button', { name: 'Tambah sertifikat' }).click();
    await mine
      .getByTestId('cert-expiry')
      .getByText(/Habis dalam 30 hari/)
      .waitFor();
    expect(await hasNoHorizontalScroll(mine)).toBe(true);
    await screenshot(mine, 'product-quality-id');
    await mine.context().close();

    const visitor = await phonePage(browser, baseUrl);
    await visitor.goto('/catalog');
    const card = visitor.getByRole('link', { name: /Dodol Salak Sibetan/ });
    await card.waitFor();
    const item = visitor.getByRole('listitem').filter({ has: card });
    await item.getByRole('img', { name: '3 dari 5 bintang' }).waitFor();
    await screenshot(visitor, 'catalog-stars-id');
    await visitor.context().close();
  });

  it('lets the program manager edit a scheme in use into a new version, set a panel, and enter the product in a round, on a phone', async () => {
    const pm = await apiSession(baseUrl, MANAGER);
    const programId = inject('programId');
    type Scheme = { id: string; version: number; latest: boolean; definition: { thresholds: unknown[] } };
    const [inUse] = (await pm<{ items: Scheme[] }>('GET', `/api/v1/rating-schemes?programId=${programId}`)).items;

    const page = await phonePage(browser, baseUrl);
    await signIn(page, MANAGER);
    await (await menu(page)).getByRole('link', { name: 'Skema penilaian' }).click();
    await page.getByRole('heading', { name: 'Skema penilaian', level: 1 }).waitFor();

    const putu = page
      .getByRole('list', { name: 'Panel para penilai' })
      .getByRole('listitem')
      .filter({ hasText: 'Putu' });
    await expect.poll(() => putu.getByTestId('assessor-tier').textContent()).toBe('Panel kabupaten');
    await putu.getByLabel('Panel untuk Putu Penilai').selectOption({ label: 'Panel provinsi' });
    await putu.getByRole('button', { name: 'Tetapkan' }).click();
    await expect.poll(() => putu.getByTestId('assessor-tier').textContent()).toBe('Panel provinsi');
    const tiers = await pm<{ items: { tier: string }[] }>('GET', `/api/v1/programs/${programId}/assessor-tiers`);
    expect(tiers.items.map((x) => x.tier)).toEqual(['province']);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'schemes-id');

    await page.getByRole('link', { name: /Gaya OCOP Vietnam/ }).click();
    await page.getByRole('heading', { name: 'Gaya OCOP Vietnam' }).waitFor();
    const versions = page.getByTestId('scheme-versions').getByRole('listitem');
    // The history loads after the scheme: wait for it rather than read it once.
    await expect.poll(() => versions.allTextContents()).toEqual([expect.stringMatching(/Versi 1 · terbaru/)]);

    const fiveStars = page.getByRole('group', { name: '5 bintang' }).getByLabel('Nilai minimum (%)');
    expect(await fiveStars.inputValue()).toBe('90');
    await fiveStars.fill('95');
    await page.getByRole('group', { name: '4 bintang' }).getByLabel('Nilai minimum (%)').fill('96');
    await page.getByRole('button', { name: 'Simpan skema' }).click();
    await page.getByText('1 isian perlu diperbaiki.').waitFor();
    await page.getByText('Nilai minimum untuk bintang yang lebih sedikit harus lebih rendah.').waitFor();
    await page.getByRole('group', { name: '4 bintang' }).getByLabel('Nilai minimum (%)').fill('75');

    await page.getByText('Organisasi produksi').first().click();
    const criterion = page.getByRole('group', { name: 'Organisasi produksi' });
    await criterion.getByLabel('Bobot (poin maksimum)').fill('20');
    await page.getByRole('tab', { name: 'Jepang' }).click();
    expect(await criterion.getByLabel('Nama kriteria').inputValue()).toBe('生産体制');
    await criterion.getByLabel('Nama kriteria').fill('生産の組織づくり');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'scheme-editor-id');

    await page.getByRole('button', { name: 'Simpan skema' }).click();
    await page
      .getByTestId('scheme-saved')
      .getByText(/Versi 2 dibuat/)
      .waitFor();
    await expect.poll(() => page.url()).not.toContain(inUse!.id);
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.allTextContents()).toEqual([
      expect.stringMatching(/Versi 2 · terbaru/),
      expect.stringMatching(/Versi 1 · sudah diganti/),
    ]);
    const newId = page.url().split('/').at(-1)!;
    const next = await pm<
      Scheme & { definition: { parts: { criteria: { weight: number; name: { ja: string } }[] }[] } }
    >('GET', `/api/v1/rating-schemes/${newId}`);
    expect(next).toMatchObject({ version: 2, latest: true });
    expect(next.definition.thresholds).toContainEqual({ stars: 5, minPercent: 95 });
    expect(next.definition.parts[0]!.criteria[0]).toMatchObject({ weight: 20, name: { ja: '生産の組織づくり' } });
    const old = await pm<Scheme>('GET', `/api/v1/rating-schemes/${inUse!.id}`);
    expect(old).toMatchObject({ version: 1, latest: false });
    expect(old.definition.thresholds).toContainEqual({ stars: 5, minPercent: 90 });

    await chooseLanguage(page, 'ja');
    await page.getByRole('heading', { name: '版の履歴' }).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'scheme-editor-ja');
    await chooseLanguage(page, 'id');

    await (await menu(page)).getByRole('link', { name: 'Penilaian', exact: true }).click();
    await page.getByRole('link', { name: 'Daftarkan produk ke penilaian' }).click();
    await page.getByLabel('Produk', { exact: true }).selectOption({ label: 'Dodol Salak Sibetan' });
    await expect.poll(() => page.getByLabel('Skema penilaian (versi terbaru)').inputValue()).toBe(newId);
    await page.getByLabel('Tahun (putaran)').fill('2027');
    await page.getByLabel('Panel penilai').selectOption({ label: 'Panel provinsi' });
    await page.getByLabel('Tanggal penilaian').fill('2027-03-15');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'enter-assessment-id');
    await page.getByRole('button', { name: 'Daftarkan ke penilaian' }).click();
    await page.getByRole('heading', { name: 'Penilaian 2027' }).waitFor();
    expect(await page.getByTestId('assessment-status').textContent()).toBe('Terbuka');
    const entered = await pm<{ productId: string; schemeId: string; panelTier: string; year: number }>(
      'GET',
      `/api/v1/assessments/${page.url().split('/').at(-1)}`,
    );
    expect(entered).toMatchObject({ productId: made.productId, schemeId: newId, panelTier: 'province', year: 2027 });

    await page.goto(`/app/products/${made.productId}`);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    // The product holds two P-IRTs by now (the one the panel saw, and the renewal the group added): the first gets the scan.
    await page.getByText('Unggah dokumen sertifikat').first().click();
    await page
      .getByLabel(/Pilih berkas sertifikat/)
      .first()
      .setInputFiles({ name: 'pirt.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Unggah dokumen', exact: true }).first().click();
    await page
      .getByTestId('cert-document')
      .getByRole('link', { name: /Dokumen sertifikat \(PDF/ })
      .waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'certificate-document-id');
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

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDhis2Double, type Dhis2Double } from '../dhis2-double.js';
import { hasNoHorizontalScroll, launchChromium, menu, phonePage, screenshot } from './browser.js';
import { seedImpactWorld } from './server.js';

const baseUrl = inject('baseUrl');
const programId = inject('programId');
const MANAGER = { email: 'ketut.dhis2@ovop.test', password: 'Laporan-Dhis2-2026!', name: 'Ketut Laporan' };
let browser: Browser;
let dhis2: Dhis2Double;

/** A whole-program manager, and a group of three villagers in Karangasem, Bali. */
const seed = () =>
  seedImpactWorld(baseUrl, programId, {
    manager: MANAGER,
    regency: '51.07',
    village: 1,
    group: 'KWT Tenun Ikat Sidemen',
    members: ['Ni Luh Sriani', 'Ni Kadek Ayu', 'Ni Putu Wulan'].map((name) => ({
      name,
      sex: 'female',
      birthYear: 1990,
      joinedOn: '2025-06-01',
    })),
  });

beforeAll(async () => {
  browser = await launchChromium();
  dhis2 = await startDhis2Double({
    username: 'ovop',
    password: 'district-Bali-1',
    dataElements: ['OVOP_MEMBERS'],
    orgUnits: ['51.07'],
  });
});
afterAll(async () => {
  await browser?.close();
  await dhis2?.close();
});

describe('the DHIS2 section of the dashboard', () => {
  it('lets a manager on a phone map members to a data element, set the server, push a quarter and read the summary', async () => {
    await seed();
    const page = await phonePage(browser, baseUrl);
    await page.goto('/app');
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Kata sandi').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: /Halo/ }).waitFor();
    await (await menu(page)).getByRole('link', { name: 'Dasbor' }).click();

    const mapping = page.getByRole('form', { name: 'Pemetaan ke DHIS2' });
    await mapping.waitFor();
    await mapping.getByRole('button', { name: 'Tambah baris' }).first().click();
    await mapping.getByLabel('Indikator').selectOption({ label: 'Anggota kelompok (warga desa terlibat)' });
    await mapping.getByLabel('Kode data element').fill('OVOP_MEMBERS');
    await mapping.getByRole('button', { name: 'Tambah baris' }).last().click();
    await mapping.getByLabel('Kode wilayah').fill('51.07');
    await mapping.getByRole('button', { name: 'Simpan pemetaan' }).click();
    await mapping.getByRole('status').filter({ hasText: 'Pemetaan tersimpan.' }).waitFor();

    const server = page.getByRole('form', { name: 'Server DHIS2' });
    await server.getByLabel('Alamat (tanpa /api)').fill(dhis2.url);
    await server.getByLabel('Nama pengguna').fill('ovop');
    await server.getByLabel('Kata sandi atau token').fill('district-Bali-1');
    await server.getByRole('button', { name: 'Simpan server' }).click();
    await server.getByRole('status').filter({ hasText: 'Server tersimpan.' }).waitFor();
    await server.getByText('Sudah tersimpan').waitFor();

    const now = new Date();
    const quarter = `${now.getUTCFullYear()}Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const push = page.getByRole('form', { name: 'Kirim ke DHIS2' });
    await push.getByLabel('Periode').fill(quarter);
    await push.getByRole('button', { name: 'Kirim ke DHIS2' }).click();
    const summary = push.getByRole('status');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/^SUCCESS: 1 diimpor, 0 diperbarui, 0 diabaikan, 0 dihapus/);
    const sent = dhis2.received.at(-1)!.body as { dataValues: { orgUnit: string; period: string; value: string }[] };
    expect(sent.dataValues).toHaveLength(1);
    expect(sent.dataValues[0]).toMatchObject({ orgUnit: '51.07', period: quarter });
    expect(Number(sent.dataValues[0]!.value)).toBeGreaterThanOrEqual(3);
    await page.getByText(`· ${quarter} · ${MANAGER.name}`).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'dhis2-push-id');
    await page.context().close();
  });
});

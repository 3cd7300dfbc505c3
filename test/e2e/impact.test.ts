import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseLanguage, hasNoHorizontalScroll, launchChromium, menu, phonePage } from './browser.js';
import { ADMIN, apiSession, ROOT, seedImpactWorld } from './server.js';

const baseUrl = inject('baseUrl');
const programId = inject('programId');
const MANAGER = { email: 'made.dasbor@ovop.test', password: 'Dasbor-Program-2026!', name: 'Made Wirawan' };
const SHOTS = join(ROOT, 'docs', 'screens', 'impact');
let browser: Browser;

/** A program manager of the whole program, and a group of six villagers in a village of Karangasem, Bali. */
const seedDashboard = () =>
  seedImpactWorld(baseUrl, programId, {
    manager: MANAGER,
    regency: '51.07',
    village: 0,
    group: 'KWT Anyaman Lontar Tenganan',
    members: (
      [
        ['Ni Wayan Sukerti', 'female'],
        ['Ni Made Rasmini', 'female'],
        ['Ni Nyoman Sari', 'female'],
        ['Ni Ketut Suarni', 'female'],
        ['I Gede Artawan', 'male'],
        ['I Komang Budiasa', 'male'],
      ] as const
    ).map(([name, sex]) => ({ name, sex, birthYear: 1985, joinedOn: '2025-06-01' })),
  });

/**
 * Karangasem's members today, counted the naive way through the registry's own lists: every group of
 * the program in regency 51.07, every member who joined by today and has not left. Other journeys add
 * members there too, in whatever order the files run.
 */
async function karangasemMembersToday(): Promise<number> {
  const admin = await apiSession(baseUrl, ADMIN);
  type Page<T> = { items: T[]; nextCursor: string | null };
  async function all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<T> = await admin('GET', `${path}&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
  const today = new Date().toISOString().slice(0, 10);
  let count = 0;
  for (const group of await all<{ id: string }>(`/api/v1/groups?programId=${programId}&area=51.07`)) {
    const members = await all<{ joinedOn: string; leftOn: string | null }>(`/api/v1/groups/${group.id}/members?`);
    count += members.filter((m) => m.joinedOn <= today && (m.leftOn === null || m.leftOn > today)).length;
  }
  return count;
}

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the program dashboard on a phone', () => {
  it('shows a manager the members, drills from Indonesia to a regency of Bali, and sets a target there', async () => {
    await seedDashboard();
    const page = await phonePage(browser, baseUrl);
    await page.goto('/app');
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Kata sandi').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: /Halo/ }).waitFor();

    await (await menu(page)).getByRole('link', { name: 'Dasbor' }).click();
    await page.getByRole('heading', { name: 'Dasbor program', level: 1 }).waitFor();
    const members = page.getByTestId('indicator-members');
    const figure = members.getByTestId('figure');
    await expect.poll(() => figure.textContent()).toMatch(/^\d/);
    expect(Number((await figure.textContent())!.match(/^[\d.]+/)![0].replace(/\./g, ''))).toBeGreaterThanOrEqual(6);
    await members.getByRole('table').getByRole('rowheader', { name: 'Perempuan' }).waitFor();

    const trail = page.getByRole('navigation', { name: 'Wilayah' });
    await page.getByRole('list', { name: 'Menurut Provinsi' }).getByRole('button', { name: /Bali/ }).click();
    await trail.getByText('Bali').waitFor();
    await page
      .getByRole('list', { name: 'Menurut Kabupaten/Kota' })
      .getByRole('button', { name: /Karangasem/ })
      .click();
    await trail.getByText('Karangasem').waitFor();
    expect(await trail.getByRole('button').allTextContents()).toEqual(['Indonesia', 'Bali']);
    const expected = await karangasemMembersToday();
    expect(expected).toBeGreaterThanOrEqual(6);
    await expect
      .poll(async () => Number((await figure.textContent())!.match(/^[\d.]+/)?.[0].replace(/\./g, '')))
      .toBe(expected);

    // A refusal shows beside its field, in Indonesian; then a target for members in Karangasem.
    const form = page.getByRole('form', { name: 'Tetapkan target' });
    await form.getByLabel('Indikator').selectOption({ label: 'Anggota kelompok (warga desa terlibat)' });
    await form.getByLabel('Nilai awal').fill('0');
    await form.getByLabel('Target', { exact: true }).fill('sepuluh');
    await form.getByRole('button', { name: 'Simpan target' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).not.toMatch(/must|decimal/i);
    await form.getByLabel('Target', { exact: true }).fill('10');
    await form.getByRole('button', { name: 'Simpan target' }).click();
    await form.getByRole('status').filter({ hasText: 'Target tersimpan.' }).waitFor();
    const status = members.getByTestId('target-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/^(Belum dimulai|Sesuai rencana|Berisiko|Tertinggal|Tercapai)$/);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'dashboard-id');

    await chooseLanguage(page, 'ja');
    await page.getByRole('heading', { name: 'プログラムのダッシュボード', level: 1 }).waitFor();
    await members.getByTestId('target-status').waitFor();
    await page.keyboard.press('Escape');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'dashboard-ja');
    await page.context().close();
  });

  it('lets the manager set the program’s naik kelas rule, refusing a rule without a condition', async () => {
    const page = await phonePage(browser, baseUrl);
    await page.goto('/app');
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Kata sandi').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: /Halo/ }).waitFor();
    await (await menu(page)).getByRole('link', { name: 'Dasbor' }).click();
    const form = page.getByRole('form', { name: 'Aturan naik kelas' });
    await form.waitFor();
    const conditions = ['Bintang naik', 'Sertifikasi baru', 'Ekspor pertama', 'Omzet naik'];
    for (const name of conditions) expect(await form.getByLabel(name).isChecked()).toBe(true);
    expect(await form.getByLabel(/Kenaikan omzet minimal/).inputValue()).toBe('20');

    // Nothing ticked: refused beside the conditions, in Indonesian.
    for (const name of conditions) await form.getByLabel(name).uncheck();
    await form.getByRole('button', { name: 'Simpan aturan' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).not.toMatch(/too_small|array|must/i);

    await form.getByLabel('Omzet naik').check();
    await form.getByLabel('Ekspor pertama').check();
    await form.getByLabel(/Kenaikan omzet minimal/).fill('35');
    // The saved rule is read again after the save; the "saved" line must outlast that reload.
    const reread = page.waitForResponse((r) => r.request().method() === 'GET' && r.url().endsWith('/naik-kelas-rule'));
    await form.getByRole('button', { name: 'Simpan aturan' }).click();
    await reread;
    await form.getByRole('status').filter({ hasText: 'Aturan disimpan.' }).waitFor();
    const admin = await apiSession(baseUrl, ADMIN);
    await expect
      .poll(() =>
        admin<{ conditions: string[]; revenueGrowthPercent: number }>(
          'GET',
          `/api/v1/programs/${programId}/naik-kelas-rule`,
        ),
      )
      .toMatchObject({ conditions: ['first_export', 'revenue_up'], revenueGrowthPercent: 35 });
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await form.screenshot({ path: join(SHOTS, 'naik-kelas-rule-id.png') });
    await page.context().close();
  });
});

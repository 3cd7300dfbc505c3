import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfText } from '../documents.js';
import { chooseLanguage, hasNoHorizontalScroll, launchChromium, menu, phonePage } from './browser.js';
import { ADMIN, apiSession, ROOT } from './server.js';

const baseUrl = inject('baseUrl');
const programId = inject('programId');
const MANAGER = { email: 'kadek.laporan@ovop.test', password: 'Laporan-Dampak-2026!', name: 'Kadek Laporan' };
const SHOTS = join(ROOT, 'docs', 'screens', 'impact');
let browser: Browser;

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

describe('the impact report on a phone', () => {
  it('lets a program manager download the year’s PDF, which carries the program and the members shown', async () => {
    const admin = await apiSession(baseUrl, ADMIN);
    const user = await admin<{ id: string }>('POST', '/api/v1/users', { ...MANAGER });
    await admin('POST', `/api/v1/programs/${programId}/roles`, { userId: user.id, role: 'program_manager' });
    const program = await admin<{ name: string }>('GET', `/api/v1/programs/${programId}`);
    // A group of four weavers in Karangasem, so the program has members to report.
    const districts = await admin<{ items: { code: string }[] }>('GET', '/api/v1/areas?parent=51.07');
    const villages = await admin<{ items: { code: string }[] }>(
      'GET',
      `/api/v1/areas?parent=${districts.items[0]!.code}`,
    );
    const village = await admin<{ id: string }>('POST', '/api/v1/villages', {
      programId,
      areaCode: villages.items.at(-1)!.code,
    });
    const group = await admin<{ id: string }>('POST', '/api/v1/groups', {
      programId,
      villageId: village.id,
      name: 'KWT Tenun Ikat Sidemen',
      kind: 'women_group',
    });
    for (const [name, sex] of [
      ['Ni Luh Sudiani', 'female'],
      ['Ni Kadek Wartini', 'female'],
      ['Ni Putu Ariani', 'female'],
      ['I Wayan Sudarma', 'male'],
    ]) {
      await admin('POST', `/api/v1/groups/${group.id}/members`, { name, sex, birthYear: 1982, joinedOn: '2025-03-01' });
    }

    const page = await phonePage(browser, baseUrl);
    await page.goto('/app');
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Kata sandi').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: /Halo/ }).waitFor();
    await (await menu(page)).getByRole('link', { name: 'Dasbor' }).click();
    await page.getByRole('heading', { name: 'Dasbor program', level: 1 }).waitFor();
    const figure = page.getByTestId('indicator-members').getByTestId('figure');
    await expect.poll(() => figure.textContent()).toMatch(/^\d/);
    const shown = (await figure.textContent())!.match(/^[\d.]+/)![0];
    expect(Number(shown.replace(/\./g, ''))).toBeGreaterThanOrEqual(4);

    const link = page.getByTestId('impact-report-pdf');
    await link.scrollIntoViewIfNeeded();
    expect(await link.getAttribute('href')).toContain('lang=id');
    expect(await page.getByTestId('impact-csv').getAttribute('href')).toContain('format=csv');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'downloads-id');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^impact-report_.+_id\.pdf$/);
    const pdf = readFileSync((await download.path())!);
    const { text } = await pdfText(pdf);
    expect(text.replace(/\s+/g, ' ')).toContain(program.name);
    expect(text).toMatch(
      new RegExp(`Anggota\\s+kelompok\\s+\\(warga\\s+desa\\s+terlibat\\)\\s+${shown.replace(/\./g, '\\.')}\\s`),
    );

    await chooseLanguage(page, 'ja');
    await page.getByRole('heading', { name: 'プログラムのダッシュボード', level: 1 }).waitFor();
    await page.keyboard.press('Escape');
    const jaLink = page.getByTestId('impact-report-pdf');
    await expect.poll(() => jaLink.getAttribute('href')).toContain('lang=ja');
    await jaLink.scrollIntoViewIfNeeded();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'downloads-ja');
    await page.context().close();
  });
});

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseLanguage, hasNoHorizontalScroll, launchChromium, phonePage, screenshot, signIn } from './browser.js';
import { ADMIN, ROOT } from './server.js';

const baseUrl = inject('baseUrl');
const SHOTS = join(ROOT, 'docs', 'screens', 'organisations');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
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

describe('country packs on the admin screens, on a phone', () => {
  it('shows a platform admin what installing the Vietnamese pack would change, installs it and starts a program from it', async () => {
    const page = await phonePage(browser, baseUrl);
    await signIn(page, ADMIN);
    await page.goto('/app/programs');
    await page.getByText('Paket negara').click();
    const vietnam = page.getByTestId('pack-VN');
    await vietnam.getByText(/Belum dipasang/).waitFor();
    await vietnam.getByRole('button', { name: 'Lihat yang akan berubah' }).click();
    const plan = vietnam.getByTestId('pack-plan');
    await plan.waitFor({ timeout: 60_000 });
    expect(await plan.textContent()).toMatch(/[\d.]+ baru/);
    expect(await plan.textContent()).toContain('VND');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'country-packs-plan-id');

    await vietnam.getByRole('button', { name: 'Pasang' }).click();
    await vietnam.getByRole('status').filter({ hasText: 'Paket VN terpasang.' }).waitFor({ timeout: 120_000 });
    const form = page.getByRole('form', { name: 'Mulai program dari paket VN' });
    await form.getByLabel('Kode program').fill('OCOP-VN-E2E');
    await form.getByLabel('Nama program').fill('OCOP Việt Nam');
    await form.getByRole('button', { name: 'Mulai program dari paket VN' }).click();
    await page.waitForURL(/\/app\/programs\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await page.getByRole('heading', { name: 'OCOP Việt Nam', level: 1 }).waitFor();

    await page.goto('/app/programs');
    await chooseLanguage(page, 'ja');
    await page.getByText('国別パック').click();
    await page
      .getByTestId('pack-VN')
      .getByText(/インストール済み/)
      .waitFor();
    await page.getByTestId('pack-VN').getByRole('button', { name: '変更内容を確認' }).click();
    await page
      .getByTestId('pack-VN')
      .getByText(/最新です/)
      .waitFor({ timeout: 60_000 });
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'country-packs-ja');
    await page.context().close();
  });
});

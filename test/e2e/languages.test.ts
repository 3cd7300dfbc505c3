import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, hasNoHorizontalScroll, launchChromium, phonePage, screenshot } from './browser.js';
import { startBuiltServer, type BuiltServer } from './server.js';

/**
 * A visitor who reads Thai on a phone: the language menu names Thai with how much of it there is,
 * the catalog turns Thai, and a product's dates are in the Buddhist era (the demo's chips group,
 * founded 15 March 2012, "since" 2555). The demo needs a server of its own; the app is built by
 * the global setup.
 */
let server: BuiltServer;
let browser: Browser;

beforeAll(async () => {
  server = await startBuiltServer({ build: false, demo: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the interface in Thai', () => {
  it('switches the catalog to ไทย at 360 px and writes a product’s dates in the Buddhist era', async () => {
    const page = await phonePage(browser, server.url);
    await page.goto('/catalog');
    await page.getByRole('heading', { name: 'Katalog produk desa' }).waitFor();
    const thai = page.getByTestId('language').locator('option[value="th"]');
    expect(await thai.innerText()).toMatch(/^ไทย — \d+ %$/);
    expect(await thai.getAttribute('lang')).toBe('th');
    await chooseLanguage(page, 'th');
    await page.getByRole('heading', { name: 'แคตตาล็อกสินค้าหมู่บ้าน' }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('th');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'languages-catalog-th');

    await page.getByRole('link', { name: 'Keripik Salak Sibetan' }).first().click();
    await page
      .getByText(/ตั้งแต่ \d{1,2} \S+ 25\d\d/)
      .first()
      .waitFor({ timeout: 30_000 });
    const since = await page
      .getByText(/ตั้งแต่ \d{1,2} \S+ 25\d\d/)
      .first()
      .innerText();
    expect(Number(/25\d\d/.exec(since)![0]) - 543).toBeGreaterThan(1990);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'languages-product-th');

    // the choice lasts: the next visit opens in Thai
    await page.goto('/catalog');
    await page.getByRole('heading', { name: 'แคตตาล็อกสินค้าหมู่บ้าน' }).waitFor({ timeout: 30_000 });
  });
});

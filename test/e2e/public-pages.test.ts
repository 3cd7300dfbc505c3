import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfQrCodes, pdfText } from '../documents.js';
import { appStarted, hasNoHorizontalScroll, launchChromium } from './browser.js';
import { renderPdfPage } from './pdf-image.js';
import { ADMIN, demoChips, ROOT, startBuiltServer, type BuiltServer } from './server.js';

/**
 * What a visitor and a buyer see of the demo program: the catalog with the products' pictures, a
 * product's story, a batch's provenance and the label sheet that carries its QR code, in
 * Indonesian and in Japanese, on a phone and on a desktop. The demo needs a server of its own
 * (the other journeys share one without it); the app is built already by the global setup.
 */
const SHOTS = join(ROOT, 'docs', 'screens', 'public');
const SCREENS = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } } as const;
type Screen = keyof typeof SCREENS;
const LANGS = { id: 'id-ID', ja: 'ja-JP' } as const;
type Lang = keyof typeof LANGS;

let server: BuiltServer;
let browser: Browser;
const demo = { chipsId: '', batchId: '', lot: '' };

beforeAll(async () => {
  server = await startBuiltServer({ build: false, demo: true });
  browser = await launchChromium();
  // The run the demo's market sold from: the newest chips lot.
  Object.assign(demo, await demoChips(server.url));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A first visit: a fresh browser whose language is `lang`, at the screen's size. */
async function firstVisit(lang: Lang, screen: Screen): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: SCREENS[screen],
    hasTouch: screen === 'phone',
    baseURL: server.url,
    locale: LANGS[lang],
  });
  return { context, page: await context.newPage() };
}

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Every image on the page has loaded (no broken picture, no grey box waiting). */
const imagesLoaded = (page: Page) =>
  page.evaluate<boolean>(
    "[...document.images].every((img) => { img.loading = 'eager'; return img.complete && img.naturalWidth > 0; })",
  );

const EXPECTED = {
  id: { catalog: 'Katalog produk desa', chips: 'Keripik Salak Sibetan', provenance: 'Asal-usul produk' },
  ja: { catalog: '村の商品カタログ', chips: 'シベタン村のサラクチップス', provenance: '産地・生産履歴' },
} as const;

describe('the public pages of the demo, in the visitor’s language', () => {
  for (const lang of ['id', 'ja'] as const) {
    for (const screen of ['phone', 'desktop'] as const) {
      it(`shows the catalog with a picture on every card, then a story and a provenance page, in ${lang} on a ${screen}`, async () => {
        const { context, page } = await firstVisit(lang, screen);
        await page.goto('/catalog');
        await appStarted(page);
        await page.getByRole('heading', { name: EXPECTED[lang].catalog }).waitFor();
        await page.getByRole('link', { name: EXPECTED[lang].chips }).first().waitFor();
        expect(await page.locator('.no-photo').count()).toBe(0);
        expect(await page.locator('.card img').count()).toBe(8);
        await expect.poll(() => imagesLoaded(page)).toBe(true);
        expect(await hasNoHorizontalScroll(page)).toBe(true);
        await shoot(page, `catalog-${lang}-${screen}`);

        await page.goto(`/p/${demo.chipsId}`);
        await appStarted(page);
        await page.getByRole('heading', { level: 1, name: EXPECTED[lang].chips }).waitFor();
        await expect.poll(() => imagesLoaded(page)).toBe(true);
        expect(await page.locator('img.cover').count()).toBe(1);
        expect(await hasNoHorizontalScroll(page)).toBe(true);
        await shoot(page, `story-${lang}-${screen}`);

        await page.goto(`/b/${demo.batchId}`);
        await appStarted(page);
        await page.getByText(EXPECTED[lang].provenance).first().waitFor();
        await page.getByRole('heading', { name: EXPECTED[lang].chips }).waitFor();
        expect(await page.locator('main').innerText()).toMatch(lang === 'ja' ? /インドネシア/ : /Indonesia/);
        expect(await page.locator('img.cover').count()).toBe(1);
        await expect.poll(() => imagesLoaded(page)).toBe(true);
        expect(await hasNoHorizontalScroll(page)).toBe(true);
        await shoot(page, `provenance-${lang}-${screen}`);
        await context.close();
      });
    }
  }

  it('prints the label sheet in Indonesian and Japanese with BPOM wording, whole names and a QR code carrying the language', async () => {
    const admin = await browser.newContext({ baseURL: server.url });
    await admin.request.post('/api/v1/auth/sign-in', { headers: { origin: server.url }, data: ADMIN });
    for (const lang of ['id', 'ja'] as const) {
      const response = await admin.request.get(`/api/v1/batches/${demo.batchId}/label.pdf?locale=${lang}`);
      expect(response.status()).toBe(200);
      const pdf = await response.body();
      // A name too long for one line wraps (Japanese breaks between any two characters).
      const text = (await pdfText(pdf)).text.replace(/\s*\n\s*/g, lang === 'ja' ? '' : ' ');
      expect(text).toContain(EXPECTED[lang].chips);
      expect(text).toContain(demo.lot);
      if (lang === 'id') {
        for (const words of ['Baik digunakan sebelum', 'Tanggal produksi', 'Pindai untuk melihat asal-usul produk'])
          expect(text).toContain(words);
      } else expect(text).toContain('産地・生産履歴');
      const codes = await pdfQrCodes(pdf);
      expect(new Set(codes)).toEqual(new Set([`${server.url}/b/${demo.batchId}?lang=${lang}`]));
      mkdirSync(SHOTS, { recursive: true });
      await renderPdfPage(browser, pdf, join(SHOTS, `label-sheet-${lang}.png`));
    }
    await admin.close();

    // The Japanese label's QR code opens Japanese on a phone whose browser speaks Indonesian.
    const { context, page } = await firstVisit('id', 'phone');
    await page.goto(`/b/${demo.batchId}?lang=ja`);
    await page.getByText('産地・生産履歴').first().waitFor();
    await page.getByRole('heading', { name: EXPECTED.ja.chips }).waitFor();
    await context.close();
  });

  it('sends each public page with its content before any script runs, and the app starts on it without a console error', async () => {
    for (const lang of ['id', 'ja'] as const) {
      const { context, page } = await firstVisit(lang, 'phone');
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      const pages = [
        { path: '/catalog', heading: EXPECTED[lang].catalog },
        { path: `/p/${demo.chipsId}`, heading: EXPECTED[lang].chips },
        { path: `/b/${demo.batchId}`, heading: EXPECTED[lang].chips },
      ];
      for (const { path, heading } of pages) {
        // The HTML as it comes, before the app: the content, in the visitor's language.
        const html = await (await context.request.get(path, { headers: { 'accept-language': LANGS[lang] } })).text();
        expect(html).toContain(`<html lang="${lang}"`);
        expect(html.slice(html.indexOf('<div id="root">'))).toContain(heading);
        await page.goto(path);
        await appStarted(page);
        // The app took the page's place once its screen had its answer (its ready mark).
        await page.locator('#root:not([hidden]) [data-ready]').waitFor({ state: 'attached' });
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        expect(await page.locator('main').count()).toBe(1);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

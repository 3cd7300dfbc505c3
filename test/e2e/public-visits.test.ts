import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appStarted, launchChromium } from './browser.js';
import { demoChips, startBuiltServer, type BuiltServer } from './server.js';

/**
 * A visitor of the demo on a 360 px phone: Back and Forward through catalog searches, Back from a
 * product to the same loaded list and place, a product's certificates, what its badge means, links
 * big enough for a finger, and lists punctuated in the reader's language.
 */
let server: BuiltServer;
let browser: Browser;
const demo = { chipsId: '', batchId: '' };

beforeAll(async () => {
  server = await startBuiltServer({ build: false, demo: true });
  browser = await launchChromium();
  Object.assign(demo, await demoChips(server.url));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function phone(locale: 'id-ID' | 'ja-JP', javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    baseURL: server.url,
    locale,
    javaScriptEnabled,
  });
  return context.newPage();
}

const searchBox = (page: Page) => page.getByRole('searchbox');
const cards = (page: Page) => page.locator('main:not([hidden]) .card');
const chipsCard = (page: Page) => page.getByRole('link', { name: 'Keripik Salak Sibetan' });

async function search(page: Page, words: string) {
  await searchBox(page).fill(words);
  await searchBox(page).press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === words);
}

describe('a visitor on a phone', () => {
  it('goes Back and Forward through catalog searches, each with its words and its results; typing adds no entry', async () => {
    const page = await phone('id-ID');
    await page.goto('/catalog');
    await appStarted(page);
    await chipsCard(page).waitFor();
    const entries = await page.evaluate<number>('history.length');
    await searchBox(page).pressSequentially('sala');
    expect(await page.evaluate<number>('history.length')).toBe(entries);
    await searchBox(page).fill('');

    await search(page, 'salak');
    await chipsCard(page).waitFor();
    await search(page, 'batik');
    await chipsCard(page).waitFor({ state: 'detached' });
    expect(await page.evaluate<number>('history.length')).toBe(entries + 2);

    await page.goBack();
    expect(new URL(page.url()).searchParams.get('q')).toBe('salak');
    await expect.poll(() => searchBox(page).inputValue()).toBe('salak');
    await chipsCard(page).waitFor();
    // The tab's title is the one the server gives the same address.
    const served = await (await page.request.get(page.url(), { headers: { 'accept-language': 'id' } })).text();
    expect(served).toContain('<title>salak · Katalog produk desa · OVOP</title>');
    await expect.poll(() => page.title()).toBe('salak · Katalog produk desa · OVOP');

    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/catalog');
    expect(new URL(page.url()).search).toBe('');
    await expect.poll(() => searchBox(page).inputValue()).toBe('');
    await expect.poll(() => cards(page).count()).toBe(8);

    await page.goForward();
    await expect.poll(() => searchBox(page).inputValue()).toBe('salak');
    await page.goForward();
    await expect.poll(() => searchBox(page).inputValue()).toBe('batik');
    await chipsCard(page).waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('comes Back from a product to the same loaded list, at the same place', async () => {
    const page = await phone('id-ID');
    // Pages of three, so that the demo's eight products need "load more".
    await page.route('**/api/v1/catalog/products?*', (route) =>
      route.continue({ url: route.request().url().replace('limit=24', 'limit=3') }),
    );
    await page.goto('/catalog');
    await appStarted(page);
    await expect.poll(() => cards(page).count()).toBe(3);
    await page.getByRole('button', { name: 'Muat lebih banyak' }).click();
    await expect.poll(() => cards(page).count()).toBe(6);
    const fifth = cards(page).nth(4);
    const name = await fifth.locator('.card-title').innerText();
    const scrollY = () => page.evaluate<number>('Math.round(window.scrollY)');
    const y = Math.round(((await fifth.boundingBox())?.y ?? 0) + (await scrollY()) - 100);
    await page.evaluate(`window.scrollTo(0, ${y})`);
    // Where the page came to rest (its end may stop it short of y); the card's click keeps it.
    await expect.poll(scrollY).toBeGreaterThan(500);
    const scrolled = await scrollY();

    await fifth.locator('a.card-link').click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.goBack();
    await expect.poll(() => cards(page).count()).toBe(6);
    await expect.poll(scrollY).toBe(scrolled);
    await expect(cards(page).nth(4).locator('.card-title').innerText()).resolves.toBe(name);
    // Offline, "load more" says why nothing came and offers to try again; back online, the list goes
    // on from where it was: the last two.
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Muat lebih banyak' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tidak ada koneksi' }).waitFor();
    expect(await cards(page).count()).toBe(6);
    await page.context().setOffline(false);
    await page.getByRole('button', { name: 'Coba lagi' }).click();
    await expect.poll(() => cards(page).count()).toBe(8);
    await page.getByRole('alert').filter({ hasText: 'Tidak ada koneksi' }).waitFor({ state: 'detached' });
    await page.context().close();
  });

  for (const [locale, expected] of [
    [
      'ja-JP',
      {
        certs: '認証・許可',
        halal: 'ハラール',
        pirt: 'P-IRT（家庭食品許可）',
        languages: '対応言語: インドネシア語、英語、日本語',
        hs: 'HSコード',
        home: 'カタログへ',
      },
    ],
    [
      'id-ID',
      {
        certs: 'Sertifikat dan izin',
        halal: 'Halal',
        pirt: 'P-IRT',
        languages: 'Tersedia dalam: Indonesia, Inggris, dan Jepang',
        hs: 'Kode HS',
        home: 'Ke katalog',
      },
    ],
  ] as const) {
    it(`reads a product's certificates, HS code, its languages as a ${locale} list, and what its badge means without the notes to staff`, async () => {
      // The page the server writes and the app's own say the same, in the same words.
      for (const javaScript of [false, true]) {
        const page = await phone(locale, javaScript);
        await page.goto(`/p/${demo.chipsId}`);
        if (javaScript) await appStarted(page);
        const shown = page.locator('main:not([hidden])');
        const certs = shown.getByRole('region', { name: expected.certs });
        await certs.waitFor();
        const text = await certs.innerText();
        expect(text).toContain(expected.halal);
        expect(text).toContain('BPJPH');
        expect(text).toContain(expected.pirt);
        const facts = await shown.locator('[aria-labelledby="facts-title"]').innerText();
        expect(facts, `JavaScript ${javaScript}`).toMatch(new RegExp(`${expected.hs}\\s+2008\\.99`));
        expect(await shown.innerText()).toContain(expected.languages);
        await shown.getByRole('link', { name: expected.home }).waitFor();
        if (!javaScript) await page.context().close();
      }
      const page = await phone(locale);
      await page.goto(`/p/${demo.chipsId}`);
      await appStarted(page);

      const badge = page.locator('main:not([hidden]) .rating-badge a');
      expect((await badge.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      expect(await badge.innerText()).toMatch(/^OVOP ★★★★ \d{4}$/);
      await badge.click();
      await page.waitForURL(/\/ratings\//);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      expect(await heading.innerText()).toBe(
        locale === 'ja-JP' ? 'インドネシア工業省OVOP方式' : 'Gaya OVOP Kemenperin',
      );
      const main = await page.locator('main').innerText();
      expect(main).not.toMatch(/付属書|lampiran|注意|Catatan/);
      await page.context().close();
    });
  }

  it('taps links that stand alone with a finger: at least 44 px tall, in the app and on the pages the server renders', async () => {
    for (const javaScript of [true, false]) {
      const page = await phone('ja-JP', javaScript);
      await page.goto(`/b/${demo.batchId}`);
      if (javaScript) await appStarted(page);
      const story = page.locator('main:not([hidden])').getByRole('link', { name: '商品のストーリーを見る' });
      // Polled: the app may put its own page in place of the server's between two reads.
      const height = (link: typeof story) => async () => (await link.boundingBox())?.height ?? 0;
      await expect.poll(height(story), { message: `story link, JavaScript ${javaScript}` }).toBeGreaterThanOrEqual(44);

      await page.goto('/p/00000000-0000-4000-8000-000000000000');
      const home = page.locator('main:not([hidden])').getByRole('link', { name: 'カタログへ' });
      await expect
        .poll(height(home), { message: `not-found link, JavaScript ${javaScript}` })
        .toBeGreaterThanOrEqual(44);
      const right = async () => {
        const box = await home.boundingBox();
        return box ? box.x + box.width : Infinity;
      };
      await expect.poll(right).toBeLessThanOrEqual(360);
      await page.context().close();
    }
  });
});

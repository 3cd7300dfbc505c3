import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfText } from '../documents.js';
import { chooseLanguage, hasNoHorizontalScroll, launchChromium, menu, phonePage } from './browser.js';
import { ROOT, seedImpactWorld } from './server.js';

const baseUrl = inject('baseUrl');
const programId = inject('programId');
const MANAGER = { email: 'kadek.laporan@ovop.test', password: 'Laporan-Dampak-2026!', name: 'Kadek Laporan' };
const SHOTS = join(ROOT, 'docs', 'screens', 'impact');
let browser: Browser;

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** pdf.js as unpdf ships it: one module with its worker inside, so a page can use it without a worker file. */
const PDFJS = readFileSync(join(dirname(createRequire(import.meta.url).resolve('unpdf')), 'pdfjs.mjs'));
const VIEWER = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff">
<canvas id="page" style="display:block"></canvas><pre id="text"></pre>
<script type="module">
  const { getDocument } = await import('/pdfjs.mjs');
  const data = new Uint8Array(await (await fetch('/report.pdf')).arrayBuffer());
  const pdf = await getDocument({ data, isEvalSupported: false }).promise;
  const page = await pdf.getPage(1);
  const viewport = page.getViewport({ scale: 1.5 });
  const canvas = document.getElementById('page');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  const context = canvas.getContext('2d');
  await page.render({ canvasContext: context, canvas, viewport }).promise;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) inked++;
  const text = (await page.getTextContent()).items.map((item) => item.str).join(' ');
  document.getElementById('text').textContent = text;
  document.body.dataset.inked = String(inked / (canvas.width * canvas.height));
  document.body.dataset.pages = String(pdf.numPages);
</script>`;

/**
 * Draws a PDF's first page in Chromium with pdf.js, served from this test on an origin of its own
 * (no service worker, no app): answers the page's text layer and the share of inked pixels, and
 * saves the drawn page as `name`.png.
 */
async function renderFirstPage(pdf: Buffer, name: string) {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 960, height: 1300 },
    locale: 'id-ID',
  });
  await context.route('http://report.test/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/pdfjs.mjs') return route.fulfill({ body: PDFJS, contentType: 'text/javascript' });
    if (path === '/report.pdf') return route.fulfill({ body: pdf, contentType: 'application/pdf' });
    return route.fulfill({ body: VIEWER, contentType: 'text/html' });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('http://report.test/');
  // Drawn, or failed: the page says which.
  await expect
    .poll(async () => (errors.length > 0 ? -1 : page.locator('body[data-pages]').count()), { timeout: 60_000 })
    .not.toBe(0);
  expect(errors).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('#page').screenshot({ path: join(SHOTS, `${name}.png`) });
  const drawn = {
    text: (await page.locator('#text').textContent())!.replace(/\s+/g, ' '),
    inked: Number(await page.locator('body').getAttribute('data-inked')),
    width: await page.locator('#page').evaluate((c) => (c as { width: number }).width),
  };
  await context.close();
  return drawn;
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the impact report on a phone', () => {
  it('lets a program manager download the year’s PDF, which carries the program and the members shown', async () => {
    // A group of four weavers in Karangasem, so the program has members to report.
    const admin = await seedImpactWorld(baseUrl, programId, {
      manager: MANAGER,
      regency: '51.07',
      village: -1,
      group: 'KWT Tenun Ikat Sidemen',
      members: (
        [
          ['Ni Luh Sudiani', 'female'],
          ['Ni Kadek Wartini', 'female'],
          ['Ni Putu Ariani', 'female'],
          ['I Wayan Sudarma', 'male'],
        ] as const
      ).map(([name, sex]) => ({ name, sex, birthYear: 1982, joinedOn: '2025-03-01' })),
    });
    const program = await admin<{ name: string }>('GET', `/api/v1/programs/${programId}`);

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
    const [jaDownload] = await Promise.all([page.waitForEvent('download'), jaLink.click()]);
    const jaPdf = readFileSync((await jaDownload.path())!);
    await page.context().close();

    // Both reports' first pages as Chromium draws them: ink on the page, the title and the program
    // in the text layer.
    for (const [file, lang, title] of [
      [pdf, 'id', 'Laporan Dampak'],
      [jaPdf, 'ja', 'インパクト報告書'],
    ] as const) {
      const drawn = await renderFirstPage(file, `report-${lang}-page1`);
      expect(drawn.width).toBeGreaterThanOrEqual(850);
      expect(drawn.inked).toBeGreaterThan(0.005);
      expect(drawn.inked).toBeLessThan(0.5);
      expect(drawn.text).toContain(title);
      expect(drawn.text).toContain(program.name);
    }
  });
});

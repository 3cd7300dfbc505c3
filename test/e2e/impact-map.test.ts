import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  chooseLanguage,
  cutNetwork,
  hasNoHorizontalScroll,
  launchChromium,
  menu,
  phonePage,
  signInWithWorker,
} from './browser.js';
import { ROOT, seedImpactWorld } from './server.js';

const baseUrl = inject('baseUrl');
const programId = inject('programId');
const MANAGER = { email: 'ketut.peta@ovop.test', password: 'Peta-Program-2026!', name: 'Ketut Suardana' };
const SHOTS = join(ROOT, 'docs', 'screens', 'impact');
let browser: Browser;

/** A program manager, and a group of five villagers in a village of Badung, Bali. */
const seedMap = () =>
  seedImpactWorld(baseUrl, programId, {
    manager: MANAGER,
    regency: '51.03',
    village: 0,
    group: 'Kelompok Tenun Endek Mengwi',
    members: ['Ni Luh Sukarmini', 'Ni Kadek Ayu', 'Ni Putu Widiastuti', 'I Wayan Sudarta', 'I Made Yasa'].map(
      (name) => ({ name, sex: name.startsWith('Ni ') ? 'female' : 'male', birthYear: 1990, joinedOn: '2025-03-01' }),
    ),
  });

/** "1.234" (Indonesian grouping) or "1,234" as a number. */
const numberIn = (text: string | null) => Number(text?.match(/[\d.,]+/)?.[0].replace(/[.,]/g, ''));

const shade = (map: Locator, code: string) => map.locator(`svg path[data-area="${code}"]`).getAttribute('data-shade');

let admin: Awaited<ReturnType<typeof seedMap>>;

beforeAll(async () => {
  browser = await launchChromium();
  admin = await seedMap();
});
afterAll(async () => {
  await browser?.close();
});

describe('the dashboard map on a phone', () => {
  it('shades Bali, lists the same number in its table, and drills into Bali from the table', async () => {
    const page = await phonePage(browser, baseUrl);
    await page.goto('/app');
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Kata sandi').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: /Halo/ }).waitFor();
    await (await menu(page)).getByRole('link', { name: 'Dasbor' }).click();
    await page.getByRole('heading', { name: 'Dasbor program', level: 1 }).waitFor();

    const year = String(new Date().getFullYear());
    const map = page.getByTestId('area-map');
    await map
      .getByRole('heading', { name: `Anggota kelompok (warga desa terlibat) menurut Provinsi, ${year}` })
      .waitFor();
    await expect.poll(() => shade(map, '51')).toMatch(/^[0-4]$/);
    await map.getByText(/Natural Earth/).waitFor();

    // Every outline the server has is drawn, shaded exactly where the API has a figure; every
    // province without an outline of its own is named under the table with the outline it lies in.
    const answer = await admin<{ rows: { area: { code: string } | null; value: string | null }[] }>(
      'GET',
      `/api/v1/impact?programId=${programId}&indicator=members&level=province&period=${year}`,
    );
    const outlines = await admin<{
      topology: { objects: { areas: { geometries: { id: string }[] } } };
      missing: { name: string }[];
    }>('GET', '/api/v1/areas/boundaries?country=ID&level=province');
    const codes = outlines.topology.objects.areas.geometries.map((g) => g.id);
    expect(codes).toContain('51');
    expect(await map.locator('svg path').count()).toBe(codes.length);
    for (const code of codes) {
      const figure = answer.rows.some((r) => r.area?.code === code && r.value !== null);
      expect(await shade(map, code)).toMatch(figure ? /^[0-4]$/ : /^none$/);
    }
    for (const { name } of outlines.missing)
      await map.getByText(new RegExp(`${name}: belum punya batas sendiri; di peta berada di dalam`)).waitFor();
    const bali = Number(answer.rows.find((r) => r.area?.code === '51')!.value);
    expect(bali).toBeGreaterThanOrEqual(5);
    const table = map.getByRole('table', { name: /menurut Provinsi/ });
    const row = table.getByRole('row', { name: /Bali/ });
    expect(numberIn(await row.getByRole('cell').textContent())).toBe(bali);
    const listed = (await table.getByRole('cell').allTextContents()).map(numberIn);
    expect(listed).toEqual([...listed].sort((a, b) => b - a));
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    mkdirSync(SHOTS, { recursive: true });
    await map.screenshot({ path: join(SHOTS, 'map-id.png') });

    await row.getByRole('button', { name: 'Bali' }).click();
    await page.getByRole('navigation', { name: 'Wilayah' }).getByText('Bali').waitFor();
    await map.getByRole('heading', { name: /menurut Kabupaten\/Kota/ }).waitFor();
    await map.getByTestId('no-outlines').waitFor();
    expect(await map.getByTestId('no-outlines').textContent()).toMatch(/Kabupaten\/Kota belum tersedia/);
    expect(await map.locator('svg').count()).toBe(0);
    await map
      .getByRole('table')
      .getByRole('row', { name: /Badung/ })
      .waitFor();
    const figure = page.getByTestId('indicator-members').getByTestId('figure');
    await expect.poll(async () => numberIn(await figure.textContent())).toBe(bali);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await map.screenshot({ path: join(SHOTS, 'map-regency-id.png') });

    await page.getByRole('navigation', { name: 'Wilayah' }).getByRole('button', { name: 'Indonesia' }).click();
    await chooseLanguage(page, 'ja');
    await page.keyboard.press('Escape');
    await map.getByRole('heading', { name: /都道府県|州|県/ }).waitFor();
    await expect.poll(() => shade(map, '51')).toMatch(/^[0-4]$/);
    await map.getByText(/ライセンス/).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await map.screenshot({ path: join(SHOTS, 'map-ja.png') });
    await page.context().close();
  });

  it('draws the map from the service worker cache when the phone is offline, and tapping Bali on the map drills down', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      baseURL: baseUrl,
      locale: 'id-ID',
      serviceWorkers: 'allow',
    });
    const page = await context.newPage();
    await signInWithWorker(page, MANAGER);
    await (await menu(page)).getByRole('link', { name: 'Dasbor' }).click();
    const map = page.getByTestId('area-map');
    await expect.poll(() => shade(map, '51')).toMatch(/^[0-4]$/);
    await map.getByText(/Natural Earth/).waitFor();

    const restore = await cutNetwork(context);
    await page.reload();
    await page.getByRole('heading', { name: 'Dasbor program', level: 1 }).waitFor();
    await expect.poll(() => shade(map, '51')).toMatch(/^[0-4]$/);
    await map.getByRole('table').getByRole('row', { name: /Bali/ }).waitFor();
    await map.getByText(/Natural Earth/).waitFor();
    await restore();

    await map.locator('svg path[data-area="51"]').click();
    await page.getByRole('navigation', { name: 'Wilayah' }).getByText('Bali').waitFor();
    await map.getByTestId('no-outlines').waitFor();
    await context.close();
  });
});

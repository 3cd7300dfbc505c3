/**
 * Screenshots of the error states people meet most, in Indonesian and Japanese at 360 px: the member
 * form (empty name; a NIK whose birth year is not the member's), sign-in with a wrong password, and
 * a photo over the upload limit. Builds and starts the app like the browser journeys, then saves
 * PNGs to docs/screens/errors/. Run: `npx tsx scripts/error-screens.ts`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/browser.js';
import { ADMIN, apiSession, ROOT, seedProgram, startBuiltServer } from '../test/e2e/server.js';

const OUT = join(ROOT, 'docs', 'screens', 'errors');
const LABELS = {
  id: { email: 'Email', password: 'Kata sandi', signIn: 'Masuk', add: 'Tambah anggota' },
  ja: {
    email: 'メール',
    password: 'パスワード',
    signIn: 'ログイン',
    add: 'メンバーを追加',
  },
} as const;
type Locale = keyof typeof LABELS;

async function seedProduct(url: string, programId: string) {
  const admin = await apiSession(url, ADMIN);
  const areas = await admin<{ items: { code: string }[] }>('GET', '/api/v1/areas?parent=51.07.03');
  const village = await admin<{ id: string }>('POST', '/api/v1/villages', {
    programId,
    areaCode: areas.items[0]!.code,
  });
  const group = await admin<{ id: string }>('POST', '/api/v1/groups', {
    programId,
    villageId: village.id,
    name: 'KWT Salak Sibetan',
    kind: 'women_group',
  });
  const product = await admin<{ id: string }>('POST', '/api/v1/products', {
    groupId: group.id,
    name: { id: 'Keripik salak' },
    category: 'food',
    unit: 'pack',
    price: { amount: '15000', currency: 'IDR' },
  });
  return { groupId: group.id, productId: product.id };
}

async function page(browser: Browser, url: string, locale: Locale): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, hasTouch: true, baseURL: url });
  await context.addInitScript((l) => localStorage.setItem('ovop.locale', l), locale);
  return context.newPage();
}

const shot = (p: Page, name: string) => p.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });

async function screens(browser: Browser, url: string, locale: Locale, ids: { groupId: string; productId: string }) {
  const label = LABELS[locale];
  const p = await page(browser, url, locale);
  await p.goto('/app');
  await p.getByLabel(label.email).fill(ADMIN.email);
  await p.getByLabel(label.password).fill(`${ADMIN.password}-wrong`);
  await p.getByRole('button', { name: label.signIn }).click();
  await p.getByRole('alert').first().waitFor();
  await shot(p, `${locale}-sign-in-wrong-password`);
  await p.getByLabel(label.password).fill(ADMIN.password);
  await p.getByRole('button', { name: label.signIn }).click();
  // Signed in when the sign-in form has gone (the home's heading alone could be the form's own).
  await p.getByRole('button', { name: label.signIn, exact: true }).waitFor({ state: 'detached' });

  await p.goto(`/app/groups/${ids.groupId}`);
  await p.getByRole('button', { name: label.add }).click();
  const form = p.locator('form').filter({ has: p.getByRole('button', { name: label.add }) });
  await form.getByRole('button', { name: label.add }).click();
  await form.locator('.error').first().waitFor();
  await form.screenshot({ path: join(OUT, `${locale}-member-empty-name.png`) });
  await form.locator('#f-m-name').fill('Ni Made Suastini');
  await form.locator('#f-birthYear').fill('1999');
  await form.locator('#f-nationalId').fill('5107064505850001');
  await form.getByRole('button', { name: label.add }).click();
  await form.locator('#f-nationalId-error').waitFor();
  await form.screenshot({ path: join(OUT, `${locale}-member-nik-birth-year.png`) });

  await p.goto(`/app/products/${ids.productId}`);
  const big = Buffer.alloc(9 * 1024 * 1024, 0);
  big.set([0xff, 0xd8, 0xff, 0xe0]);
  // A 9 MB file the phone cannot shrink (it does not decode): refused beside the picker, with the limit.
  await p.locator('input[type="file"]').setInputFiles({ name: 'foto-hp.jpg', mimeType: 'image/jpeg', buffer: big });
  await p.getByTestId('photo-problem').waitFor();
  await shot(p, `${locale}-photo-too-large`);
  await p.context().close();
}

mkdirSync(OUT, { recursive: true });
const server = await startBuiltServer({ build: process.argv.includes('--no-build') ? false : undefined });
const browser = await launchChromium();
try {
  const { programId } = await seedProgram(server.url);
  const ids = await seedProduct(server.url, programId);
  for (const locale of ['id', 'ja'] as const) await screens(browser, server.url, locale, ids);
} finally {
  await browser.close();
  await server.stop();
}

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfQrCodes } from '../documents.js';
import { hasNoHorizontalScroll, launchChromium, menu, phonePage, screenshot } from './browser.js';
import { apiSession, seedTrainingSession, TRAINER } from './server.js';

const baseUrl = inject('baseUrl');
const programId = inject('programId');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('training on a phone', () => {
  it('lets a trainer mark attendance on a 360 px screen, and the participant’s certificate verifies', async () => {
    const seeded = await seedTrainingSession(baseUrl, programId);
    const page = await phonePage(browser, baseUrl);
    await page.goto('/app');
    await page.getByLabel('Email').fill(TRAINER.email);
    await page.getByLabel('Kata sandi').fill(TRAINER.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: /Halo/ }).waitFor();

    await (await menu(page)).getByRole('link', { name: 'Pelatihan' }).click();
    await page.getByRole('link', { name: /Kemasan dan label pangan olahan/ }).click();
    await page.getByRole('heading', { name: 'Peserta', exact: true }).waitFor();
    await page.getByText('Baiq Rahmawati').waitFor();
    await screenshot(page, 'training-session');
    await page.getByRole('link', { name: 'Catat kehadiran' }).click();
    const sheet = page.getByRole('list', { name: 'Kehadiran' });
    await sheet.getByRole('button').first().waitFor();
    expect(await sheet.getByRole('button').count()).toBe(30);
    await screenshot(page, 'training-attendance-before');

    // The connection drops the first save: the screen sends the same PUT again by itself.
    let dropped = 0;
    await page.route('**/api/v1/sessions/*/attendance/*', async (route) => {
      if (route.request().method() === 'PUT' && dropped === 0) {
        dropped++;
        await route.abort('connectionreset');
      } else await route.continue();
    });
    for (const m of seeded.members.slice(0, 2)) {
      await sheet.getByRole('button', { name: new RegExp(m.name) }).tap();
    }
    await page.getByRole('status').filter({ hasText: 'Hadir 2 dari 30 · semua tersimpan' }).waitFor();
    expect(dropped).toBe(1);
    const first = sheet.getByRole('button', { name: new RegExp(seeded.members[0]!.name) });
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    expect(await first.getAttribute('data-state')).toBe('saved');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'training-attendance-marked');

    // A reload shows what the server holds: the marks were saved, not only drawn.
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Hadir 2 dari 30' }).waitFor();

    const trainer = await apiSession(baseUrl, TRAINER);
    const { items } = await trainer<{
      items: { member: { id: string }; complete: boolean; certificateId: string | null }[];
    }>('GET', `/api/v1/sessions/${seeded.sessionId}/enrolments`);
    const done = items.find((e) => e.member.id === seeded.members[0]!.id)!;
    expect(done.complete).toBe(true);
    expect(items.filter((e) => e.certificateId)).toHaveLength(1);

    const pdf = await fetch(`${baseUrl}/api/v1/certificates/${done.certificateId}.pdf`, {
      headers: { cookie: await sessionCookie() },
    });
    expect(pdf.status).toBe(200);
    const [qr] = await pdfQrCodes(Buffer.from(await pdf.arrayBuffer()));
    expect(qr).toBe(`${baseUrl}/verify/${done.certificateId}`);

    const visitor = await phonePage(browser, baseUrl);
    await visitor.goto(new URL(qr!).pathname);
    await visitor.getByRole('status').filter({ hasText: 'Sertifikat ini sah' }).waitFor();
    // The page came rendered by the server; the app took its place once it had the answer.
    await visitor.locator('#root:not([hidden]) [data-ready]').waitFor({ state: 'attached' });
    await visitor.getByText(seeded.members[0]!.name).waitFor();
    expect(await hasNoHorizontalScroll(visitor)).toBe(true);
    await screenshot(visitor, 'training-verify');

    // Someone holding the paper types its number instead, with one character wrong first.
    const { number } = await trainer<{ number: string }>('GET', `/api/v1/certificates/${done.certificateId}`);
    const typo = number.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await visitor.goto('/verify');
    await visitor.getByLabel('Nomor sertifikat').fill(typo.toLowerCase());
    await visitor.getByRole('button', { name: 'Periksa' }).click();
    await visitor.getByRole('alert').filter({ hasText: 'salah ketik' }).waitFor();
    await screenshot(visitor, 'training-verify-mistyped');
    await visitor.getByLabel('Nomor sertifikat').fill(number.replaceAll('-', ' '));
    await visitor.getByRole('button', { name: 'Periksa' }).click();
    await visitor.getByRole('status').filter({ hasText: 'Sertifikat ini sah' }).waitFor();
    await visitor.getByText(number).waitFor();
    expect(await hasNoHorizontalScroll(visitor)).toBe(true);
  });
});

async function sessionCookie(): Promise<string> {
  const signIn = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email: TRAINER.email, password: TRAINER.password }),
  });
  return signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

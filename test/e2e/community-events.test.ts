import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  chooseLanguage,
  hasNoHorizontalScroll,
  launchChromium,
  menu,
  phonePage,
  screenshot,
  signIn,
} from './browser.js';
import { ADMIN, apiSession } from './server.js';

const baseUrl = inject('baseUrl');
const programId = inject('programId');
let browser: Browser;

const MANAGER = { email: 'acara.pm@ovop.test', password: 'Acara-Desa-Sibetan-2026!', name: 'Wayan Suardana' };
const VILLAGER = { email: 'kadek.ayu@ovop.test', password: 'Pia-Salak-Sibetan-2026!' };

/** A villager welcomed into the community, by the API (the join page has its own journey). */
async function welcomedVillager(manager: Awaited<ReturnType<typeof apiSession>>) {
  const rules = await manager<{ version: number }>('GET', `/api/v1/community/${programId}/rules`).catch(() => null);
  if (!rules) await manager('POST', `/api/v1/community/${programId}/rules`, { text: { id: 'Saling menghormati.' } });
  const joined = await fetch(`${baseUrl}/api/v1/community/${programId}/joins`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({
      name: 'Kadek Ayu',
      email: VILLAGER.email,
      areaCode: '51.07.06.2004',
      rulesVersion: rules?.version ?? 1,
      acceptRules: true,
    }),
  });
  const { id } = (await joined.json()) as { id: string };
  const welcomed = await manager<{ invitation: { path: string } }>('POST', `/api/v1/community/joins/${id}/welcome`);
  const accepted = await fetch(`${baseUrl}/api/v1/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ token: welcomed.invitation.path.split('#')[1], password: VILLAGER.password }),
  });
  expect(accepted.status).toBe(200);
}

beforeAll(async () => {
  browser = await launchChromium();
  const admin = await apiSession(baseUrl, ADMIN);
  const user = await admin<{ id: string }>('POST', '/api/v1/users', MANAGER);
  await admin('POST', `/api/v1/programs/${programId}/roles`, { userId: user.id, role: 'program_manager' });
});
afterAll(async () => {
  await browser?.close();
});

describe('community events on a phone', () => {
  it('lets a villager read a pinned announcement, RSVP to a fair and show her ticket, checked in once at the door', async () => {
    const manager = await apiSession(baseUrl, MANAGER);
    await welcomedVillager(manager);
    await manager('POST', `/api/v1/community/${programId}/announcements`, {
      title: { id: 'Pameran produk desa bulan depan', ja: '来月、村の産品フェア' },
      body: { id: 'Daftar lewat halaman Acara.', ja: 'イベントのページから登録してください。' },
      pinned: true,
    });
    const fair = await manager<{ id: string }>('POST', `/api/v1/community/${programId}/events`, {
      kind: 'fair_expo',
      title: { id: 'Pameran produk desa', ja: '村の産品フェア' },
      startsAt: '2099-03-02T09:00:00+08:00',
      endsAt: '2099-03-02T15:00:00+08:00',
      timeZone: 'Asia/Makassar',
      areaCode: '51.07.06.2004',
      address: 'Balai Desa Sibetan',
      capacity: 50,
    });

    const page = await phonePage(browser, baseUrl);
    await signIn(page, VILLAGER);
    await (await menu(page)).getByRole('link', { name: 'Komunitas' }).click();
    await page.getByRole('heading', { name: 'Pengumuman' }).waitFor();
    await page.getByText('Pameran produk desa bulan depan').waitFor();
    await page.getByRole('button', { name: 'Tandai sudah dibaca' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Tandai sudah dibaca' }).count()).toBe(0);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'community-announcement-id');

    await page.getByRole('link', { name: 'Acara' }).first().click();
    await page.getByRole('link', { name: 'Pameran produk desa' }).click();
    await page.getByRole('button', { name: 'Saya hadir' }).click();
    await page.getByRole('heading', { name: 'Tiket masuk' }).waitFor();
    const code = (await page.locator('.ticket strong').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'community-event-ticket-id');

    const door = await phonePage(browser, baseUrl);
    await signIn(door, MANAGER);
    await door.goto(`/app/community/events/${fair.id}/check-in`);
    await door.getByRole('heading', { name: 'Check-in di pintu' }).waitFor();
    await door.getByLabel('Atau ketik kode tiket').fill(code.toLowerCase());
    await door.getByRole('button', { name: 'Check-in', exact: true }).click();
    await door.getByRole('status').filter({ hasText: 'Kadek Ayu sudah check-in' }).waitFor();
    await door.getByLabel('Atau ketik kode tiket').fill(code);
    await door.getByRole('button', { name: 'Check-in', exact: true }).click();
    await door.getByRole('alert').filter({ hasText: 'Tiket ini sudah check-in' }).waitFor();
    expect(await hasNoHorizontalScroll(door)).toBe(true);
    await screenshot(door, 'community-check-in-id');
    await door.context().close();

    await page.reload();
    await page.getByText(/Sudah check-in pukul/).waitFor();
    await chooseLanguage(page, 'ja');
    await page.getByRole('heading', { name: '入場チケット' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('村の産品フェア');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'community-event-ticket-ja');
    await page.context().close();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, hasNoHorizontalScroll, menu, phonePage, screenshot, signIn } from './browser.js';
import { baseUrl, programId, staffMember, useBrowser, welcomedMember } from './community-fixture.js';
import { apiSession } from './server.js';

const fixture = useBrowser();
const MANAGER = { email: 'acara.pm@ovop.test', password: 'Acara-Desa-Sibetan-2026!', name: 'Wayan Suardana' };
const VILLAGER = { email: 'kadek.ayu@ovop.test', password: 'Pia-Salak-Sibetan-2026!', name: 'Kadek Ayu' };

beforeAll(async () => {
  await staffMember(MANAGER, 'program_manager');
});

describe('community events on a phone', () => {
  it('lets a villager read a pinned announcement, RSVP to a fair and show her ticket, checked in once at the door', async () => {
    const manager = await apiSession(baseUrl, MANAGER);
    await welcomedMember(manager, VILLAGER);
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

    const page = await phonePage(fixture.browser, baseUrl);
    await signIn(page, VILLAGER);
    await (await menu(page)).getByRole('link', { name: 'Komunitas' }).click();
    await page.getByRole('heading', { name: 'Pengumuman' }).waitFor();
    await page.getByText('Pameran produk desa bulan depan').waitFor();
    await page.getByRole('button', { name: 'Tandai sudah dibaca' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Tandai sudah dibaca' }).count()).toBe(0);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'community-announcement-id');

    await page.getByRole('link', { name: 'Acara' }).first().click();
    await page.getByRole('link', { name: 'Pameran produk desa', exact: true }).click();
    await page.getByRole('button', { name: 'Saya hadir' }).click();
    await page.getByRole('heading', { name: 'Tiket masuk' }).waitFor();
    const code = (await page.locator('.ticket strong').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'community-event-ticket-id');

    const door = await phonePage(fixture.browser, baseUrl);
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

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appStarted, hasNoHorizontalScroll, menu, phonePage, screenshot, signIn } from './browser.js';
import { baseUrl, programId, staffMember, useBrowser, welcomedMember } from './community-fixture.js';
import { apiSession, ROOT } from './server.js';

/**
 * Issue #16's public pages on a 360 px phone: a visitor reads a program's open events (Indonesian
 * and Japanese) and never a members-only one; a member makes her phone public and her public page
 * gets a wa.me link; an organiser changes an event's capacity (refused below those going, beside
 * the field) and calls it off, and the public page says so.
 */
const fixture = useBrowser();
const MANAGER = { email: 'orang.pm@ovop.test', password: 'Orang-Desa-Sibetan-2026!', name: 'Nyoman Sudarsana' };
const SARI = {
  email: 'luh.sari.people@ovop.test',
  password: 'Tenun-Ikat-Sibetan-2026!',
  name: 'Ni Luh Sari Tenun',
  phone: '081337771234',
};
const DEWI = { email: 'dewi.people@ovop.test', password: 'Anyaman-Bambu-2026!', name: 'Made Dewi Anyaman' };
const OPEN_FAIR = { id: 'Pameran Tenun Ikat Terbuka', ja: '絣織りオープンフェア' };
const CLOSED = { id: 'Rapat Anggota Tenun Tertutup' };
const SHOTS = join(ROOT, 'docs', 'screens', 'community');

let fairId = '';

/** A screenshot in test-results and a copy in docs/screens/community. */
async function shoot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(join(ROOT, 'test-results', 'screenshots', `${name}.png`), join(SHOTS, `${name}.png`));
}

beforeAll(async () => {
  const manager = await staffMember(MANAGER, 'program_manager');
  const event = (title: Record<string, string>, open: boolean) =>
    manager<{ id: string }>('POST', `/api/v1/community/${programId}/events`, {
      kind: 'fair_expo',
      title,
      startsAt: '2099-05-10T09:00:00+08:00',
      endsAt: '2099-05-10T15:00:00+08:00',
      timeZone: 'Asia/Makassar',
      areaCode: '51.07.06.2004',
      address: 'Wantilan Desa Sibetan',
      capacity: 30,
      public: open,
    });
  fairId = (await event(OPEN_FAIR, true)).id;
  await event(CLOSED, false);
});

describe('public events and people on a phone', () => {
  it('shows a visitor the open events in Indonesian and Japanese, never a members-only one', async () => {
    const page = await phonePage(fixture.browser, baseUrl);
    await page.goto(`/events?program=${programId}`);
    await appStarted(page);
    await page.getByRole('heading', { name: 'Acara terbuka' }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: OPEN_FAIR.id });
    await card.getByText('Sisa 30 tempat').waitFor();
    expect(await page.getByText(CLOSED.id).count()).toBe(0);
    const joinLink = page.getByRole('link', { name: 'Gabung komunitas untuk mendaftar hadir' });
    expect(await joinLink.getAttribute('href')).toBe(`/join/${programId}`);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'people-events-id');

    await card.getByRole('link', { name: OPEN_FAIR.id, exact: true }).click();
    await appStarted(page);
    await page.getByRole('heading', { name: OPEN_FAIR.id }).waitFor();
    const calendar = page.getByRole('link', { name: 'Tambahkan ke kalender' });
    expect(await calendar.getAttribute('href')).toBe(`/api/v1/community/public-events/${fairId}/calendar`);
    expect(await page.locator('main').innerText()).toContain('Wantilan Desa Sibetan');
    await page.context().close();

    const ja = await phonePage(fixture.browser, baseUrl, 'ja-JP');
    await ja.goto(`/events?program=${programId}`);
    await appStarted(ja);
    await ja.getByRole('heading', { name: '公開イベント' }).waitFor();
    const jaCard = ja.getByRole('listitem').filter({ hasText: OPEN_FAIR.ja });
    await jaCard.getByText('残り 30 席').waitFor();
    expect(await ja.locator('main').innerText()).not.toMatch(/Acara terbuka|Sisa 30 tempat/);
    expect(await hasNoHorizontalScroll(ja)).toBe(true);
    await shoot(ja, 'people-events-ja');
    // An address without its program: the empty list, and the app takes the page's place.
    await ja.goto('/events');
    await ja.locator('#root:not([hidden]) [data-ready]').waitFor({ state: 'attached' });
    await ja.getByRole('heading', { name: '公開イベント' }).waitFor();
    await ja.getByText('公開イベントはまだありません。').waitFor();
    await ja.context().close();
  });

  it('lets a member make her phone public, and her public page then has a WhatsApp link and nothing else she kept', async () => {
    const manager = await apiSession(baseUrl, MANAGER);
    await welcomedMember(manager, SARI);
    const page = await phonePage(fixture.browser, baseUrl);
    await signIn(page, SARI);
    await (await menu(page)).getByRole('link', { name: 'Komunitas' }).click();
    await page.getByRole('link', { name: 'Profil publik saya' }).click();
    await page.getByRole('heading', { name: 'Profil publik saya' }).waitFor();
    await page.getByRole('checkbox', { name: /^Nomor telepon \(tombol chat WhatsApp\)/ }).check();
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'people-profile-settings-id');

    // Her public page is rendered on the server, then the app takes its place.
    await page.getByRole('link', { name: 'Lihat halaman publik saya' }).click();
    await appStarted(page);
    await page.getByRole('heading', { name: SARI.name }).waitFor();
    const chat = page.getByRole('link', { name: 'Chat lewat WhatsApp' });
    expect(await chat.getAttribute('href')).toMatch(/^https:\/\/wa\.me\/6281337771234\?text=/);
    // Her email stays hers: she did not make it public.
    expect(await page.locator('main').innerText()).not.toContain(SARI.email);
    expect(await page.getByRole('link', { name: SARI.email }).count()).toBe(0);
    await shoot(page, 'people-profile-id');
    await page.context().close();
  });

  it('lets an organiser change the capacity, refused below those going, then call the event off for the public page too', async () => {
    const manager = await apiSession(baseUrl, MANAGER);
    await welcomedMember(manager, DEWI);
    for (const who of [SARI, DEWI]) {
      const member = await apiSession(baseUrl, who);
      await member('PUT', `/api/v1/community/events/${fairId}/rsvp`, { going: true });
    }
    const page = await phonePage(fixture.browser, baseUrl);
    await signIn(page, MANAGER);
    await page.goto(`/app/community/events/${fairId}`);
    await page.getByRole('link', { name: 'Ubah atau batalkan acara' }).click();
    const capacity = page.getByLabel('Kapasitas', { exact: true });
    await capacity.fill('1');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Paling sedikit 2: sudah 2 orang terdaftar hadir.' }).waitFor();
    expect(await capacity.getAttribute('aria-invalid')).toBe('true');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'people-event-capacity-refused-id');

    await capacity.fill('20');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.waitForURL(`**/app/community/events/${fairId}`);
    await page.getByRole('link', { name: 'Ubah atau batalkan acara' }).click();
    await page.getByLabel(/^Alasan/).fill('Wantilan dipakai upacara desa');
    await page.getByRole('button', { name: 'Batalkan acara' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Batalkan acara' }).click();
    await page.waitForURL(`**/app/community/events/${fairId}`);
    await page.getByText('Dibatalkan').first().waitFor();
    await page.context().close();

    const visitor = await phonePage(fixture.browser, baseUrl);
    await visitor.goto(`/events?program=${programId}`);
    await appStarted(visitor);
    const card = visitor.getByRole('listitem').filter({ hasText: OPEN_FAIR.id });
    await card.getByText('Dibatalkan').waitFor();
    expect(await card.getByText(/Sisa \d+ tempat/).count()).toBe(0);
    await visitor.goto(`/events/${fairId}`);
    await appStarted(visitor);
    await visitor.getByRole('heading', { name: OPEN_FAIR.id }).waitFor();
    await visitor.getByText('Dibatalkan').waitFor();
    await visitor.getByText('Alasan: Wantilan dipakai upacara desa').waitFor();
    expect(await visitor.getByRole('link', { name: 'Tambahkan ke kalender' }).count()).toBe(0);
    await shoot(visitor, 'people-event-cancelled-id');
    await visitor.context().close();

    // Those going are told in the app too, with the organiser's reason.
    const going = await phonePage(fixture.browser, baseUrl);
    await signIn(going, DEWI);
    await going.goto('/app/notifications');
    const notice = going.getByRole('listitem').filter({ hasText: OPEN_FAIR.id });
    await notice.getByText('dibatalkan', { exact: false }).waitFor();
    expect(await notice.innerText()).toContain('Wantilan dipakai upacara desa');
    await going.context().close();
  });
});

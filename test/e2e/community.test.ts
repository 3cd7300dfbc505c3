import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, hasNoHorizontalScroll, menu, phonePage, screenshot, signIn } from './browser.js';
import { baseUrl, programId, staffMember, useBrowser, welcomedMember } from './community-fixture.js';
import { apiSession } from './server.js';

const fixture = useBrowser();
const MANAGER = { email: 'komunitas.pm@ovop.test', password: 'Komunitas-Desa-2026!', name: 'Ayu Lestari' };

beforeAll(async () => {
  const admin = await staffMember(MANAGER, 'program_manager');
  await admin('POST', `/api/v1/community/${programId}/rules`, {
    text: {
      id: 'Saling menghormati. Tidak berjualan di utas tanya jawab. Tidak membagikan data pribadi orang lain.',
      ja: '互いを尊重すること。質問スレッドで販売しないこと。他人の個人情報を共有しないこと。',
    },
  });
});

async function join(page: Page, name: string) {
  await page.goto(`/join/${programId}`);
  await page.getByRole('heading', { name: 'Gabung komunitas' }).waitFor();
  await page.getByLabel('Nama Anda').fill(name);
  await page.getByLabel('Nomor HP (WhatsApp)').fill('081234567890');
  await page.getByLabel('Desa Anda').fill('Sibetan');
  await page.getByRole('option', { name: /^Sibetan — Bebandem, Kabupaten Karangasem, Bali/ }).click();
  await page.getByLabel('Usaha atau produk Anda').fill('Keripik salak');
  await page.getByLabel('Kemasan').check();
}

describe('the community on a phone', () => {
  it('lets a villager ask to join, refused until the rules are accepted, and a program manager welcome her with a link to set a password', async () => {
    const villager = await phonePage(fixture.browser, baseUrl);
    await join(villager, 'Ni Luh Sukerti');
    expect(await villager.locator('main').innerText()).toContain('Saling menghormati');
    await villager.getByRole('button', { name: 'Kirim' }).click();
    // Without consent the form marks that field, and nothing is sent.
    const consent = villager.getByLabel('Saya sudah membaca aturan dan setuju');
    await expect.poll(() => consent.getAttribute('aria-invalid')).toBe('true');
    expect(await villager.getByText('Permintaan Anda sudah terkirim').count()).toBe(0);
    await screenshot(villager, 'community-join-refused-id');
    await consent.check();
    await villager.getByRole('button', { name: 'Kirim' }).click();
    await villager.getByRole('status').filter({ hasText: 'Permintaan Anda sudah terkirim' }).waitFor();
    expect(await hasNoHorizontalScroll(villager)).toBe(true);
    await screenshot(villager, 'community-join-sent-id');
    await villager.context().close();

    const manager = await phonePage(fixture.browser, baseUrl);
    await signIn(manager, MANAGER);
    await (await menu(manager)).getByRole('link', { name: 'Permintaan gabung' }).click();
    const row = manager.getByRole('listitem').filter({ hasText: 'Ni Luh Sukerti' });
    await row.getByRole('button', { name: 'Sambut' }).click();
    await manager.getByRole('dialog').getByText('Akunnya dibuat').waitFor();
    await manager.getByRole('dialog').getByRole('button', { name: 'Sambut' }).click();
    await manager.getByText('Ni Luh Sukerti sudah disambut').waitFor();
    const link = manager.getByRole('link', { name: 'Kirim lewat WhatsApp' });
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=http/);
    expect(await hasNoHorizontalScroll(manager)).toBe(true);
    await screenshot(manager, 'community-welcomed-id');
    await manager.context().close();
  });

  it('shows the join page in Japanese to a Japanese phone, the rules included', async () => {
    const page = await phonePage(fixture.browser, baseUrl, 'ja-JP');
    await page.goto(`/join/${programId}`);
    await page.getByText('互いを尊重すること').waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/Gabung komunitas|Nama Anda/);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'community-join-ja');
    await page.context().close();
  });

  it('lets a welcomed villager ask in the packaging space, a manager answer, and her accept the answer', async () => {
    const manager = await apiSession(baseUrl, MANAGER);
    const villager = { email: 'made.komang@ovop.test', password: 'Salak-Pia-Sibetan-2026!', name: 'Made Komang' };
    await welcomedMember(manager, villager);

    const page = await phonePage(fixture.browser, baseUrl);
    await signIn(page, villager);
    await (await menu(page)).getByRole('link', { name: 'Komunitas' }).click();
    await page.getByRole('heading', { name: 'Dekat Anda' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Kabupaten Karangasem');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'community-spaces-id');
    await page.getByRole('link', { name: 'Kemasan' }).click();
    await page.getByRole('button', { name: 'Utas baru' }).click();
    await page.getByLabel('Judul').fill('Plastik apa untuk keripik salak?');
    await page.getByLabel('Isi').fill('Keripik saya cepat melempem setelah seminggu.');
    await page.getByRole('button', { name: 'Kirim utas' }).click();
    await page.getByRole('heading', { name: 'Plastik apa untuk keripik salak?' }).waitFor();
    const threadUrl = page.url();

    const answerer = await phonePage(fixture.browser, baseUrl);
    await signIn(answerer, MANAGER);
    await answerer.goto(threadUrl);
    await answerer.getByRole('textbox', { name: 'Balasan Anda' }).fill('Pakai standing pouch aluminium dengan zipper.');
    await answerer.getByRole('button', { name: 'Kirim balasan' }).click();
    await answerer.getByText('Pakai standing pouch aluminium').waitFor();
    // the manager moderates: the thread shows the lock button to them, not to the villager
    expect(await answerer.getByRole('button', { name: 'Kunci utas' }).count()).toBe(1);
    await answerer.context().close();

    await page.reload();
    const reply = page.getByRole('listitem', { name: MANAGER.name });
    await reply.getByRole('button', { name: 'Pilih sebagai jawaban' }).click();
    await reply.getByText('jawaban terpilih').waitFor();
    expect(await page.getByRole('button', { name: 'Kunci utas' }).count()).toBe(0);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'community-thread-answered-id');
    await chooseLanguage(page, 'ja');
    await page.getByText('採用された回答').waitFor();
    expect(await page.getByRole('button', { name: '回答として採用' }).count()).toBe(0);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'community-thread-answered-ja');
    await page.context().close();
  });
});

import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, hasNoHorizontalScroll, menu, phonePage, screenshot, signIn } from './browser.js';
import { baseUrl, staffMember, useBrowser, welcomedMember } from './community-fixture.js';
import { apiSession, ROOT } from './server.js';

const fixture = useBrowser();
const SHOTS = join(ROOT, 'docs', 'screens', 'community');
const MODERATOR = { email: 'foto.moderator@ovop.test', password: 'Foto-Moderator-2026!', name: 'Wayan Moderator' };
const ASKER = { email: 'foto.penanya@ovop.test', password: 'Foto-Penanya-Sibetan-2026!', name: 'Luh Foto Penanya' };
const REPLIER = {
  email: 'foto.penjawab@ovop.test',
  password: 'Foto-Penjawab-Sibetan-2026!',
  name: 'Ketut Foto Penjawab',
};
const TITLE = 'Foto kemasan dodol nangka';

beforeAll(async () => {
  await staffMember(MODERATOR, 'program_manager');
  const moderator = await apiSession(baseUrl, MODERATOR);
  await welcomedMember(moderator, ASKER);
  await welcomedMember(moderator, REPLIER);
});

/** A phone photo of a given colour, as a JPEG file to choose. */
async function photo(name: string, background: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'ovop-post-photo-')), `${name}.jpg`);
  await sharp({ create: { width: 1200, height: 900, channels: 3, background } })
    .jpeg()
    .toFile(file);
  return file;
}

/** Every image in the list item has loaded from the server (a broken one has no natural width). */
const imagesLoaded = (page: Page, item: string, count: number) =>
  expect
    .poll(
      () =>
        page
          .getByRole('listitem', { name: item, exact: true })
          .getByRole('img')
          .evaluateAll(
            (imgs) => imgs.filter((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0).length,
          ),
      { timeout: 30_000 },
    )
    .toBe(count);

/** A screenshot in test-results and a copy in docs/screens/community. */
async function shoot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(join(ROOT, 'test-results', 'screenshots', `${name}.png`), join(SHOTS, `${name}.png`));
}

describe('photos on community posts, on a phone', () => {
  it('a member asks with two photos, another replies with one, both show; a hidden reply’s photo answers 404', async () => {
    const asker = await phonePage(fixture.browser, baseUrl);
    await signIn(asker, ASKER);
    await (await menu(asker)).getByRole('link', { name: 'Komunitas' }).click();
    await asker.getByRole('link', { name: 'Kemasan', exact: true }).click();
    await asker.getByRole('button', { name: 'Utas baru' }).click();
    await asker.getByLabel('Judul').fill(TITLE);
    await asker.getByLabel('Isi').fill('Dodol nangka saya berjamur di kemasan ini. Bagaimana menurut kalian?');
    await asker
      .getByLabel('Tambah foto (sisa 4)')
      .setInputFiles([await photo('kemasan-depan', '#c0392b'), await photo('kemasan-belakang', '#2980b9')]);
    await asker.getByRole('img', { name: 'Foto pilihan 2', exact: true }).waitFor();
    expect(await hasNoHorizontalScroll(asker)).toBe(true);
    await asker.getByRole('button', { name: 'Kirim utas' }).click();
    await asker.getByRole('heading', { name: TITLE }).waitFor();
    await imagesLoaded(asker, ASKER.name, 2);
    const threadUrl = asker.url();

    const replier = await phonePage(fixture.browser, baseUrl);
    await signIn(replier, REPLIER);
    await replier.goto(threadUrl);
    await replier.getByRole('heading', { name: TITLE }).waitFor();
    await replier.getByRole('textbox', { name: 'Balasan Anda' }).fill('Coba kemasan vakum seperti ini.');
    await replier.getByLabel('Tambah foto (sisa 4)').setInputFiles(await photo('kemasan-vakum', '#27ae60'));
    await replier.getByRole('img', { name: 'Foto pilihan 1', exact: true }).waitFor();
    await replier.getByRole('button', { name: 'Kirim balasan' }).click();
    const reply = replier.getByRole('listitem', { name: REPLIER.name, exact: true });
    await reply.getByText('Coba kemasan vakum seperti ini.').waitFor();
    await imagesLoaded(replier, REPLIER.name, 1);
    await imagesLoaded(replier, ASKER.name, 2);
    // tap to enlarge: the photo fits the phone's width, its words from the post
    await reply.getByRole('button', { name: 'Perbesar foto 1 dari 1' }).click();
    const large = reply.getByRole('figure').getByRole('img', { name: 'Coba kemasan vakum seperti ini.' });
    await large.waitFor();
    expect(await large.evaluate((img) => img.getBoundingClientRect().width <= 360)).toBe(true);
    expect(await hasNoHorizontalScroll(replier)).toBe(true);
    const photoUrl = (await reply.getByRole('img').first().getAttribute('src'))!.split('?')[0]!;
    expect((await replier.request.get(photoUrl)).status()).toBe(200);

    await asker.reload();
    await imagesLoaded(asker, REPLIER.name, 1);
    expect(await hasNoHorizontalScroll(asker)).toBe(true);
    await screenshot(asker, 'community-photos-thread-id');
    await chooseLanguage(asker, 'ja');
    await asker.getByRole('button', { name: '写真 1/1 を拡大' }).waitFor();
    expect(await hasNoHorizontalScroll(asker)).toBe(true);
    await shoot(asker, 'community-photos-thread-ja');

    // the moderator hides the reply: its photo answers 404 to the members, the moderator still sees it
    const moderator = await phonePage(fixture.browser, baseUrl);
    await signIn(moderator, MODERATOR);
    await moderator.goto(threadUrl);
    const hidden = moderator.getByRole('listitem', { name: REPLIER.name, exact: true });
    await hidden.getByRole('button', { name: 'Sembunyikan' }).click();
    await hidden.getByRole('button', { name: 'Tampilkan lagi' }).waitFor();
    await expect.poll(async () => (await replier.request.get(photoUrl)).status(), { timeout: 30_000 }).toBe(404);
    expect((await asker.request.get(photoUrl)).status()).toBe(404);
    expect((await moderator.request.get(photoUrl)).status()).toBe(200);
    await replier.reload();
    await replier.getByRole('heading', { name: TITLE }).waitFor();
    expect(await replier.getByRole('listitem', { name: REPLIER.name, exact: true }).count()).toBe(0);
    // offline, the composer says photos need a connection rather than failing later
    await replier.context().setOffline(true);
    await replier.getByText('Foto perlu koneksi internet.').waitFor();
    expect(await replier.getByLabel('Tambah foto (sisa 4)').count()).toBe(0);
    await replier.context().setOffline(false);
    await replier.getByLabel('Tambah foto (sisa 4)').waitFor({ state: 'attached' });
    await Promise.all([asker, replier, moderator].map((p) => p.context().close()));
  });
});

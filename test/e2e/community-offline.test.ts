import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, cutNetwork, hasNoHorizontalScroll, screenshot, signInWithWorker } from './browser.js';
import { baseUrl, programId, rulesVersion, staffMember, useBrowser, welcomedMember } from './community-fixture.js';
import { apiSession, ROOT } from './server.js';

// Chromium's offline emulation does not reach a service worker's own requests; with these events
// on, the journey cuts them too (see cutNetwork), so the worker is as offline as the page.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/**
 * Issue #16 offline, on a 360 px phone: a member opens a space and a thread with signal, loses it,
 * reads both from what was loaded, writes a reply and a new thread; after a reload both are still
 * there, marked as waiting to send; when the network returns each is posted exactly once.
 */
const fixture = useBrowser();
const MANAGER = { email: 'luring.cm@ovop.test', password: 'Luring-Komunitas-2026!', name: 'Gede Luring Arsa' };
const ASKER = { email: 'luring.penanya@ovop.test', password: 'Penanya-Luring-2026!', name: 'Ni Luh Penanya Luring' };
const WRITER = { email: 'luring.penulis@ovop.test', password: 'Penulis-Luring-2026!', name: 'Ni Kadek Sinyal Lemah' };
const QUESTION = 'Kemasan kopi robusta luring: kertas kraft atau aluminium foil?';
const REPLY = 'Kami pakai kraft berlapis foil dengan katup, tahan tiga bulan.';
const EDITED = `${REPLY} Harganya sekitar Rp1.500 per kantong.`;
const NEW_TITLE = 'Cara menyimpan biji kopi saat musim hujan (luring)';
const NEW_BODY = 'Gudang kami lembap. Ada yang pakai karung goni berlapis plastik?';
const SHOTS = join(ROOT, 'docs', 'screens', 'community');

const LOCKED = 'Label kemasan teh luring: perlu nomor PIRT?';
const LATE = 'Perlu, urus di dinas kesehatan kabupaten.';

const made = { spaceId: '', threadId: '', lockedId: '' };

beforeAll(async () => {
  await rulesVersion(await staffMember(MANAGER, 'community_manager'));
  const manager = await apiSession(baseUrl, MANAGER);
  for (const member of [ASKER, WRITER]) await welcomedMember(manager, { ...member, sex: 'female' });
  const asker = await apiSession(baseUrl, ASKER);
  const spaces = await asker<{ items: { id: string; topic: string | null }[] }>(
    'GET',
    `/api/v1/community/${programId}/spaces`,
  );
  made.spaceId = spaces.items.find((s) => s.topic === 'packaging')!.id;
  const thread = await asker<{ id: string }>('POST', `/api/v1/community/spaces/${made.spaceId}/threads`, {
    title: QUESTION,
    body: 'Kopi kami cepat apek setelah sebulan di toko.',
    kind: 'question',
  });
  made.threadId = thread.id;
  const toLock = await asker<{ id: string }>('POST', `/api/v1/community/spaces/${made.spaceId}/threads`, {
    title: LOCKED,
    body: 'Teh kami dijual di pasar desa.',
    kind: 'question',
  });
  made.lockedId = toLock.id;
});

/** A phone at 360 px that keeps a service worker, in Indonesian. */
const phone = () =>
  fixture.browser.newContext({
    viewport: { width: 360, height: 800 },
    hasTouch: true,
    baseURL: baseUrl,
    locale: 'id-ID',
    serviceWorkers: 'allow',
  });

/** A screenshot in test-results and a copy in docs/screens/community. */
async function shoot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(join(ROOT, 'test-results', 'screenshots', `${name}.png`), join(SHOTS, `${name}.png`));
}

const drafts = (page: Page) => page.getByTestId('draft');

describe('the community without a network', () => {
  it('reads what was loaded, keeps a reply and a new thread through a reload and posts each once', async () => {
    const context = await phone();
    const page = await context.newPage();
    await signInWithWorker(page, WRITER);

    // With signal: the space and the thread are opened once.
    await page.goto(`/app/spaces/${made.spaceId}`);
    await page.getByRole('link', { name: QUESTION }).waitFor();
    await page.goto(`/app/threads/${made.threadId}`);
    await page.getByRole('heading', { name: QUESTION, level: 1 }).waitFor();
    const restore = await cutNetwork(context);

    // Offline: the thread is read from what was loaded, and says so; a reply waits on the phone.
    await page.reload();
    await page.getByRole('heading', { name: QUESTION, level: 1 }).waitFor();
    await page.getByText('Luring — menampilkan yang sudah dimuat').waitFor();
    await page.getByRole('textbox', { name: 'Balasan Anda' }).fill(REPLY);
    await page.getByRole('button', { name: 'Kirim balasan', exact: true }).click();
    const reply = page.getByRole('listitem', { name: REPLY });
    await reply.getByText('Menunggu dikirim').waitFor();
    await reply.getByText(/ditulis /).waitFor();
    expect(await page.getByRole('textbox', { name: 'Balasan Anda' }).inputValue()).toBe('');
    // Changed while it waits: the same draft, with the new text.
    await reply.getByRole('button', { name: 'Ubah', exact: true }).click();
    await reply.getByLabel('Isi', { exact: true }).fill(EDITED);
    await reply.getByRole('button', { name: 'Simpan perubahan', exact: true }).click();
    const edited = page.getByRole('listitem', { name: EDITED });
    await edited.getByText('Menunggu dikirim').waitFor();
    expect(await drafts(page).count()).toBe(1);
    expect(await hasNoHorizontalScroll(page)).toBe(true);

    // The space, read offline: a new thread waits at the top of it.
    await page.getByRole('link', { name: /← / }).click();
    await page.getByRole('link', { name: QUESTION }).waitFor();
    await page.getByText('Luring — menampilkan yang sudah dimuat').waitFor();
    await page.getByRole('button', { name: 'Utas baru', exact: true }).click();
    await page.getByLabel('Judul', { exact: true }).fill(NEW_TITLE);
    await page.getByLabel('Isi', { exact: true }).fill(NEW_BODY);
    await page.getByRole('button', { name: 'Kirim utas', exact: true }).click();
    const opened = page.getByRole('listitem', { name: NEW_TITLE });
    await opened.getByText('Menunggu dikirim').waitFor();
    const listed = await page.getByRole('listitem').allTextContents();
    expect(listed.findIndex((text) => text.includes(NEW_TITLE))).toBeLessThan(
      listed.findIndex((text) => text.includes(QUESTION)),
    );
    expect(await hasNoHorizontalScroll(page)).toBe(true);

    // A reload (the tab closed and opened again) keeps both, still waiting.
    await page.reload();
    await page.getByRole('listitem', { name: NEW_TITLE }).getByText('Menunggu dikirim').waitFor();
    await page.goto(`/app/threads/${made.threadId}`);
    await page.getByRole('listitem', { name: EDITED }).getByText('Menunggu dikirim').waitFor();

    // In Japanese, the waiting reply as the phone shows it.
    await chooseLanguage(page, 'ja');
    await page.getByRole('listitem', { name: EDITED }).getByText('送信待ち').waitFor();
    await page.getByText('オフライン — 読み込み済みの内容を表示しています').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    const menuButton = page.getByRole('button', { name: 'メニュー' });
    if ((await menuButton.isVisible()) && (await menuButton.getAttribute('aria-expanded')) === 'true')
      await menuButton.click();
    await shoot(page, 'offline-reply-waiting-ja');

    // Back online: each is posted once and its mark goes away.
    await restore();
    await drafts(page).first().waitFor({ state: 'detached', timeout: 90_000 });
    await page.getByRole('listitem', { name: WRITER.name }).getByText(EDITED).waitFor({ timeout: 30_000 });
    await page.goto(`/app/spaces/${made.spaceId}`);
    await page.getByRole('link', { name: NEW_TITLE }).waitFor({ timeout: 30_000 });
    expect(await drafts(page).count()).toBe(0);

    const asker = await apiSession(baseUrl, ASKER);
    const thread = await asker<{ posts: { body: string; author: { name: string } }[] }>(
      'GET',
      `/api/v1/community/threads/${made.threadId}`,
    );
    expect(thread.posts.filter((p) => p.author.name === WRITER.name).map((p) => p.body)).toEqual([EDITED]);
    const threads = await asker<{ items: { title: string }[] }>(
      'GET',
      `/api/v1/community/spaces/${made.spaceId}/threads?limit=100`,
    );
    expect(threads.items.filter((x) => x.title === NEW_TITLE)).toHaveLength(1);
    await context.close();
  });

  it('keeps a reply the server refuses when it arrives (the thread locked meanwhile) with the reason, to copy or discard', async () => {
    const context = await phone();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const page = await context.newPage();
    await signInWithWorker(page, WRITER);
    await page.goto(`/app/threads/${made.lockedId}`);
    await page.getByRole('heading', { name: LOCKED, level: 1 }).waitFor();
    const restore = await cutNetwork(context);
    await page.getByRole('textbox', { name: 'Balasan Anda' }).fill(LATE);
    await page.getByRole('button', { name: 'Kirim balasan', exact: true }).click();
    await page.getByRole('listitem', { name: LATE }).getByText('Menunggu dikirim').waitFor();

    // Meanwhile a moderator locks the thread; the reply is refused when the network returns.
    const manager = await apiSession(baseUrl, MANAGER);
    await manager('POST', `/api/v1/community/threads/${made.lockedId}/lock`, { reason: 'sudah terjawab' });
    await restore();
    const refused = page.getByRole('listitem', { name: LATE });
    await refused.getByText('Tidak terkirim').waitFor({ timeout: 90_000 });
    await refused.getByText('Utas ini dikunci: tidak bisa dibalas lagi.').waitFor();
    await page.reload();
    await refused.getByText('Utas ini dikunci: tidak bisa dibalas lagi.').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await refused.getByRole('button', { name: 'Salin teks', exact: true }).click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(LATE);
    await refused.getByRole('button', { name: 'Buang', exact: true }).click();
    await refused.waitFor({ state: 'detached' });

    const asker = await apiSession(baseUrl, ASKER);
    const thread = await asker<{ posts: unknown[] }>('GET', `/api/v1/community/threads/${made.lockedId}`);
    expect(thread.posts).toHaveLength(1);
    await context.close();
  });
});

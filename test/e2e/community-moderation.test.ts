import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, hasNoHorizontalScroll, menu, phonePage, screenshot, signIn } from './browser.js';
import { baseUrl, programId, rulesVersion, staffMember, useBrowser, welcomedMember } from './community-fixture.js';
import { apiSession, ROOT } from './server.js';

/**
 * Issue #16's moderation on a 360 px phone: a member reports a reply with a reason from the thread;
 * the community manager finds it in the report queue from the menu, mutes its author for a day and
 * hides it; nobody else sees the reply any more, a second report of it is refused, the moderation
 * log says who did what, and the muted member's thread screen says why she cannot reply, in
 * Indonesian and in Japanese.
 */
const fixture = useBrowser();
const MODERATOR = { email: 'moderasi.cm@ovop.test', password: 'Moderasi-Komunitas-2026!', name: 'Putu Moderasi Arsa' };
const ASKER = { email: 'moderasi.penanya@ovop.test', password: 'Penanya-Moderasi-2026!', name: 'Ni Nengah Penanya' };
const SELLER = { email: 'moderasi.penjual@ovop.test', password: 'Penjual-Moderasi-2026!', name: 'Ni Komang Obral' };
const REPORTER = { email: 'moderasi.pelapor@ovop.test', password: 'Pelapor-Moderasi-2026!', name: 'Ni Made Pelapor' };
const NEIGHBOUR = { email: 'moderasi.tetangga@ovop.test', password: 'Tetangga-Moderasi-2026!', name: 'Wayan Tetangga' };
const QUESTION = 'Label halal untuk dodol: ke mana mengurusnya?';
const SPAM = 'Jual pupuk obral murah, hubungi saya di 0812 9999 0000!';
const REASON = 'Jualan di utas tanya jawab';
const SHOTS = join(ROOT, 'docs', 'screens', 'community');

const made = { threadId: '', replyId: '' };

beforeAll(async () => {
  // The rules in force (the program manager's to write), published by the admin if no journey has yet.
  await rulesVersion(await staffMember(MODERATOR, 'community_manager'));
  const moderator = await apiSession(baseUrl, MODERATOR);
  for (const member of [ASKER, SELLER, REPORTER, NEIGHBOUR])
    await welcomedMember(moderator, { ...member, sex: 'female' });
  const asker = await apiSession(baseUrl, ASKER);
  const spaces = await asker<{ items: { id: string; topic: string | null }[] }>(
    'GET',
    `/api/v1/community/${programId}/spaces`,
  );
  const packaging = spaces.items.find((s) => s.topic === 'packaging')!;
  const thread = await asker<{ id: string }>('POST', `/api/v1/community/spaces/${packaging.id}/threads`, {
    title: QUESTION,
    body: 'Kami membuat dodol rumput laut dan ingin menjual ke toko oleh-oleh.',
    kind: 'question',
  });
  const seller = await apiSession(baseUrl, SELLER);
  const answered = await seller<{ id: string }>('POST', `/api/v1/community/threads/${thread.id}/replies`, {
    body: SPAM,
  });
  Object.assign(made, { threadId: thread.id, replyId: answered.id });
});

/** A screenshot, with the menu closed, in test-results and a copy in docs/screens/community. */
async function shoot(page: Page, name: string) {
  const button = page.getByRole('button', { name: /^(Menu|メニュー)$/ });
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) === 'true') await button.click();
  await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(join(ROOT, 'test-results', 'screenshots', `${name}.png`), join(SHOTS, `${name}.png`));
}

async function openThread(page: Page) {
  await page.goto(`/app/threads/${made.threadId}`);
  await page.getByRole('heading', { name: QUESTION, level: 1 }).waitFor();
}

describe('moderating the community on a phone', () => {
  it('takes a reported reply from the thread to the queue, hides it, mutes its author and logs who did it', async () => {
    // 1. A member reports the seller's reply, with a reason, from the thread.
    const reporter = await phonePage(fixture.browser, baseUrl);
    await signIn(reporter, REPORTER);
    await openThread(reporter);
    const reply = reporter.getByRole('listitem', { name: SELLER.name });
    await reply.getByText(SPAM).waitFor();
    await reply.getByRole('button', { name: 'Laporkan', exact: true }).click();
    await reply.getByLabel('Alasan (boleh kosong)').fill(REASON);
    await reply.getByRole('button', { name: 'Kirim laporan' }).click();
    await reply.getByText('Sudah dilaporkan').waitFor();
    expect(await hasNoHorizontalScroll(reporter)).toBe(true);
    await shoot(reporter, 'moderation-reported-id');

    // 2. The community manager finds it in the report queue, from the menu, with the reason.
    const moderator = await phonePage(fixture.browser, baseUrl);
    await signIn(moderator, MODERATOR);
    await (await menu(moderator)).getByRole('link', { name: 'Komunitas', exact: true }).click();
    await moderator.getByRole('link', { name: 'Laporan dan moderasi' }).click();
    await moderator.getByRole('heading', { name: 'Laporan dan moderasi', level: 1 }).waitFor();
    const reported = moderator.getByRole('listitem', { name: QUESTION });
    await reported.getByText(SPAM).waitFor();
    expect(await reported.innerText()).toContain(REASON);
    expect(await reported.innerText()).toContain(SELLER.name);
    expect(await hasNoHorizontalScroll(moderator)).toBe(true);
    await shoot(moderator, 'moderation-queue-id');

    // 3. She mutes the seller for a day, then hides the reply.
    await reported.getByRole('button', { name: 'Bisukan atau tangguhkan penulis' }).click();
    const mute = reported.getByRole('form', { name: `Bisukan atau tangguhkan ${SELLER.name}` });
    await mute.getByLabel('Tindakan').selectOption({ label: 'Bisukan (boleh membaca, tidak menulis)' });
    await mute.getByLabel('Lama').selectOption({ label: '1 hari' });
    await mute.getByLabel('Alasan').fill('Berjualan di utas tanya jawab');
    await mute.getByRole('button', { name: 'Bisukan (boleh membaca, tidak menulis)' }).click();
    const inForce = moderator.getByRole('listitem').filter({ hasText: `${SELLER.name} · dibisukan` });
    await inForce.waitFor();
    await reported.getByRole('button', { name: 'Sembunyikan kiriman' }).click();
    await moderator.getByText('Tidak ada laporan terbuka.').waitFor();

    // 4. The moderation log says who hid the reply and who muted the seller.
    const log = moderator.getByRole('list', { name: 'Log moderasi' });
    await log.getByText(`${MODERATOR.name} menyembunyikan kiriman`).waitFor();
    await log.getByText(`${MODERATOR.name} membisukan ${SELLER.name}`).waitFor();
    expect(await log.getByRole('listitem').filter({ hasText: 'menyembunyikan kiriman' }).innerText()).toContain(
      QUESTION,
    );
    expect(await hasNoHorizontalScroll(moderator)).toBe(true);
    await shoot(moderator, 'moderation-log-id');
    await chooseLanguage(moderator, 'ja');
    await moderator.getByRole('heading', { name: '通報とモデレーション', level: 1 }).waitFor();
    await moderator.getByText(`${MODERATOR.name}さんが投稿を非表示にしました`).waitFor();
    expect(await hasNoHorizontalScroll(moderator)).toBe(true);
    await shoot(moderator, 'moderation-log-ja');
    await moderator.context().close();

    // 5. The reporter and a neighbour no longer see the reply; a report of it is refused as unknown.
    await reporter.reload();
    await reporter.getByRole('heading', { name: QUESTION, level: 1 }).waitFor();
    await expect.poll(() => reporter.getByText(SPAM).count()).toBe(0);
    await reporter.context().close();
    const neighbour = await phonePage(fixture.browser, baseUrl);
    await signIn(neighbour, NEIGHBOUR);
    await openThread(neighbour);
    expect(await neighbour.getByRole('listitem', { name: SELLER.name }).count()).toBe(0);
    expect(await neighbour.locator('main').innerText()).not.toContain(SPAM);
    await neighbour.context().close();
    const second = await apiSession(baseUrl, NEIGHBOUR);
    await expect(second('POST', `/api/v1/community/posts/${made.replyId}/report`, { reason: 'Iklan' })).rejects.toThrow(
      / 404 /,
    );

    // 6. The muted seller reads the thread but has no composer: it says why, in her language.
    const seller = await phonePage(fixture.browser, baseUrl);
    await signIn(seller, SELLER);
    await openThread(seller);
    const note = seller
      .getByRole('note')
      .filter({ hasText: /^Anda dibisukan sampai .+: boleh membaca, belum boleh menulis\.$/ });
    await note.waitFor();
    expect(await seller.getByRole('textbox', { name: 'Balasan Anda' }).count()).toBe(0);
    expect(await hasNoHorizontalScroll(seller)).toBe(true);
    await shoot(seller, 'moderation-muted-id');
    await chooseLanguage(seller, 'ja');
    await seller
      .getByRole('note')
      .filter({ hasText: /^.+までミュートされています。/ })
      .waitFor();
    expect(await seller.locator('main').innerText()).not.toMatch(/dibisukan|Balasan Anda/);
    expect(await hasNoHorizontalScroll(seller)).toBe(true);
    await shoot(seller, 'moderation-muted-ja');
    await seller.context().close();
  });
});

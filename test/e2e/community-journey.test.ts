import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pngQrCode } from '../documents.js';
import { chooseLanguage, hasNoHorizontalScroll, menu, phonePage, screenshot, signIn } from './browser.js';
import { baseUrl, programId, staffMember, useBrowser } from './community-fixture.js';
import { apiSession, ROOT } from './server.js';

/**
 * Issue #16's whole journey on a 360 px phone, once in Indonesian and once in Japanese: a village
 * entrepreneur joins from the public page, the community manager welcomes her, she sets her
 * password, asks in the packaging space, a mentor answers and she accepts the answer, she RSVPs to
 * a fair and the organiser checks her in with the code read from the QR on her ticket.
 */
const fixture = useBrowser();
const MANAGER = { email: 'perjalanan.cm@ovop.test', password: 'Komunitas-Perjalanan-2026!', name: 'Nyoman Ariani' };
const MENTOR = { email: 'perjalanan.mentor@ovop.test', password: 'Mentor-Perjalanan-2026!', name: 'Gede Mahendra' };
const ENTREPRENEURS = {
  id: { name: 'Ni Wayan Rasmini', phone: '081234560016', password: 'Salak-Rasmini-2026!' },
  ja: { name: 'Ni Ketut Sudiani', phone: '081234560061', password: 'Salak-Sudiani-2026!' },
} as const;
type Lang = keyof typeof ENTREPRENEURS;
const LOCALES = { id: 'id-ID', ja: 'ja-JP' } as const;
const DOCS = join(ROOT, 'docs', 'screens', 'community');

/** The app's own messages: what each screen says in that language. */
const messages = (scope: 'public' | 'staff', lang: Lang) =>
  JSON.parse(readFileSync(join(ROOT, 'src', 'web', 'i18n', scope, `${lang}.json`), 'utf8')) as Record<string, string>;
const I18N = {
  id: { ...messages('public', 'id'), ...messages('staff', 'id') },
  ja: { ...messages('public', 'ja'), ...messages('staff', 'ja') },
};
function text(lang: Lang, key: string, values: Record<string, string> = {}): string {
  const message = I18N[lang][key];
  if (message === undefined) throw new Error(`no ${lang} message ${key}`);
  return message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}
/** A few words of Indonesian only an untranslated screen would show. */
const INDONESIAN =
  /Gabung komunitas|Nama Anda|Kata sandi baru|Utas baru|Balasan Anda|jawaban terpilih|Saya hadir|Tiket masuk/;

/** The packaging space and the fair carry their names in each language (data, not interface). */
const PACKAGING = { id: 'Kemasan', ja: 'パッケージ' } as const;
const FAIR = { id: 'Pameran produk desa Karangasem', ja: 'カランアスムの村の産品フェア' } as const;
const QUESTION = {
  id: { title: 'Kemasan apa agar keripik salak tetap renyah?', body: 'Keripik saya melempem setelah seminggu.' },
  ja: { title: 'サラクチップスを湿気から守る袋は?', body: '一週間でしけてしまいます。' },
} as const;
const ANSWER = 'Pakai standing pouch aluminium dengan zipper dan silica gel.';

let fairId = '';

beforeAll(async () => {
  const admin = await staffMember(MANAGER, 'community_manager');
  await staffMember(MENTOR, 'trainer');
  await admin('POST', `/api/v1/community/${programId}/rules`, {
    text: {
      id: 'Saling menghormati. Tidak berjualan di utas tanya jawab.',
      ja: '互いを尊重すること。質問スレッドで販売しないこと。',
    },
  });
  const manager = await apiSession(baseUrl, MANAGER);
  const fair = await manager<{ id: string }>('POST', `/api/v1/community/${programId}/events`, {
    kind: 'fair_expo',
    title: FAIR,
    startsAt: '2099-04-06T09:00:00+08:00',
    endsAt: '2099-04-06T15:00:00+08:00',
    timeZone: 'Asia/Makassar',
    areaCode: '51.07.06.2004',
    address: 'Balai Desa Sibetan',
    capacity: 40,
  });
  fairId = fair.id;
});

/** A screenshot in test-results, and for the journey's key steps a copy in docs/screens/community. */
async function shoot(page: Page, step: string, lang: Lang, keep = true) {
  const name = `journey-${step}-${lang}`;
  await screenshot(page, name);
  if (!keep) return;
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(join(ROOT, 'test-results', 'screenshots', `${name}.png`), join(DOCS, `${name}.png`));
}

/** Nothing sticks out of the phone, and no Indonesian is left on a Japanese screen. */
async function inLanguage(page: Page, lang: Lang) {
  expect(await hasNoHorizontalScroll(page)).toBe(true);
  if (lang === 'ja') expect(await page.locator('main').innerText()).not.toMatch(INDONESIAN);
}

describe('the community journey of a village entrepreneur on a phone', () => {
  for (const lang of ['id', 'ja'] as const) {
    it(`takes her from the join page to being checked in at a fair, in ${lang}`, async () => {
      const me = ENTREPRENEURS[lang];
      const t = (key: string, values?: Record<string, string>) => text(lang, key, values);

      // 1. She asks to join from the public page.
      const page = await phonePage(fixture.browser, baseUrl, LOCALES[lang]);
      await page.goto(`/join/${programId}`);
      await page.getByRole('heading', { name: t('join.title') }).waitFor();
      await page.getByLabel(t('join.name')).fill(me.name);
      await page.getByLabel(t('join.phone')).fill(me.phone);
      await page.getByLabel(t('join.village')).fill('Sibetan');
      await page.getByRole('option', { name: /^Sibetan — Bebandem/ }).click();
      await page.getByLabel(t('join.business')).fill(lang === 'id' ? 'Keripik salak' : 'サラクチップス');
      await page.getByLabel(t('join.topic.packaging')).check();
      expect(await page.locator('main').innerText()).toContain(
        lang === 'id' ? 'Saling menghormati' : '互いを尊重すること',
      );
      await page.getByLabel(t('join.acceptRules')).check();
      await page.getByRole('button', { name: t('join.submit'), exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: t('join.sent') })
        .waitFor();
      await inLanguage(page, lang);
      await shoot(page, 'join', lang);

      // 2. The community manager welcomes her in two taps; she opens the link sent to her WhatsApp.
      const manager = await phonePage(fixture.browser, baseUrl);
      await signIn(manager, MANAGER);
      await (await menu(manager)).getByRole('link', { name: text('id', 'nav.community') }).click();
      const row = manager.getByRole('listitem').filter({ hasText: me.name });
      await row.getByRole('button', { name: text('id', 'community.welcome') }).click();
      await manager
        .getByRole('dialog')
        .getByRole('button', { name: text('id', 'community.welcome') })
        .click();
      await manager.getByText(text('id', 'community.welcomed', { name: me.name })).waitFor();
      const whatsApp = await manager
        .getByRole('link', { name: text('id', 'community.shareWhatsApp') })
        .getAttribute('href');
      const sent = new URL(whatsApp!);
      expect(sent.pathname).toBe(`/62${me.phone.slice(1)}`);
      const invitation = sent.searchParams.get('text')!;
      expect(invitation).toMatch(/^https?:\/\/.+#/);
      await shoot(manager, 'welcomed', lang, false);
      await manager.context().close();

      await page.goto(invitation);
      await page.getByRole('heading', { name: t('invitation.title') }).waitFor();
      await page.getByLabel(t('invitation.password')).fill(me.password);
      await page.getByRole('button', { name: t('invitation.submit') }).click();
      await page.getByRole('heading', { name: t('home.title', { name: me.name }) }).waitFor();
      await inLanguage(page, lang);

      // 3. She asks in the packaging space; a mentor answers; she accepts the answer.
      await (await menu(page)).getByRole('link', { name: t('nav.spaces') }).click();
      await page.getByRole('heading', { name: t('spaces.near') }).waitFor();
      await page.getByRole('link', { name: PACKAGING[lang] }).click();
      await page.getByRole('button', { name: t('spaces.newThread') }).click();
      await page.getByLabel(t('spaces.kind.question'), { exact: true }).check();
      await page.getByLabel(t('spaces.threadTitle')).fill(QUESTION[lang].title);
      await page.getByLabel(t('spaces.body')).fill(QUESTION[lang].body);
      await page.getByRole('button', { name: t('spaces.post') }).click();
      await page.getByRole('heading', { name: QUESTION[lang].title }).waitFor();
      const threadUrl = page.url();

      const mentor = await phonePage(fixture.browser, baseUrl);
      await signIn(mentor, MENTOR);
      await mentor.goto(threadUrl);
      await mentor.getByRole('heading', { name: QUESTION[lang].title }).waitFor();
      await mentor.getByRole('textbox', { name: text('id', 'spaces.reply') }).fill(ANSWER);
      await mentor.getByRole('button', { name: text('id', 'spaces.send') }).click();
      await mentor.getByText(ANSWER).waitFor();
      await mentor.context().close();

      await page.reload();
      const reply = page.getByRole('listitem', { name: MENTOR.name });
      await reply.getByText(ANSWER).waitFor();
      await reply.getByRole('button', { name: t('spaces.accept') }).click();
      await reply.getByText(t('spaces.acceptedAnswer')).waitFor();
      expect(await page.getByRole('button', { name: t('spaces.accept') }).count()).toBe(0);
      await inLanguage(page, lang);
      await shoot(page, 'accepted-answer', lang);

      // 4. She RSVPs to the fair and opens her ticket.
      await (await menu(page)).getByRole('link', { name: t('nav.events') }).click();
      await page.getByRole('link', { name: FAIR[lang] }).click();
      await page.getByRole('button', { name: t('events.going') }).click();
      await page.getByRole('heading', { name: t('events.ticket') }).waitFor();
      const qr = page.getByRole('img', { name: t('events.ticketQr') });
      // The QR image has loaded: the camera has something to read.
      await expect
        .poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0))
        .toBe(true);
      await inLanguage(page, lang);
      await shoot(page, 'ticket', lang);

      // 5. The organiser types in the code a camera reads from the QR on her phone.
      const code = await pngQrCode(await qr.screenshot());
      expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      const door = await phonePage(fixture.browser, baseUrl);
      await signIn(door, MANAGER);
      await door.goto(`/app/community/events/${fairId}/check-in`);
      if (lang === 'ja') await chooseLanguage(door, 'ja');
      await door.getByRole('heading', { name: t('events.checkIn') }).waitFor();
      await door.getByLabel(t('events.typeCode')).fill(code!);
      await door.getByRole('button', { name: t('events.checkInButton'), exact: true }).click();
      await door
        .getByRole('status')
        .filter({ hasText: t('events.checkedIn', { name: me.name }) })
        .waitFor();
      await inLanguage(door, lang);
      await shoot(door, 'door', lang, false);
      await door.context().close();

      await page.reload();
      await page.getByRole('heading', { name: t('events.ticket') }).waitFor();
      await page.getByText(new RegExp(t('events.checkedInAt').replace('{time}', '.+'))).waitFor();
      await inLanguage(page, lang);
      await shoot(page, 'checked-in', lang);
      await page.context().close();
    });
  }
});

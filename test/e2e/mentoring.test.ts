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

const MENTOR = { email: 'wayan.mentor@ovop.test', password: 'Mentor-Kemasan-2026!', name: 'Wayan Sudarma' };
const MENTEE = { email: 'kadek.mentee@ovop.test', password: 'Salak-Kemasan-2026!' };

beforeAll(async () => {
  browser = await launchChromium();
  const admin = await apiSession(baseUrl, ADMIN);
  const mentor = await admin<{ id: string }>('POST', '/api/v1/users', MENTOR);
  await admin('POST', `/api/v1/programs/${programId}/roles`, { userId: mentor.id, role: 'trainer' });
  const rules = await admin<{ version: number }>('POST', `/api/v1/community/${programId}/rules`, {
    text: { id: 'Saling menghormati.' },
  });
  const asMentor = await apiSession(baseUrl, MENTOR);
  await asMentor('PUT', `/api/v1/community/${programId}/mentors/me`, {
    topics: ['packaging', 'marketing'],
    languages: ['id', 'ja'],
    availability: 'Selasa dan Kamis sore',
    monthlyCapacity: 5,
  });
  const joined = await fetch(`${baseUrl}/api/v1/community/${programId}/joins`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({
      name: 'Kadek Sari',
      email: MENTEE.email,
      areaCode: '51.07.06.2004',
      rulesVersion: rules.version,
      acceptRules: true,
      sex: 'female',
    }),
  });
  const { id } = (await joined.json()) as { id: string };
  const welcomed = await admin<{ invitation: { path: string } }>('POST', `/api/v1/community/joins/${id}/welcome`);
  await fetch(`${baseUrl}/api/v1/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ token: welcomed.invitation.path.split('#')[1], password: MENTEE.password }),
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('mentoring on a phone', () => {
  it('lets a member ask a mentor, the mentor accept and record a session, and the member give feedback', async () => {
    const mentee = await phonePage(browser, baseUrl);
    await signIn(mentee, MENTEE);
    await (await menu(mentee)).getByRole('link', { name: 'Pendampingan' }).click();
    const card = mentee.getByRole('listitem', { name: MENTOR.name });
    await card.getByRole('button', { name: 'Minta pendampingan' }).click();
    await card.getByLabel('Pesan singkat').fill('Keripik saya cepat melempem. Kemasan apa yang cocok?');
    await card.getByRole('button', { name: 'Kirim' }).click();
    await mentee.getByRole('link', { name: MENTOR.name }).waitFor();
    expect(await mentee.locator('main').innerText()).toContain('menunggu jawaban');
    expect(await hasNoHorizontalScroll(mentee)).toBe(true);
    await screenshot(mentee, 'mentoring-requested-id');

    const mentor = await phonePage(browser, baseUrl);
    await signIn(mentor, MENTOR);
    await mentor.goto('/app/mentoring');
    await chooseLanguage(mentor, 'ja');
    await mentor.getByRole('link', { name: 'Kadek Sari' }).click();
    await mentor.getByRole('button', { name: '承諾する' }).click();
    await mentor.getByRole('heading', { name: 'セッションを記録' }).waitFor();
    await mentor.getByLabel('メモ').fill('Standing pouch aluminium dengan zipper.');
    await mentor.getByRole('button', { name: 'セッションを保存' }).click();
    await mentor.getByText('Standing pouch aluminium').waitFor();
    await mentor.getByRole('textbox', { name: '新しいフォローアップ' }).fill('Tanya harga pouch ke pemasok');
    await mentor.getByRole('button', { name: '追加' }).click();
    await mentor.getByText('Tanya harga pouch ke pemasok').waitFor();
    expect(await hasNoHorizontalScroll(mentor)).toBe(true);
    await screenshot(mentor, 'mentoring-session-ja');
    await mentor.context().close();

    await mentee.getByRole('link', { name: MENTOR.name }).click();
    await mentee.getByText('Standing pouch aluminium').waitFor();
    await mentee.getByRole('button', { name: 'Kirim umpan balik' }).click();
    await mentee.getByText('Umpan balik: ★★★★★').waitFor();
    expect(await hasNoHorizontalScroll(mentee)).toBe(true);
    await screenshot(mentee, 'mentoring-feedback-id');
    await mentee.context().close();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, hasNoHorizontalScroll, menu, phonePage, screenshot, signIn } from './browser.js';
import { baseUrl, programId, staffMember, useBrowser, welcomedMember } from './community-fixture.js';
import { apiSession } from './server.js';

const fixture = useBrowser();
const MENTOR = { email: 'wayan.mentor@ovop.test', password: 'Mentor-Kemasan-2026!', name: 'Wayan Sudarma' };
const MENTEE = { email: 'kadek.mentee@ovop.test', password: 'Salak-Kemasan-2026!', name: 'Kadek Sari' };

beforeAll(async () => {
  const admin = await staffMember(MENTOR, 'trainer');
  const asMentor = await apiSession(baseUrl, MENTOR);
  await asMentor('PUT', `/api/v1/community/${programId}/mentors/me`, {
    topics: ['packaging', 'marketing'],
    languages: ['id', 'ja'],
    availability: 'Selasa dan Kamis sore',
    monthlyCapacity: 5,
  });
  await welcomedMember(admin, { ...MENTEE, sex: 'female' });
});

describe('mentoring on a phone', () => {
  it('lets a member ask a mentor, the mentor accept and record a session, and the member give feedback', async () => {
    const mentee = await phonePage(fixture.browser, baseUrl);
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

    const mentor = await phonePage(fixture.browser, baseUrl);
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

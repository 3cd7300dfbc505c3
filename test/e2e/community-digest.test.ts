import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasNoHorizontalScroll, menu, phonePage, screenshot, signIn } from './browser.js';
import { useBrowser, welcomedMember } from './community-fixture.js';
import { ADMIN, apiSession, ROOT, seedProgram, startBuiltServer, type BuiltServer } from './server.js';

/**
 * Issue #16's email digest on a 360 px phone: a member chooses a daily digest on her notification
 * settings; a mention of her in a thread is an in-app notification at once and no email; the next
 * digest run writes it in one email to her. The email outbox is read with the server halted (the
 * embedded database takes one process at a time), so this file starts a server of its own.
 */
const fixture = useBrowser();
const MEMBER = { email: 'ringkasan.anggota@ovop.test', password: 'Ringkasan-Harian-2026!', name: 'Ni Luh Ringkasan' };
const NEIGHBOUR = {
  email: 'ringkasan.tetangga@ovop.test',
  password: 'Tetangga-Ringkasan-2026!',
  name: 'Kadek Penyebut',
};
const THREAD = 'Harga bambu untuk anyaman tahun ini?';

let server: BuiltServer;
let programId = '';

beforeAll(async () => {
  server = await startBuiltServer({ build: false });
  ({ programId } = await seedProgram(server.url));
  const admin = await apiSession(server.url, ADMIN);
  const where = { baseUrl: server.url, programId };
  for (const member of [MEMBER, NEIGHBOUR]) await welcomedMember(admin, { ...member, sex: 'female' }, where);
});
afterAll(async () => {
  await server?.stop();
});

interface Email {
  to_address: string;
  subject: string;
  body: string;
  kind: string;
}

/** The email outbox as the server left it: read through the app's own database code (server halted). */
function outbox(): Email[] {
  const script = `
    const { loadConfig } = await import('./dist/server/config.js');
    const { openDatabase } = await import('./dist/server/db/open.js');
    const db = await openDatabase(loadConfig(), { migrate: false });
    const rows = await db.query('SELECT to_address, subject, body, kind FROM email_outbox ORDER BY id');
    await db.close();
    process.stdout.write(JSON.stringify(rows));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: server.env,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Email[];
}

describe('the daily digest of a community member', () => {
  it('keeps a mention out of her email until the daily digest, once she chose it on her phone', async () => {
    // 1. She chooses the daily digest on her notification settings, from the menu.
    const page = await phonePage(fixture.browser, server.url);
    await signIn(page, MEMBER);
    await (await menu(page)).getByRole('link', { name: /^Notifikasi/ }).click();
    await page.getByRole('link', { name: 'Pengaturan pemberitahuan' }).click();
    await page.getByRole('heading', { name: 'Pengaturan pemberitahuan', level: 1 }).waitFor();
    const daily = page.getByRole('radio', { name: 'Ringkasan harian' });
    // The radio shows the choice once the server has stored it (click, not check: it is not instant).
    await daily.click();
    await expect.poll(() => daily.isChecked()).toBe(true);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'notify-daily-id');

    // 2. The choice is stored: the API answers it, and the screen shows it after a reload.
    const member = await apiSession(server.url, MEMBER);
    await expect
      .poll(async () => (await member<{ email: string }>('GET', '/api/v1/notifications/settings')).email)
      .toBe('daily');
    await page.reload();
    await expect.poll(() => page.getByRole('radio', { name: 'Ringkasan harian' }).isChecked()).toBe(true);

    // 3. A neighbour mentions her in a thread: she has the notification in the app at once.
    const neighbour = await apiSession(server.url, NEIGHBOUR);
    const spaces = await neighbour<{ items: { id: string; topic: string | null }[] }>(
      'GET',
      `/api/v1/community/${programId}/spaces`,
    );
    const packaging = spaces.items.find((s) => s.topic === 'packaging')!;
    const thread = await neighbour<{ id: string }>('POST', `/api/v1/community/spaces/${packaging.id}/threads`, {
      title: THREAD,
      body: `@${MEMBER.name}, berapa harga bambu tali di pasar Anda?`,
    });
    await page.goto('/app/notifications');
    await page.getByText(`${NEIGHBOUR.name} menyebut Anda di “${THREAD}”`).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'notify-mention-id');
    await page.context().close();

    // 4. No email went out for it; the digest run writes one, to her, with the mention and its link.
    await server.halt();
    const mine = (emails: Email[]) => emails.filter((e) => e.to_address === MEMBER.email);
    expect(mine(outbox()).filter((e) => e.kind === 'community.mention')).toEqual([]);
    const before = mine(outbox()).length;
    const run = execFileSync(process.execPath, ['dist/server/main.js', 'digests'], {
      cwd: ROOT,
      env: server.env,
      encoding: 'utf8',
    });
    expect(run).toContain('Wrote 1 digest.');
    const after = mine(outbox());
    expect(after).toHaveLength(before + 1);
    const digest = after.at(-1)!;
    expect(digest.kind).toBe('digest.daily');
    expect(digest.subject).toBe('OVOP: 1 pemberitahuan baru');
    expect(digest.body).toContain(`• ${NEIGHBOUR.name} menyebut Anda di “${THREAD}”`);
    expect(digest.body).toContain(`/app/threads/${thread.id}`);
    // The neighbour kept the immediate default: the digest is hers alone.
    expect(outbox().filter((e) => e.kind.startsWith('digest.'))).toHaveLength(1);
  });
});

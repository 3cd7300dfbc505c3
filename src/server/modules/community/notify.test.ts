import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../test/app.js';
import { useTestApp } from '../../../../test/app.js';
import { communityWorld, movableClock } from '../../../../test/community-fixtures.js';
import { SIBETAN, KARANGASEM } from '../../../../test/registry-fixtures.js';
import { writeDigests } from '../platform/index.js';

const clock = movableClock();
const t = useTestApp({ clock });
const HOUR = 60 * 60 * 1000;

interface Notice {
  kind: string;
  params: Record<string, string>;
  link: string | null;
}

async function noticesOf(who: Session): Promise<Notice[]> {
  const r = await t.request({ method: 'GET', url: '/api/v1/notifications', as: who });
  return (r.json().items as Notice[]).map(({ kind, params, link }) => ({ kind, params, link }));
}

const outbox = (userId: string) =>
  t.database.db.query<{ subject: string; body: string; kind: string }>(
    'SELECT subject, body, kind FROM email_outbox WHERE user_id = $1 ORDER BY id',
    [userId],
  );

async function world() {
  clock.reset();
  const w = await communityWorld(t);
  await t.database.db.query(`UPDATE users SET name = 'Pak Wayan Mentor' WHERE id = $1`, [w.trainerUser.id]);
  return w;
}

describe('mentions', () => {
  it('tell the person named in a thread or a reply, never its author', async () => {
    const w = await world();
    const opened = await w.thread(w.space('packaging'), w.ayu.session, {
      body: 'Mohon saran @Baiq Rina dan @Pak Wayan Mentor: plastik apa yang bagus?',
    });
    const link = `/app/threads/${opened.id}`;
    const mention = { kind: 'community.mention', params: { thread: 'Kemasan keripik salak', by: 'Ni Made Ayu' }, link };
    expect(await noticesOf(w.rina.session)).toEqual([mention]);
    expect(await noticesOf(w.staff.trainer)).toEqual([mention]);
    expect(await noticesOf(w.ayu.session)).toEqual([]);
    // a reply that names its own author and a name nobody has tells nobody
    await w.ok('POST', `/api/v1/community/threads/${opened.id}/replies`, w.ayu.session, {
      body: 'Saya @Ni Made Ayu, terima kasih @Siapa Saja.',
    });
    expect(await noticesOf(w.ayu.session)).toEqual([]);
  });

  it('reach nobody outside the program, nor a member who cannot read the space', async () => {
    const w = await world();
    const other = await communityWorld(t);
    // another program's Baiq Rina; Rina herself cannot read Karangasem's area space
    await w.thread(w.space(KARANGASEM), w.ayu.session, { body: 'Ada yang tahu, @Baiq Rina?' });
    expect(await noticesOf(w.rina.session)).toEqual([]);
    expect(await noticesOf(other.rina.session)).toEqual([]);
    // a member of the same village is told
    const made = await w.member('Made Wirawan', SIBETAN);
    await w.thread(w.space(KARANGASEM), w.ayu.session, { body: 'Ada yang tahu, @made wirawan?' });
    expect((await noticesOf(made.session)).map((n) => n.kind)).toEqual(['community.mention']);
  });

  it('are offered to the composer by the first letters of a name, within the program', async () => {
    const w = await world();
    const found = await w.ok('GET', `/api/v1/community/${w.program.id}/members?q=ba`, w.ayu.session);
    expect(found.items).toEqual([{ id: w.rina.userId, name: 'Baiq Rina' }]);
    const byWord = await w.ok('GET', `/api/v1/community/${w.program.id}/members?q=ayu`, w.rina.session);
    expect(byWord.items).toEqual([{ id: w.ayu.userId, name: 'Ni Made Ayu' }]);
    const other = await communityWorld(t);
    expect(
      (await w.request('GET', `/api/v1/community/${w.program.id}/members?q=ba`, other.ayu.session)).statusCode,
    ).toBe(404);
  });
});

describe('following and accepted answers', () => {
  it('tell a thread’s followers of each reply but not the one replying, and an answer’s author of its acceptance', async () => {
    const w = await world();
    const q = await w.thread(w.space('packaging'), w.ayu.session);
    const reply = await w.ok('POST', `/api/v1/community/threads/${q.id}/replies`, w.staff.trainer, {
      body: 'Standing pouch dengan zipper.',
    });
    // the asker follows her question
    expect((await noticesOf(w.ayu.session)).map((n) => [n.kind, n.params.by])).toEqual([
      ['community.reply', 'Pak Wayan Mentor'],
    ]);
    expect(await noticesOf(w.staff.trainer)).toEqual([]);
    await w.ok('PUT', `/api/v1/community/threads/${q.id}/follow`, w.rina.session);
    await w.ok('POST', `/api/v1/community/threads/${q.id}/replies`, w.ayu.session, { body: 'Terima kasih!' });
    expect((await noticesOf(w.rina.session)).map((n) => n.kind)).toEqual(['community.reply']);
    expect(await noticesOf(w.ayu.session)).toHaveLength(1);
    // unfollowing stops them
    await w.ok('DELETE', `/api/v1/community/threads/${q.id}/follow`, w.rina.session);
    await w.ok('POST', `/api/v1/community/threads/${q.id}/replies`, w.staff.trainer, { body: 'Sama-sama.' });
    expect(await noticesOf(w.rina.session)).toHaveLength(1);

    await w.ok('POST', `/api/v1/community/threads/${q.id}/accept`, w.ayu.session, { postId: reply.id });
    expect((await noticesOf(w.staff.trainer)).map((n) => [n.kind, n.params.thread, n.link])).toEqual([
      ['community.answer-accepted', 'Kemasan keripik salak', `/app/threads/${q.id}`],
    ]);
    // with the default choice every notification has its email at once
    expect((await outbox(w.trainerUser.id)).map((e) => e.subject)).toEqual([
      'Jawaban Anda di “Kemasan keripik salak” diterima',
    ]);
  });
});

describe('email digests', () => {
  it('gather a member’s mentions into one email in her language, exactly once however often the job runs', async () => {
    const w = await world();
    await t.database.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [w.rina.userId]);
    const settings = await w.ok('PATCH', '/api/v1/notifications/settings', w.rina.session, { email: 'daily' });
    expect(settings).toMatchObject({ email: 'daily', push: true, pushSubscriptions: 0 });
    const first = await w.thread(w.space('packaging'), w.ayu.session, {
      title: 'Label halal',
      body: 'Bagaimana, @Baiq Rina?',
    });
    const second = await w.thread(w.space('marketing'), w.ayu.session, {
      title: 'Harga jual',
      body: '@Baiq Rina, berapa?',
    });
    // in-app at once, but no email until the digest
    expect((await noticesOf(w.rina.session)).map((n) => n.kind)).toEqual(['community.mention', 'community.mention']);
    expect(await outbox(w.rina.userId)).toEqual([]);

    // two runs at the same moment, then a third: one digest
    const runs = await Promise.all([
      writeDigests(t.database.db, clock.now()),
      writeDigests(t.database.db, clock.now()),
    ]);
    expect(runs.map((r) => r.written).sort()).toEqual([0, 1]);
    expect((await writeDigests(t.database.db, clock.now())).written).toBe(0);
    const [digest, ...more] = await outbox(w.rina.userId);
    expect(more).toEqual([]);
    expect(digest).toMatchObject({ kind: 'digest.daily', subject: 'OVOP: 2 new notifications' });
    expect(digest!.body).toBe(
      [
        'What happened since your last digest:',
        '',
        `• Ni Made Ayu mentioned you in “Label halal”\n  /app/threads/${first.id}`,
        `• Ni Made Ayu mentioned you in “Harga jual”\n  /app/threads/${second.id}`,
        '',
        'Change your email choice: /app/settings/notifications',
        '',
        '— OVOP',
      ].join('\n'),
    );

    // the next mention waits for the next day's digest
    await w.thread(w.space('export'), w.ayu.session, { title: 'Ekspor ke Jepang', body: 'Ikut, @Baiq Rina?' });
    expect((await writeDigests(t.database.db, clock.now())).written).toBe(0);
    clock.advance(25 * HOUR);
    expect((await writeDigests(t.database.db, clock.now())).written).toBe(1);
    const last = (await outbox(w.rina.userId)).at(-1)!;
    expect(last.subject).toBe('OVOP: 1 new notifications');
    expect(last.body).toContain('“Ekspor ke Jepang”');
  });

  it('are weekly for who chose so, and nobody who chose none gets any email', async () => {
    const w = await world();
    await w.ok('PATCH', '/api/v1/notifications/settings', w.rina.session, { email: 'weekly' });
    await w.ok('PATCH', '/api/v1/notifications/settings', w.staff.trainer, { email: 'none' });
    await w.thread(w.space('packaging'), w.ayu.session, { body: '@Baiq Rina dan @Pak Wayan Mentor?' });
    expect((await writeDigests(t.database.db, clock.now())).written).toBe(1);
    await w.thread(w.space('packaging'), w.ayu.session, { body: 'Lagi, @Baiq Rina dan @Pak Wayan Mentor?' });
    clock.advance(2 * 24 * HOUR);
    expect((await writeDigests(t.database.db, clock.now())).written).toBe(0);
    clock.advance(6 * 24 * HOUR);
    expect((await writeDigests(t.database.db, clock.now())).written).toBe(1);
    expect((await outbox(w.rina.userId)).map((e) => [e.kind, e.subject])).toEqual([
      ['digest.weekly', 'OVOP: 1 pemberitahuan baru'],
      ['digest.weekly', 'OVOP: 1 pemberitahuan baru'],
    ]);
    expect(await outbox(w.trainerUser.id)).toEqual([]);
    expect(await noticesOf(w.staff.trainer)).toHaveLength(2);
  });

  it('refuses a choice it does not know, naming the field', async () => {
    const w = await world();
    const r = await w.request('PATCH', '/api/v1/notifications/settings', w.rina.session, { email: 'hourly' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toMatchObject([{ path: 'email' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { communityWorld, movableClock } from '../../../../test/community-fixtures.js';
import { KARANGASEM, LOMBOK_BARAT } from '../../../../test/registry-fixtures.js';

const clock = movableClock();
const t = useTestApp({ clock });
const HOUR = 60 * 60 * 1000;

async function world() {
  clock.reset();
  return communityWorld(t);
}

const logOf = (programId: string) =>
  t.database.db.query<{ action: string; reason: string }>(
    'SELECT action, reason FROM community_moderation_log WHERE program_id = $1 ORDER BY created_at, id',
    [programId],
  );
const audited = async (action: string) =>
  (await t.database.db.query('SELECT 1 FROM audit_log WHERE action = $1', [action])).length;

describe('mutes and suspensions', () => {
  it('let a muted member read but not post, told why and until when; the mute ends by itself at its time', async () => {
    const w = await world();
    const packaging = w.space('packaging');
    const q = await w.thread(packaging, w.rina.session);
    const muted = await w.ok('POST', `/api/v1/community/${w.program.id}/sanctions`, w.staff.karangasem, {
      userId: w.ayu.userId,
      kind: 'mute',
      hours: 2,
      reason: 'Iklan berulang',
    });
    expect(muted).toMatchObject({ kind: 'mute', user: { id: w.ayu.userId, name: 'Ni Made Ayu' }, lifted: false });
    const until = muted.endsAt as string;
    expect(new Date(until).getTime() - new Date(muted.startsAt as string).getTime()).toBe(2 * HOUR);

    // reads, but neither opens a thread nor replies: 403 with the code and its end
    expect((await w.request('GET', `/api/v1/community/threads/${q.id}`, w.ayu.session)).statusCode).toBe(200);
    const opened = await w.request('POST', `/api/v1/community/spaces/${packaging}/threads`, w.ayu.session, {
      title: 'Jual murah',
      body: 'Hubungi saya',
      kind: 'discussion',
    });
    expect(opened.statusCode).toBe(403);
    expect(opened.json()).toMatchObject({ code: 'member-muted', params: { until } });
    const replied = await w.request('POST', `/api/v1/community/threads/${q.id}/replies`, w.ayu.session, {
      body: 'Jual murah',
    });
    expect(replied.json()).toMatchObject({ status: 403, code: 'member-muted' });
    const thread = await w.ok('GET', `/api/v1/community/threads/${q.id}`, w.ayu.session);
    expect(thread.abilities.reply).toBe(false);

    clock.advance(2 * HOUR + 1000);
    expect(
      (await w.request('POST', `/api/v1/community/threads/${q.id}/replies`, w.ayu.session, { body: 'Maaf.' }))
        .statusCode,
    ).toBe(201);
    expect(await logOf(w.program.id)).toEqual([{ action: 'mute', reason: 'Iklan berulang' }]);
    expect(await audited('community.moderation.mute')).toBe(1);
  });

  it('keep a suspended member from reading at all until a moderator lifts it early', async () => {
    const w = await world();
    const q = await w.thread(w.space('packaging'), w.rina.session);
    const suspended = await w.ok('POST', `/api/v1/community/${w.program.id}/sanctions`, w.staff.community, {
      userId: w.ayu.userId,
      kind: 'suspend',
      hours: 24 * 7,
      reason: 'Menghina anggota lain',
    });
    for (const url of [
      `/api/v1/community/${w.program.id}/spaces`,
      `/api/v1/community/spaces/${w.space('packaging')}/threads`,
      `/api/v1/community/threads/${q.id}`,
      `/api/v1/community/${w.program.id}/search?q=kemasan`,
    ]) {
      const r = await w.request('GET', url, w.ayu.session);
      expect([url, r.statusCode, r.json().code, r.json().params]).toEqual([
        url,
        403,
        'member-suspended',
        { until: suspended.endsAt },
      ]);
    }
    expect((await w.ok('GET', `/api/v1/community/${w.program.id}/sanctions`, w.staff.karangasem)).items).toHaveLength(
      1,
    );
    // Lombok's manager neither sees nor lifts a Karangasem member's suspension
    expect((await w.ok('GET', `/api/v1/community/${w.program.id}/sanctions`, w.staff.lombok)).items).toEqual([]);
    expect(
      (await w.request('POST', `/api/v1/community/sanctions/${suspended.id}/lift`, w.staff.lombok, {})).statusCode,
    ).toBe(403);
    const lifted = await w.ok('POST', `/api/v1/community/sanctions/${suspended.id}/lift`, w.staff.karangasem, {
      reason: 'Sudah minta maaf',
    });
    expect(lifted.lifted).toBe(true);
    expect((await w.request('GET', `/api/v1/community/threads/${q.id}`, w.ayu.session)).statusCode).toBe(200);
    expect(
      (await w.request('POST', `/api/v1/community/sanctions/${suspended.id}/lift`, w.staff.karangasem, {})).statusCode,
    ).toBe(409);
    expect(await logOf(w.program.id)).toEqual([
      { action: 'suspend', reason: 'Menghina anggota lain' },
      { action: 'lift', reason: 'Sudah minta maaf' },
    ]);
    expect(await audited('community.moderation.lift')).toBe(1);
  });

  it('are imposed only by a community manager over the member’s village, for one hour to a year, with a reason', async () => {
    const w = await world();
    const url = `/api/v1/community/${w.program.id}/sanctions`;
    const body = { userId: w.ayu.userId, kind: 'mute', hours: 1, reason: 'Spam' };
    // Lombok's manager and a mentor read the community but moderate nobody of Karangasem
    expect((await w.request('POST', url, w.staff.lombok, body)).statusCode).toBe(403);
    expect((await w.request('POST', url, w.staff.trainer, body)).statusCode).toBe(403);
    // an account that is no member of the community is a field error
    const nobody = await w.request('POST', url, w.staff.community, { ...body, userId: crypto.randomUUID() });
    expect(nobody.json().errors).toMatchObject([{ path: 'userId', code: 'unknown_reference' }]);
    expect((await w.request('POST', url, w.rina.session, body)).statusCode).toBe(404);
    expect((await w.request('GET', url, w.rina.session)).statusCode).toBe(404);
    const bad = await w.request('POST', url, w.staff.community, { ...body, hours: 0, reason: '', kind: 'ban' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['hours', 'kind', 'reason']);
    expect(await t.database.db.query('SELECT 1 FROM community_sanctions')).toEqual([]);
  });
});

describe('space moderators', () => {
  it('hide and lock in the space they were appointed to, and nowhere else', async () => {
    const w = await world();
    const packaging = w.space('packaging');
    const marketing = w.space('marketing');
    const inPackaging = await w.thread(packaging, w.ayu.session);
    const inMarketing = await w.thread(marketing, w.ayu.session);
    // only a community manager over the space appoints; a topic space needs a program-wide grant
    const put = `/api/v1/community/spaces/${packaging}/moderators/${w.rina.userId}`;
    expect((await w.request('PUT', put, w.staff.karangasem)).statusCode).toBe(403);
    expect((await w.ok('PUT', put, w.staff.community)).items).toEqual([{ id: w.rina.userId, name: 'Baiq Rina' }]);
    expect(
      (await w.request('PUT', `/api/v1/community/spaces/${packaging}/moderators/${w.ayu.userId}`, w.rina.session))
        .statusCode,
    ).toBe(403);
    // a member outside an area space is not appointed there
    const notHers = await w.request(
      'PUT',
      `/api/v1/community/spaces/${w.space(KARANGASEM)}/moderators/${w.rina.userId}`,
      w.staff.community,
    );
    expect(notHers.json().errors).toMatchObject([{ path: 'userId', code: 'unknown_reference' }]);

    const hidden = await w.ok('POST', `/api/v1/community/posts/${inPackaging.id}/hide`, w.rina.session, {
      reason: 'Spam',
    });
    expect(hidden.hidden).toBe(true);
    expect((await w.ok('POST', `/api/v1/community/threads/${inPackaging.id}/lock`, w.rina.session, {})).locked).toBe(
      true,
    );
    const elsewhere = await w.request('POST', `/api/v1/community/threads/${inMarketing.id}/lock`, w.rina.session, {});
    expect(elsewhere.statusCode).toBe(403);
    expect(
      (await w.request('POST', `/api/v1/community/posts/${inMarketing.id}/hide`, w.rina.session, {})).statusCode,
    ).toBe(403);
    const lombokSpace = w.space(LOMBOK_BARAT);
    expect((await w.ok('GET', `/api/v1/community/spaces/${lombokSpace}`, w.rina.session)).abilities.moderate).toBe(
      false,
    );

    // removed, she moderates nothing again: the thread she hid is no longer hers to see
    await w.ok('DELETE', put, w.staff.community);
    expect(
      (await w.request('POST', `/api/v1/community/threads/${inPackaging.id}/unlock`, w.rina.session, {})).statusCode,
    ).toBe(404);
    expect((await logOf(w.program.id)).map((l) => l.action)).toEqual(['appoint', 'hide', 'lock', 'remove-moderator']);
    expect(await audited('community.moderation.appoint')).toBe(1);
  });
});

describe('the report queue', () => {
  it('groups open reports by post for the space’s moderators, who hide or dismiss them', async () => {
    const w = await world();
    const q = await w.thread(w.space('packaging'), w.ayu.session);
    const spam = await w.ok('POST', `/api/v1/community/threads/${q.id}/replies`, w.rina.session, {
      body: 'Beli di toko saya',
    });
    const fine = await w.ok('POST', `/api/v1/community/threads/${q.id}/replies`, w.staff.trainer, {
      body: 'Pakai kertas.',
    });
    await w.ok('POST', `/api/v1/community/posts/${spam.id}/report`, w.ayu.session, { reason: 'Iklan' });
    await w.ok('POST', `/api/v1/community/posts/${spam.id}/report`, w.staff.trainer, { reason: 'Spam' });
    await w.ok('POST', `/api/v1/community/posts/${fine.id}/report`, w.rina.session, { reason: 'Salah' });

    const url = `/api/v1/community/${w.program.id}/reports`;
    const queue = await w.ok('GET', url, w.staff.community);
    expect(
      queue.items.map((i: { post: { id: string }; reports: { reason: string }[]; thread: { id: string } }) => [
        i.post.id,
        i.thread.id,
        i.reports.map((r) => r.reason),
      ]),
    ).toEqual([
      [spam.id, q.id, ['Iklan', 'Spam']],
      [fine.id, q.id, ['Salah']],
    ]);
    // Karangasem's manager moderates no topic space; a member none at all
    expect((await w.request('GET', url, w.staff.karangasem)).statusCode).toBe(200);
    expect((await w.ok('GET', url, w.staff.karangasem)).items).toEqual([]);
    expect((await w.request('GET', url, w.ayu.session)).statusCode).toBe(404);
    // whoever reads the space but does not moderate it is refused
    for (const reader of [w.staff.karangasem, w.ayu.session])
      expect(
        (await w.request('POST', `/api/v1/community/posts/${spam.id}/resolve`, reader, { action: 'hide' })).statusCode,
      ).toBe(403);

    const hid = await w.ok('POST', `/api/v1/community/posts/${spam.id}/resolve`, w.staff.community, {
      action: 'hide',
      reason: 'Iklan',
    });
    expect(hid).toEqual({ postId: spam.id, resolved: 2, hidden: true });
    const kept = await w.ok('POST', `/api/v1/community/posts/${fine.id}/resolve`, w.staff.community, {
      action: 'dismiss',
    });
    expect(kept).toEqual({ postId: fine.id, resolved: 1, hidden: false });
    expect((await w.ok('GET', url, w.staff.community)).items).toEqual([]);
    expect((await w.ok('GET', `/api/v1/community/threads/${q.id}`, w.ayu.session)).posts).toHaveLength(2);
    expect((await logOf(w.program.id)).map((l) => l.action)).toEqual(['hide', 'dismiss']);
    expect(await audited('community.moderation.dismiss')).toBe(1);
  });
});

describe('the moderation log', () => {
  it('tells each moderator who did what in the spaces and to the members they moderate, and nobody else', async () => {
    const w = await world();
    const q = await w.thread(w.space('packaging'), w.ayu.session);
    const spam = await w.ok('POST', `/api/v1/community/threads/${q.id}/replies`, w.rina.session, {
      body: 'Beli di toko saya',
    });
    await w.ok('POST', `/api/v1/community/posts/${spam.id}/report`, w.ayu.session, { reason: 'Iklan' });
    await w.ok('POST', `/api/v1/community/posts/${spam.id}/resolve`, w.staff.community, {
      action: 'hide',
      reason: 'Iklan',
    });
    // Rina lives in Lombok Barat: Lombok Barat's community manager mutes her.
    const muted = await w.ok('POST', `/api/v1/community/${w.program.id}/sanctions`, w.staff.lombok, {
      userId: w.rina.userId,
      kind: 'mute',
      hours: 24,
      reason: 'Berjualan',
    });

    const url = `/api/v1/community/${w.program.id}/moderation-log`;
    const lines = async (who: Parameters<typeof w.ok>[2]) =>
      (
        (await w.ok('GET', url, who)).items as {
          action: string;
          actor: { name: string };
          thread: { id: string } | null;
          postId: string | null;
          user: { id: string } | null;
          reason: string;
        }[]
      ).map((l) => [l.action, l.thread?.id ?? null, l.postId, l.user?.id ?? null, l.reason]);
    // newest first, each with who did it
    const all = (await w.ok('GET', url, w.staff.community)).items as { actor: { name: string } }[];
    expect(all.every((l) => l.actor.name.length > 0)).toBe(true);
    expect(await lines(w.staff.community)).toEqual([
      ['mute', null, null, w.rina.userId, 'Berjualan'],
      ['hide', q.id, spam.id, null, 'Iklan'],
    ]);
    // Lombok Barat's manager moderates no topic space: she sees her mute of Rina, not the hide
    expect(await lines(w.staff.lombok)).toEqual([['mute', null, null, w.rina.userId, 'Berjualan']]);
    // Karangasem's manager moderates neither Rina nor the topic space
    expect(await lines(w.staff.karangasem)).toEqual([]);
    // a member moderates nothing: she learns nothing of the log
    expect((await w.request('GET', url, w.ayu.session)).statusCode).toBe(404);

    // the muted member's thread says until when, so the composer can tell her why it is missing
    const thread = await w.ok('GET', `/api/v1/community/threads/${q.id}`, w.rina.session);
    expect(thread.abilities.reply).toBe(false);
    expect(thread.mutedUntil).toBe(muted.endsAt);
    expect((await w.ok('GET', `/api/v1/community/threads/${q.id}`, w.ayu.session)).mutedUntil).toBeNull();
  });
});

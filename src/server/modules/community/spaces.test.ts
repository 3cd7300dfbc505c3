import { describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../../test/app.js';
import { useTestApp } from '../../../../test/app.js';
import {
  buildGroup,
  buildProgram,
  buildStaff,
  buildUser,
  signedIn,
  STRONG_PASSWORD,
} from '../../../../test/factories.js';
import { BANYUMULEK, KARANGASEM, LOMBOK_BARAT, paths, SIBETAN } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * A program's community: its manager, community managers over the whole program, Karangasem and
 * Lombok Barat, a trainer, and members welcomed from a Karangasem village (Ayu) and a Lombok
 * Barat one (Rina), welcomed a month ago so that the new-member limits do not apply to them.
 */
async function spacesWorld(app: TestApp) {
  const db = app.database.db;
  const program = await buildProgram(db);
  const session = async (s: { user: { email: string } }) => signedIn(app.app, s.user);
  const staff = {
    manager: await session(await buildStaff(db, 'program_manager', { programId: program.id })),
    community: await session(await buildStaff(db, 'community_manager', { programId: program.id })),
    karangasem: await session(
      await buildStaff(db, 'community_manager', { programId: program.id, areaCode: KARANGASEM }),
    ),
    lombok: await session(await buildStaff(db, 'community_manager', { programId: program.id, areaCode: LOMBOK_BARAT })),
    trainer: await session(await buildStaff(db, 'trainer', { programId: program.id, areaCode: KARANGASEM })),
    facilitator: await session(await buildStaff(db, 'facilitator', { programId: program.id })),
  };
  const request = (method: Method, url: string, who?: Session, payload?: object) =>
    app.request({ method, url, as: who, payload });
  const ok = async (method: Method, url: string, who: Session, payload?: object) => {
    const r = await request(method, url, who, payload);
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  await ok('POST', `/api/v1/community/${program.id}/rules`, staff.manager, { text: { id: 'Saling menghormati.' } });

  /** Joins, is welcomed (or declined) by the program manager, and signs in when an account opened. */
  let n = 0;
  async function member(name: string, areaCode: string, decision: 'welcome' | 'decline' = 'welcome', days = 30) {
    n += 1;
    const email = `member${n}-${crypto.randomUUID().slice(0, 8)}@example.id`;
    const join = await request('POST', `/api/v1/community/${program.id}/joins`, undefined, {
      name,
      email,
      areaCode,
      rulesVersion: 1,
      acceptRules: true,
    });
    const id = join.json().id as string;
    const decided = await ok('POST', `/api/v1/community/joins/${id}/${decision}`, staff.manager);
    await db.query(`UPDATE community_joins SET decided_at = now() - make_interval(days => $2) WHERE id = $1`, [
      id,
      days,
    ]);
    if (decision === 'decline') return { id, session: undefined };
    const token = decided.invitation.path.split('#')[1];
    await app.request({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, password: STRONG_PASSWORD },
    });
    return { id, userId: decided.join.userId as string, session: await signedIn(app.app, { email }) };
  }
  const ayu = await member('Ni Made Ayu', SIBETAN);
  const rina = await member('Baiq Rina', BANYUMULEK);
  const spaces = async (who: Session) =>
    (await ok('GET', `/api/v1/community/${program.id}/spaces`, who)).items as {
      id: string;
      kind: string;
      topic: string | null;
      area: { code: string; level: string } | null;
      near: boolean;
      threadCount: number;
      name: Record<string, string>;
      abilities: { read: boolean; post: boolean; moderate: boolean };
    }[];
  const all = await spaces(staff.manager);
  const space = (key: string) => all.find((s) => s.topic === key || s.area?.code === key)!.id;
  const thread = (spaceId: string, who: Session, body: Record<string, unknown> = {}) =>
    request('POST', `/api/v1/community/spaces/${spaceId}/threads`, who, {
      title: 'Kemasan keripik salak',
      body: 'Plastik apa yang bagus untuk keripik salak?',
      kind: 'question',
      ...body,
    });
  return { program, staff, request, ok, member, ayu, rina, spaces, space, thread };
}

describe('community spaces', () => {
  it('are the seven topics and the areas over each member’s village, near them; names in id, en and ja', async () => {
    const w = await spacesWorld(t);
    const ayu = await w.spaces(w.ayu.session!);
    expect(ayu.filter((s) => s.kind === 'topic').map((s) => s.topic)).toEqual([
      'bookkeeping',
      'export',
      'halal_food_safety',
      'marketing',
      'packaging',
      'product_design',
      'selling_online',
    ]);
    expect(ayu.find((s) => s.topic === 'packaging')!.name).toEqual({
      id: 'Kemasan',
      en: 'Packaging',
      ja: 'パッケージ',
    });
    // her area spaces are Bali's and Karangasem's, derived from her village; Lombok's are not hers
    expect(ayu.filter((s) => s.kind === 'area').map((s) => [s.area!.code, s.area!.level, s.near])).toEqual([
      ['51', 'province', true],
      ['51.07', 'regency', true],
    ]);
    expect(ayu.every((s) => s.abilities.read && s.abilities.post && !s.abilities.moderate)).toBe(true);
    // a member welcomed before their area had spaces finds them made on their first visit
    await t.database.db.query(`DELETE FROM community_spaces WHERE kind = 'area'`);
    const again = await w.spaces(w.ayu.session!);
    expect(again.filter((s) => s.near).map((s) => s.area!.code)).toEqual(['51', KARANGASEM]);
    const rina = await w.spaces(w.rina.session!);
    expect(rina.filter((s) => s.kind === 'area').map((s) => s.area!.code)).toEqual(['52', LOMBOK_BARAT]);
    // staff see every space; a Karangasem community manager moderates Karangasem's only
    const karangasem = await w.spaces(w.staff.karangasem);
    expect(karangasem.filter((s) => s.kind === 'area').map((s) => [s.area!.code, s.abilities.moderate])).toEqual([
      ['51', false],
      ['51.07', true],
      ['52', false],
      ['52.01', false],
    ]);
    expect(karangasem.find((s) => s.topic === 'packaging')!.abilities).toEqual({
      read: true,
      post: true,
      moderate: false,
    });
    expect((await w.spaces(w.staff.community)).every((s) => s.abilities.moderate)).toBe(true);
  });

  it('tells each person which communities they are in, as a member or as community staff', async () => {
    const w = await spacesWorld(t);
    const mine = async (who: Session) =>
      ((await w.ok('GET', '/api/v1/community/mine', who)).items as { programId: string; member: boolean }[]).map(
        (c) => [c.programId, c.member],
      );
    expect(await mine(w.ayu.session!)).toEqual([[w.program.id, true]]);
    expect(await mine(w.staff.trainer)).toEqual([[w.program.id, false]]);
    expect(await mine(w.staff.facilitator)).toEqual([]);
    expect((await w.request('GET', '/api/v1/community/mine')).statusCode).toBe(401);
  });

  it('are closed to anyone outside the community: not signed in, declined, a facilitator, another program’s member', async () => {
    const w = await spacesWorld(t);
    const url = `/api/v1/community/${w.program.id}/spaces`;
    expect((await w.request('GET', url)).statusCode).toBe(401);
    const declined = await w.member('Made Tolak', SIBETAN, 'decline');
    expect(declined.session).toBeUndefined();
    expect((await w.request('GET', url, w.staff.facilitator)).statusCode).toBe(404);
    const stranger = await signedIn(t.app, await buildUser(t.database.db));
    expect((await w.request('GET', url, stranger)).statusCode).toBe(404);
    // a producer group's member or manager in the program is not in its community for that
    const group = await buildGroup(t.database.db, { programId: w.program.id });
    for (const role of ['group_member', 'group_manager'] as const) {
      const held = await buildStaff(t.database.db, role, { programId: w.program.id, groupId: group.id });
      const session = await signedIn(t.app, held.user);
      expect((await w.request('GET', url, session)).statusCode).toBe(404);
      expect((await w.thread(w.space('packaging'), session)).statusCode).toBe(404);
    }

    const other = await spacesWorld(t);
    const packaging = w.space('packaging');
    expect((await w.request('GET', url, other.ayu.session)).statusCode).toBe(404);
    expect(
      (await w.request('GET', `/api/v1/community/spaces/${packaging}/threads`, other.ayu.session)).statusCode,
    ).toBe(404);
    expect((await w.thread(packaging, other.ayu.session!)).statusCode).toBe(404);
    expect((await w.thread(packaging, other.staff.community)).statusCode).toBe(404);
    // a member does not reach another place's area space, neither reading nor posting
    const lombok = w.space(LOMBOK_BARAT);
    expect((await w.request('GET', `/api/v1/community/spaces/${lombok}`, w.ayu.session)).statusCode).toBe(404);
    expect((await w.ok('GET', `/api/v1/community/spaces/${lombok}`, w.rina.session!)).near).toBe(true);
    expect((await w.request('GET', `/api/v1/community/spaces/${lombok}/threads`, w.ayu.session)).statusCode).toBe(404);
    expect((await w.thread(lombok, w.ayu.session!)).statusCode).toBe(404);
    const posted = await w.thread(lombok, w.rina.session!);
    expect(posted.statusCode).toBe(201);
    expect((await w.request('GET', `/api/v1/community/threads/${posted.json().id}`, w.ayu.session)).statusCode).toBe(
      404,
    );
    expect((await w.request('GET', `/api/v1/community/threads/${posted.json().id}`, stranger)).statusCode).toBe(404);
    expect(await t.database.db.query('SELECT 1 FROM community_threads')).toHaveLength(1);
  });
});

describe('threads and replies', () => {
  it('are posted by members and community staff, listed newest activity first with keyset pages', async () => {
    const w = await spacesWorld(t);
    const packaging = w.space('packaging');
    const bad = await w.thread(packaging, w.ayu.session!, { title: 'x', kind: 'poll', language: 'fr' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['kind', 'language', 'title']);
    const ids: string[] = [];
    for (const [i, who] of [w.ayu.session!, w.rina.session!, w.staff.trainer].entries())
      ids.push((await w.thread(packaging, who, { title: `Utas nomor ${i + 1}`, kind: 'discussion' })).json().id);
    const first = await w.ok('POST', `/api/v1/community/threads/${ids[0]}/replies`, w.rina.session!, {
      body: 'Pakai standing pouch dengan zipper.',
    });
    expect(first).toMatchObject({ author: { name: 'Baiq Rina' }, accepted: false, helpfulCount: 0 });

    const page1 = await w.ok('GET', `/api/v1/community/spaces/${packaging}/threads?limit=2`, w.ayu.session!);
    expect(page1.items.map((x: { title: string }) => x.title)).toEqual(['Utas nomor 1', 'Utas nomor 3']);
    expect(page1.items[0]).toMatchObject({ replyCount: 1, answered: false, locked: false, hidden: false });
    const page2 = await w.ok(
      'GET',
      `/api/v1/community/spaces/${packaging}/threads?limit=2&cursor=${page1.nextCursor}`,
      w.ayu.session!,
    );
    expect(page2).toMatchObject({ items: [{ title: 'Utas nomor 2' }], nextCursor: null });
    const bogus = await w.request('GET', `/api/v1/community/spaces/${packaging}/threads?cursor=abc`, w.ayu.session);
    expect(paths(bogus)).toEqual(['query.cursor']);

    const shown = await w.ok('GET', `/api/v1/community/threads/${ids[0]}`, w.ayu.session!);
    expect(shown.posts.map((p: { author: { name: string } }) => p.author.name)).toEqual(['Ni Made Ayu', 'Baiq Rina']);
    expect(shown).toMatchObject({ following: true, abilities: { reply: true, accept: false, moderate: false } });
    const spaces = await w.spaces(w.ayu.session!);
    expect(spaces.find((s) => s.topic === 'packaging')!.threadCount).toBe(3);
  });

  it('take "helpful" once per person, as a toggle, and a follow that the author has from the start', async () => {
    const w = await spacesWorld(t);
    const id = (await w.thread(w.space('packaging'), w.ayu.session!)).json().id as string;
    const helpful = (who: Session) => w.ok('POST', `/api/v1/community/posts/${id}/helpful`, who);
    expect(await helpful(w.rina.session!)).toEqual({ helpful: true, helpfulCount: 1 });
    expect(await helpful(w.staff.trainer)).toEqual({ helpful: true, helpfulCount: 2 });
    expect(await helpful(w.rina.session!)).toEqual({ helpful: false, helpfulCount: 1 });
    const shown = await w.ok('GET', `/api/v1/community/threads/${id}`, w.staff.trainer);
    expect(shown.posts[0]).toMatchObject({ helpfulCount: 1, helpfulByMe: true });

    expect((await w.ok('GET', `/api/v1/community/threads/${id}`, w.rina.session!)).following).toBe(false);
    expect(await w.ok('PUT', `/api/v1/community/threads/${id}/follow`, w.rina.session!)).toEqual({ following: true });
    expect((await w.ok('GET', `/api/v1/community/threads/${id}`, w.rina.session!)).following).toBe(true);
    expect(await w.ok('DELETE', `/api/v1/community/threads/${id}/follow`, w.ayu.session!)).toEqual({
      following: false,
    });
    expect((await w.ok('GET', `/api/v1/community/threads/${id}`, w.ayu.session!)).following).toBe(false);
  });

  it('on a question: the asker or a mentor accepts one reply, may change it, and every change is audited', async () => {
    const w = await spacesWorld(t);
    const id = (await w.thread(w.space('packaging'), w.ayu.session!)).json().id as string;
    const replyOf = async (who: Session, body: string) =>
      (await w.ok('POST', `/api/v1/community/threads/${id}/replies`, who, { body })).id as string;
    const byRina = await replyOf(w.rina.session!, 'Standing pouch.');
    const byTrainer = await replyOf(w.staff.trainer, 'Aluminium foil dengan zipper, dan label P-IRT.');
    const accept = (who: Session, postId: string) =>
      w.request('POST', `/api/v1/community/threads/${id}/accept`, who, { postId });

    // another member may not; the opening post and another thread's reply are no answers
    expect((await accept(w.rina.session!, byRina)).statusCode).toBe(404);
    expect(paths(await accept(w.ayu.session!, id))).toEqual(['postId']);
    expect(paths(await accept(w.ayu.session!, crypto.randomUUID()))).toEqual(['postId']);
    const byAsker = await accept(w.ayu.session!, byRina);
    expect(byAsker.statusCode).toBe(200);
    expect(byAsker.json()).toMatchObject({ answered: true, acceptedPostId: byRina, abilities: { accept: true } });
    const byMentor = await accept(w.staff.trainer, byTrainer);
    expect(byMentor.json().posts.map((p: { accepted: boolean }) => p.accepted)).toEqual([false, false, true]);
    const listed = await w.ok('GET', `/api/v1/community/spaces/${w.space('packaging')}/threads`, w.rina.session!);
    expect(listed.items[0]).toMatchObject({ answered: true, replyCount: 2 });

    const audit = await t.database.db.query<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE action = 'community.answer.accept' ORDER BY id`,
    );
    expect(audit).toEqual([
      { before: { acceptedPostId: null }, after: { acceptedPostId: byRina } },
      { before: { acceptedPostId: byRina }, after: { acceptedPostId: byTrainer } },
    ]);
    // a discussion has no accepted answer
    const talk = (await w.thread(w.space('packaging'), w.ayu.session!, { kind: 'discussion' })).json().id as string;
    const onTalk = await w.request('POST', `/api/v1/community/threads/${talk}/replies`, w.rina.session!, {
      body: 'Ya.',
    });
    const refused = await w.request('POST', `/api/v1/community/threads/${talk}/accept`, w.ayu.session!, {
      postId: onTalk.json().id,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('not-a-question');
  });

  it('are found by words of their title or text, forgiving a typo, only in spaces the caller reads', async () => {
    const w = await spacesWorld(t);
    await w.thread(w.space('packaging'), w.ayu.session!, { title: 'Kemasan keripik salak', body: 'Plastik apa?' });
    await w.thread(w.space('marketing'), w.rina.session!, {
      title: 'Harga gerabah',
      body: 'Berapa harga pot tanah liat?',
    });
    await w.thread(w.space(LOMBOK_BARAT), w.rina.session!, { title: 'Pasar keripik di Lombok', body: 'Di mana?' });
    const search = async (who: Session, q: string) =>
      (await w.ok('GET', `/api/v1/community/${w.program.id}/search?q=${encodeURIComponent(q)}`, who)).items.map(
        (x: { title: string }) => x.title,
      );
    expect(await search(w.ayu.session!, 'keripik')).toEqual(['Kemasan keripik salak']);
    expect(await search(w.rina.session!, 'keripik')).toEqual(['Pasar keripik di Lombok', 'Kemasan keripik salak']);
    expect(await search(w.ayu.session!, 'kripik salak')).toEqual(['Kemasan keripik salak']);
    expect(await search(w.ayu.session!, 'tanah liat')).toEqual(['Harga gerabah']);
    expect(await search(w.ayu.session!, 'grabah')).toEqual(['Harga gerabah']);
    expect(await search(w.staff.manager, 'kripik')).toEqual(['Pasar keripik di Lombok', 'Kemasan keripik salak']);
    const stranger = await signedIn(t.app, await buildUser(t.database.db));
    expect((await w.request('GET', `/api/v1/community/${w.program.id}/search?q=keripik`, stranger)).statusCode).toBe(
      404,
    );
  });

  it('are found by a misspelt word, a word’s beginning, and Japanese words inside the text; hidden ones never', async () => {
    const w = await spacesWorld(t);
    const packaging = w.space('packaging');
    await w.thread(packaging, w.ayu.session!, { title: 'Kemasan kopi', body: 'Kantong kertas atau plastik?' });
    const japanese = (
      await w.thread(packaging, w.rina.session!, {
        title: '商品の包装について',
        body: '輸出用の箱はどこで買えますか。',
        language: 'ja',
      })
    ).json().id as string;
    const honey = (
      await w.thread(packaging, w.rina.session!, { title: 'Label madu hutan', body: 'Wajib BPOM?' })
    ).json().id as string;
    const search = async (q: string) =>
      (
        await w.ok('GET', `/api/v1/community/${w.program.id}/search?q=${encodeURIComponent(q)}`, w.ayu.session!)
      ).items.map((x: { title: string }) => x.title);
    expect(await search('kemasn')).toEqual(['Kemasan kopi']);
    expect(await search('kemas')).toEqual(['Kemasan kopi']);
    expect(await search('kertas plastik')).toEqual(['Kemasan kopi']);
    expect(await search('包装')).toEqual(['商品の包装について']);
    expect(await search('輸出用')).toEqual(['商品の包装について']);
    expect(await search('箱 包装')).toEqual(['商品の包装について']);
    expect(await search('bpom')).toEqual(['Label madu hutan']);
    expect(await search('zzzqqq')).toEqual([]);
    await w.request('POST', `/api/v1/community/posts/${honey}/hide`, w.staff.manager, { reason: 'spam' });
    await w.request('POST', `/api/v1/community/posts/${japanese}/hide`, w.staff.manager, { reason: 'spam' });
    expect(await search('bpom')).toEqual([]);
    expect(await search('包装')).toEqual([]);
  });

  it('are found by words of their visible replies and the replies’ stored translations, kept as replies change', async () => {
    const w = await spacesWorld(t);
    const threadId = (
      await w.thread(w.space('packaging'), w.ayu.session!, { title: 'Kemasan dodol', body: 'Apa saran kalian?' })
    ).json().id as string;
    const search = async (q: string) =>
      (
        await w.ok('GET', `/api/v1/community/${w.program.id}/search?q=${encodeURIComponent(q)}`, w.ayu.session!)
      ).items.map((x: { id: string }) => x.id);
    expect(await search('vakum')).toEqual([]);
    const reply = await w.ok('POST', `/api/v1/community/threads/${threadId}/replies`, w.rina.session!, {
      body: 'Pakai mesin vakum sederhana.',
    });
    // a word only in a reply, as typed and misspelt
    expect(await search('vakum')).toEqual([threadId]);
    expect(await search('vakm')).toEqual([threadId]);
    expect(await search('dodol mesin')).toEqual([threadId]);
    // a word only in the reply's Japanese translation
    expect(await search('真空')).toEqual([]);
    await w.ok('POST', `/api/v1/community/posts/${reply.id}/translations`, w.rina.session!, {
      language: 'ja',
      body: '簡単な真空包装機を使ってください。',
    });
    expect(await search('真空')).toEqual([threadId]);
    // the hidden reply's words (and its translation's) find the thread no more; restored, they do again
    await w.ok('POST', `/api/v1/community/posts/${reply.id}/hide`, w.staff.manager, { reason: 'spam' });
    expect(await search('vakum')).toEqual([]);
    expect(await search('真空')).toEqual([]);
    expect(await search('dodol')).toEqual([threadId]);
    await w.ok('POST', `/api/v1/community/posts/${reply.id}/restore`, w.staff.manager, { reason: 'keliru' });
    expect(await search('vakum')).toEqual([threadId]);
    expect(await search('真空')).toEqual([threadId]);
  });
});

describe('moderation', () => {
  it('hides and restores a post, locks a thread: by the space’s moderators only, logged and audited', async () => {
    const w = await spacesWorld(t);
    const karangasem = w.space(KARANGASEM);
    const id = (await w.thread(karangasem, w.ayu.session!, { kind: 'discussion' })).json().id as string;
    const replyId = (
      await w.ok('POST', `/api/v1/community/threads/${id}/replies`, w.staff.trainer, { body: 'Jual di pasar desa.' })
    ).id as string;
    const act = (who: Session, path: string) => w.request('POST', `/api/v1/community/${path}`, who, { reason: 'spam' });

    // a member and a trainer read it but may not moderate; Lombok's community manager does not reach it
    expect((await act(w.ayu.session!, `posts/${replyId}/hide`)).statusCode).toBe(403);
    expect((await act(w.staff.trainer, `posts/${replyId}/hide`)).statusCode).toBe(403);
    expect((await act(w.staff.lombok, `posts/${replyId}/hide`)).statusCode).toBe(403);
    expect((await act(w.rina.session!, `posts/${replyId}/hide`)).statusCode).toBe(404);
    const hidden = await act(w.staff.karangasem, `posts/${replyId}/hide`);
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json().posts[1]).toMatchObject({ id: replyId, hidden: true });
    expect((await act(w.staff.karangasem, `posts/${replyId}/hide`)).statusCode).toBe(409);
    // members no longer see it; the reply count leaves it out
    const seen = await w.ok('GET', `/api/v1/community/threads/${id}`, w.ayu.session!);
    expect(seen.posts.map((p: { id: string }) => p.id)).toEqual([id]);
    expect(seen.replyCount).toBe(0);
    expect((await w.request('POST', `/api/v1/community/posts/${replyId}/helpful`, w.ayu.session)).statusCode).toBe(404);
    expect((await act(w.staff.manager, `posts/${replyId}/restore`)).statusCode).toBe(200);
    expect((await w.ok('GET', `/api/v1/community/threads/${id}`, w.ayu.session!)).posts).toHaveLength(2);

    // a hidden opening post hides the thread from members, not from moderators (marked)
    await act(w.staff.karangasem, `posts/${id}/hide`);
    expect((await w.request('GET', `/api/v1/community/threads/${id}`, w.ayu.session)).statusCode).toBe(404);
    const list = (who: Session) => w.ok('GET', `/api/v1/community/spaces/${karangasem}/threads`, who);
    expect((await list(w.ayu.session!)).items).toEqual([]);
    expect((await list(w.staff.karangasem)).items).toMatchObject([{ id, hidden: true }]);
    await act(w.staff.karangasem, `posts/${id}/restore`);

    // locked: no more replies, from anyone
    expect((await act(w.staff.lombok, `threads/${id}/lock`)).statusCode).toBe(403);
    const locked = await act(w.staff.karangasem, `threads/${id}/lock`);
    expect(locked.json()).toMatchObject({ locked: true, abilities: { reply: false } });
    for (const who of [w.ayu.session!, w.staff.karangasem]) {
      const refused = await w.request('POST', `/api/v1/community/threads/${id}/replies`, who, { body: 'Halo' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('thread-locked');
    }
    // a topic space is moderated by community managers over the whole program, not an area's
    const topic = (await w.thread(w.space('export'), w.ayu.session!)).json().id as string;
    expect((await act(w.staff.karangasem, `threads/${topic}/lock`)).statusCode).toBe(403);
    expect((await act(w.staff.community, `threads/${topic}/lock`)).statusCode).toBe(200);

    const log = await t.database.db.query<{ action: string; reason: string }>(
      'SELECT action, reason FROM community_moderation_log ORDER BY created_at, id',
    );
    expect(log.map((l) => l.action)).toEqual(['hide', 'restore', 'hide', 'restore', 'lock', 'lock']);
    expect(log.every((l) => l.reason === 'spam')).toBe(true);
    const audit = await t.database.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'community.moderation.%' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(log.map((l) => `community.moderation.${l.action}`));
  });

  it('takes one report per person per post, and tells moderators how many', async () => {
    const w = await spacesWorld(t);
    const id = (await w.thread(w.space('packaging'), w.ayu.session!)).json().id as string;
    const report = (who?: Session) =>
      w.request('POST', `/api/v1/community/posts/${id}/report`, who, { reason: 'iklan' });
    expect((await report(w.rina.session!)).statusCode).toBe(201);
    expect((await report(w.rina.session!)).statusCode).toBe(409);
    expect((await report(w.staff.trainer)).statusCode).toBe(201);
    expect((await report()).statusCode).toBe(401);
    expect((await report(await signedIn(t.app, await buildUser(t.database.db)))).statusCode).toBe(404);
    const forRina = await w.ok('GET', `/api/v1/community/threads/${id}`, w.rina.session!);
    expect(forRina.posts[0]).toMatchObject({ reportedByMe: true, reports: null });
    const forModerator = await w.ok('GET', `/api/v1/community/threads/${id}`, w.staff.community);
    expect(forModerator.posts[0]).toMatchObject({ reportedByMe: false, reports: 2 });
  });
});

describe('new members', () => {
  it('post no links on their first day, and open at most three threads a day in their first week', async () => {
    const w = await spacesWorld(t);
    const fresh = await w.member('Ketut Baru', SIBETAN, 'welcome', 0);
    const packaging = w.space('packaging');
    const linked = await w.thread(packaging, fresh.session!, {
      title: 'Lihat toko saya',
      body: 'Mampir ke https://toko.example.id ya',
    });
    expect(linked.statusCode).toBe(400);
    expect(linked.json().errors).toMatchObject([{ path: 'body', code: 'no_links_yet' }]);
    const first = (await w.thread(packaging, w.ayu.session!)).json().id as string;
    const linkedReply = await w.request('POST', `/api/v1/community/threads/${first}/replies`, fresh.session, {
      body: 'Cek www.tokoku.com',
    });
    expect(paths(linkedReply)).toEqual(['body']);
    // staff and older members may link
    expect((await w.thread(packaging, w.ayu.session!, { body: 'Lihat https://bpom.go.id' })).statusCode).toBe(201);

    for (let i = 0; i < 3; i++) expect((await w.thread(packaging, fresh.session!)).statusCode).toBe(201);
    const slowed = await w.thread(packaging, fresh.session!);
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json()).toMatchObject({ code: 'slow-mode', params: { maximum: 3 } });
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    // replies are not limited; the slow mode ends with the first week
    expect(
      (await w.request('POST', `/api/v1/community/threads/${first}/replies`, fresh.session, { body: 'Terima kasih' }))
        .statusCode,
    ).toBe(201);
    await t.database.db.query(`UPDATE community_joins SET decided_at = now() - interval '2 days' WHERE id = $1`, [
      fresh.id,
    ]);
    expect((await w.thread(packaging, fresh.session!, { body: 'lihat www.tokoku.com' })).statusCode).toBe(429);
    await t.database.db.query(`UPDATE community_joins SET decided_at = now() - interval '8 days' WHERE id = $1`, [
      fresh.id,
    ]);
    expect((await w.thread(packaging, fresh.session!)).statusCode).toBe(201);
  });
});

describe('languages and stored translations', () => {
  it('a post is in its writer’s language unless told; its author or a moderator adds a translation, nobody else', async () => {
    const w = await spacesWorld(t);
    const db = t.database.db;
    await db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [w.rina.userId]);
    const opened = await w.thread(w.space('packaging'), w.ayu.session!, { language: undefined });
    expect(opened.statusCode).toBe(201);
    const threadId = opened.json().id as string;
    expect(opened.json().language).toBe('id');
    const reply = await w.ok('POST', `/api/v1/community/threads/${threadId}/replies`, w.rina.session!, {
      body: 'Use a thick plastic with a zip.',
    });
    expect(reply.language).toBe('en');
    const told = await w.ok('POST', `/api/v1/community/threads/${threadId}/replies`, w.rina.session!, {
      body: 'Coba plastik tebal.',
      language: 'id',
    });
    expect(told.language).toBe('id');

    const translate = (postId: string, who: Session, payload: object) =>
      w.request('POST', `/api/v1/community/posts/${postId}/translations`, who, payload);
    // another member who reads the thread may not; the post's author may
    const byOther = await translate(threadId, w.rina.session!, {
      language: 'en',
      title: 'Salak chips packaging',
      body: 'Which plastic is good?',
    });
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().code).toBe('translation-not-yours');
    const byAuthor = await translate(threadId, w.ayu.session!, {
      language: 'en',
      title: 'Salak chips packaging',
      body: 'Which plastic is good for salak crisps?',
    });
    expect(byAuthor.statusCode).toBe(200);
    // a moderator of the space (the program's community manager) translates a reply
    const byModerator = await translate(reply.id, w.staff.community, {
      language: 'id',
      body: 'Pakai plastik tebal dengan ritsleting.',
    });
    expect(byModerator.statusCode).toBe(200);
    // a Lombok community manager does not moderate the packaging space: 403 there too
    expect(
      (await translate(reply.id, w.staff.lombok, { language: 'ja', body: 'ジップ付きの厚いビニール。' })).statusCode,
    ).toBe(403);
    // someone outside the program does not see the post at all
    const stranger = await signedIn(t.app, await buildUser(db));
    expect((await translate(threadId, stranger, { language: 'en', title: 'xxx', body: 'x' })).statusCode).toBe(404);

    // bad input names its field
    const same = await translate(threadId, w.ayu.session!, { language: 'id', title: 'Kemasan', body: 'Sama' });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['language', 'same_as_original'],
    ]);
    const noTitle = await translate(threadId, w.ayu.session!, { language: 'ja', body: 'どのビニールがいい？' });
    expect(noTitle.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['title', 'required'],
    ]);
    const titled = await translate(reply.id, w.rina.session!, {
      language: 'ja',
      title: 'タイトル',
      body: '厚いビニール',
    });
    expect(titled.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['title', 'title_of_thread_only'],
    ]);
    await db.query(`UPDATE programs SET locales = ARRAY['id', 'en'] WHERE id = $1`, [w.program.id]);
    const notProgram = await translate(reply.id, w.rina.session!, { language: 'ja', body: '厚いビニール' });
    expect(notProgram.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['language', 'not_a_program_locale'],
    ]);

    // who added each translation is audited
    const audit = await db.query<{ actor_id: string; entity_id: string; after: { language: string } }>(
      `SELECT actor_id, entity_id, after FROM audit_log WHERE action = 'community.post.translate' ORDER BY id`,
    );
    expect(audit.map((a) => [a.actor_id, a.entity_id, a.after.language])).toEqual([
      [w.ayu.userId, threadId, 'en'],
      [expect.any(String), reply.id, 'id'],
    ]);
    expect(audit[1]!.actor_id).not.toBe(w.rina.userId);
  });

  it('shows each reader the translation into their language, with the original kept; search finds it', async () => {
    const w = await spacesWorld(t);
    const db = t.database.db;
    await db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [w.rina.userId]);
    const threadId = (await w.thread(w.space('packaging'), w.ayu.session!, { language: 'id' })).json().id as string;
    const reply = await w.ok('POST', `/api/v1/community/threads/${threadId}/replies`, w.rina.session!, {
      body: 'Use a thick plastic with a zip.',
    });
    await w.ok('POST', `/api/v1/community/posts/${threadId}/translations`, w.ayu.session!, {
      language: 'en',
      title: 'Salak chips packaging',
      body: 'Which plastic is good for salak crisps?',
    });
    await w.ok('POST', `/api/v1/community/posts/${reply.id}/translations`, w.rina.session!, {
      language: 'id',
      body: 'Pakai plastik tebal dengan ritsleting.',
    });
    type Post = { id: string; body: string; language: string; translation: null | Record<string, unknown> };
    const posts = async (who: Session) =>
      (await w.ok('GET', `/api/v1/community/threads/${threadId}`, who)).posts as Post[];
    // Rina reads English: the opening post comes with its English translation, her own reply without one
    const rina = await posts(w.rina.session!);
    expect(rina[0]).toMatchObject({
      body: 'Plastik apa yang bagus untuk keripik salak?',
      language: 'id',
      translation: {
        language: 'en',
        title: 'Salak chips packaging',
        body: 'Which plastic is good for salak crisps?',
        addedBy: { id: w.ayu.userId, name: 'Ni Made Ayu' },
      },
    });
    expect(rina[1]).toMatchObject({ language: 'en', translation: null });
    // Ayu reads Indonesian: her own post as written, the reply translated into Indonesian
    const ayu = await posts(w.ayu.session!);
    expect(ayu[0]!.translation).toBeNull();
    expect(ayu[1]).toMatchObject({
      body: 'Use a thick plastic with a zip.',
      translation: { language: 'id', title: null, body: 'Pakai plastik tebal dengan ritsleting.' },
    });
    // a Japanese reader has no stored translation: the originals
    await db.query(`UPDATE users SET locale = 'ja' WHERE id = $1`, [w.ayu.userId]);
    expect((await posts(w.ayu.session!)).map((p) => p.translation)).toEqual([null, null]);
    // the language the request asks for (the app's interface language) goes before the account's
    const asked = await t.request({
      method: 'GET',
      url: `/api/v1/community/threads/${threadId}`,
      as: w.ayu.session!,
      headers: { 'accept-language': 'en' },
    });
    expect((asked.json().posts as Post[]).map((p) => p.translation?.language ?? null)).toEqual(['en', null]);

    // search finds the thread by its translation's words, forgiving a typo in them too
    const search = async (q: string) =>
      (
        await w.ok('GET', `/api/v1/community/${w.program.id}/search?q=${encodeURIComponent(q)}`, w.rina.session!)
      ).items.map((x: { id: string }) => x.id);
    expect(await search('crisps')).toEqual([threadId]);
    expect(await search('crsps plastic')).toEqual([threadId]);
    expect(await search('keripik')).toEqual([threadId]);
    // a hidden post's translation is hidden with it
    await w.ok('POST', `/api/v1/community/posts/${reply.id}/hide`, w.staff.manager, { reason: 'test' });
    expect((await posts(w.rina.session!)).map((p) => p.id)).toEqual([threadId]);
  });
});

describe('posts drafted offline', () => {
  it('are posted once under the client’s id: a replay after a lost answer gives back the same post', async () => {
    const w = await spacesWorld(t);
    const packaging = w.space('packaging');
    const threadId = crypto.randomUUID();
    const first = await w.thread(packaging, w.ayu.session!, { id: threadId, kind: 'discussion' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id: threadId, title: 'Kemasan keripik salak' });
    const again = await w.thread(packaging, w.ayu.session!, { id: threadId, kind: 'discussion' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: threadId, posts: [{ id: threadId }] });

    const replyId = crypto.randomUUID();
    const send = () =>
      w.request('POST', `/api/v1/community/threads/${threadId}/replies`, w.rina.session!, {
        id: replyId,
        body: 'Pakai standing pouch.',
      });
    // two sends racing (the page and the service worker) make one reply
    const raced = await Promise.all([send(), send()]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(raced.map((r) => r.json().id)).toEqual([replyId, replyId]);

    const seen = await w.ok('GET', `/api/v1/community/threads/${threadId}`, w.ayu.session!);
    expect(seen.posts.map((p: { id: string }) => p.id)).toEqual([threadId, replyId]);
    expect(seen.replyCount).toBe(1);
    const listed = await w.ok('GET', `/api/v1/community/spaces/${packaging}/threads`, w.ayu.session!);
    expect(listed.items.filter((x: { id: string }) => x.id === threadId)).toHaveLength(1);
    const audit = await t.database.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id IN ($1, $2)`,
      [threadId, replyId],
    );
    expect(audit[0]!.n).toBe(2);

    // posted before the thread was locked: a replay still answers it; a new reply is refused
    await w.ok('POST', `/api/v1/community/threads/${threadId}/lock`, w.staff.community, { reason: 'cukup' });
    expect((await send()).statusCode).toBe(200);
    const late = await w.request('POST', `/api/v1/community/threads/${threadId}/replies`, w.rina.session!, {
      id: crypto.randomUUID(),
      body: 'Satu lagi.',
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('thread-locked');
  });

  it('refuses an id taken by other content, by another person’s post or by a post of another kind', async () => {
    const w = await spacesWorld(t);
    const packaging = w.space('packaging');
    const threadId = crypto.randomUUID();
    expect((await w.thread(packaging, w.ayu.session!, { id: threadId })).statusCode).toBe(201);
    const edited = await w.thread(packaging, w.ayu.session!, { id: threadId, body: 'Diubah sesudah terkirim.' });
    expect(edited.statusCode).toBe(409);
    expect(edited.json()).toMatchObject({ code: 'id-other-content', current: { id: threadId } });
    // someone else's id: taken, and nothing of it shown
    const stranger = await w.thread(packaging, w.rina.session!, { id: threadId });
    expect(stranger.statusCode).toBe(409);
    expect(stranger.json().code).toBe('id-in-use');
    expect(JSON.stringify(stranger.json())).not.toContain('Kemasan');
    // a thread's id is no reply's, nor the other way round
    const asReply = await w.request('POST', `/api/v1/community/threads/${threadId}/replies`, w.ayu.session!, {
      id: threadId,
      body: 'Plastik apa yang bagus untuk keripik salak?',
    });
    expect(asReply.statusCode).toBe(409);
    expect(asReply.json().code).toBe('id-in-use');
    const none = await w.ok('GET', `/api/v1/community/threads/${threadId}`, w.ayu.session!);
    expect(none.posts).toHaveLength(1);
    const bad = await w.thread(packaging, w.ayu.session!, { id: 'not-a-uuid' });
    expect(paths(bad)).toEqual(['id']);
  });
});

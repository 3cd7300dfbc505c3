import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { communityWorld } from '../../../../test/community-fixtures.js';
import { buildProgram, buildStaff, signedIn } from '../../../../test/factories.js';
import { KARANGASEM } from '../../../../test/registry-fixtures.js';
import { multipartBody } from '../../../../test/security/openapi.js';

const t = useTestApp();

type Photo = { id: string; url: string; thumbnailUrl: string; width: number; height: number };
type Post = { id: string; photos: Photo[]; abilities: { addPhoto: boolean; removePhoto: boolean } };

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#c84' } })
    .png()
    .toBuffer();

/** Uploads a file as a post's photo. */
async function upload(postId: string, who: Session | undefined, data: Buffer, type = 'image/png') {
  const { payload, contentType } = multipartBody('photo', 'foto.png', type, data);
  return t.request({
    method: 'POST',
    url: `/api/v1/community/posts/${postId}/photos`,
    as: who,
    payload,
    headers: { 'content-type': contentType },
  });
}

/** The file at a photo's address as the caller fetches it: the signed link, or the bare key with the caller's session. */
const fetchPhoto = (url: string, who?: Session) => t.request({ method: 'GET', url, as: who });
const bare = (url: string) => url.split('?')[0]!;

const photosOf = async (postId: string) =>
  (
    await t.database.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM community_post_photos WHERE post_id = $1',
      [postId],
    )
  )[0]!.n;

describe('photos on posts', () => {
  it('are added by the post’s author, at most four, images only; shown in the thread, nothing half-written', async () => {
    const w = await communityWorld(t);
    const thread = await w.thread(w.space('packaging'), w.ayu.session);
    const added = await upload(thread.id, w.ayu.session, await png(800, 600));
    expect(added.statusCode).toBe(201);
    const post = added.json() as Post;
    expect(post.id).toBe(thread.id);
    expect(post.photos).toHaveLength(1);
    expect(post.photos[0]).toMatchObject({ width: 800, height: 600 });
    // private as the post: a link signed for the reader, never the bare public address
    expect(post.photos[0]!.url).toMatch(/^\/media\/posts\/[0-9a-f-]+\/[0-9a-f-]+\.webp\?expires=/);
    const file = await fetchPhoto(post.photos[0]!.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/webp');
    expect(file.headers['cache-control']).toBe('private, no-store');
    expect((await fetchPhoto(bare(post.photos[0]!.thumbnailUrl), w.ayu.session)).statusCode).toBe(200);

    // a reply's photo, by its author; the thread shows each post's photos
    const reply = await w.ok('POST', `/api/v1/community/threads/${thread.id}/replies`, w.rina.session, {
      body: 'Ini kemasan saya.',
    });
    expect((await upload(reply.id, w.rina.session, await png(300, 300))).statusCode).toBe(201);
    const shown = (await w.ok('GET', `/api/v1/community/threads/${thread.id}`, w.ayu.session)).posts as Post[];
    expect(shown.map((p) => p.photos.length)).toEqual([1, 1]);
    expect(shown.map((p) => p.abilities)).toEqual([
      { translate: true, addPhoto: true, removePhoto: true },
      { translate: false, addPhoto: false, removePhoto: false },
    ]);

    // someone else's post: 403 with its code, nothing stored
    const notYours = await upload(reply.id, w.ayu.session, await png(100, 100));
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().code).toBe('post-photo-not-yours');
    // a moderator neither: photos are the author's
    expect((await upload(reply.id, w.staff.community, await png(100, 100))).statusCode).toBe(403);
    expect(await photosOf(reply.id)).toBe(1);

    // not an image: refused naming the field, nothing stored
    const text = await upload(thread.id, w.ayu.session, Buffer.from('bukan gambar'), 'image/png');
    expect(text.statusCode).toBe(400);
    expect(text.json().errors).toMatchObject([{ path: 'photo', code: 'file_type_photo' }]);
    expect(await photosOf(thread.id)).toBe(1);

    // four in all, the fifth refused naming the field
    for (const size of [200, 210, 220])
      expect((await upload(thread.id, w.ayu.session, await png(size, size))).statusCode).toBe(201);
    const fifth = await upload(thread.id, w.ayu.session, await png(230, 230));
    expect(fifth.statusCode).toBe(400);
    expect(fifth.json().errors).toMatchObject([{ path: 'photo', code: 'too_many_photos', params: { maximum: 4 } }]);
    expect(await photosOf(thread.id)).toBe(4);
    const full = (await w.ok('GET', `/api/v1/community/threads/${thread.id}`, w.ayu.session)).posts[0] as Post;
    expect(full.abilities.addPhoto).toBe(false);

    // a locked thread takes no more photos
    await w.ok('POST', `/api/v1/community/threads/${thread.id}/lock`, w.staff.community, { reason: 'selesai' });
    const locked = await upload(reply.id, w.rina.session, await png(100, 100));
    expect(locked.statusCode).toBe(422);
    expect(locked.json().code).toBe('thread-locked');

    const audit = await t.database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'community.post.photo_add'",
    );
    expect(audit[0]!.n).toBe(5);
  });

  it('are seen by whoever may read the post: 404 outside the program, outside the space, and on a hidden post', async () => {
    const w = await communityWorld(t);
    // Karangasem's area space: Ayu's village is in it, Rina's is not
    const karangasem = w.space(KARANGASEM);
    const thread = await w.thread(karangasem, w.ayu.session);
    const photo = ((await upload(thread.id, w.ayu.session, await png(400, 300))).json() as Post).photos[0]!;
    const key = bare(photo.url);
    const outsider = await signedIn(
      t.app,
      (await buildStaff(t.database.db, 'program_manager', { programId: (await buildProgram(t.database.db)).id })).user,
    );
    const status = async (who?: Session, url = key) => (await fetchPhoto(url, who)).statusCode;
    expect(await status(w.ayu.session)).toBe(200);
    expect(await status(w.staff.karangasem)).toBe(200);
    expect(await status(w.staff.manager)).toBe(200);
    // a member of the program who cannot read the space, someone outside the program, nobody signed in
    expect((await w.request('GET', `/api/v1/community/threads/${thread.id}`, w.rina.session)).statusCode).toBe(404);
    expect(await status(w.rina.session)).toBe(404);
    expect(await status(w.rina.session, bare(photo.thumbnailUrl))).toBe(404);
    expect(await status(outsider)).toBe(404);
    expect(await status(undefined)).toBe(404);
    // …nor may they add or remove one
    expect((await upload(thread.id, w.rina.session, await png(50, 50))).statusCode).toBe(404);
    expect(
      (await w.request('DELETE', `/api/v1/community/posts/${thread.id}/photos/${photo.id}`, outsider)).statusCode,
    ).toBe(404);

    // a reply hidden by a moderator hides its photos from everyone but the space's moderators
    const reply = await w.ok('POST', `/api/v1/community/threads/${thread.id}/replies`, w.staff.karangasem, {
      body: 'Contoh kemasan.',
    });
    const replyPhoto = ((await upload(reply.id, w.staff.karangasem, await png(120, 90))).json() as Post).photos[0]!;
    expect(await status(w.ayu.session, bare(replyPhoto.url))).toBe(200);
    const seenByAyu = ((await w.ok('GET', `/api/v1/community/threads/${thread.id}`, w.ayu.session)).posts as Post[])[1]!
      .photos[0]!.url;
    await w.ok('POST', `/api/v1/community/posts/${reply.id}/hide`, w.staff.manager, { reason: 'spam' });
    expect(await status(w.ayu.session, bare(replyPhoto.url))).toBe(404);
    // the link signed for Ayu before the hide opens nothing either
    expect(await status(undefined, seenByAyu)).toBe(404);
    expect(await status(w.staff.manager, bare(replyPhoto.url))).toBe(200);
    await w.ok('POST', `/api/v1/community/posts/${reply.id}/restore`, w.staff.manager, { reason: 'keliru' });
    expect(await status(w.ayu.session, bare(replyPhoto.url))).toBe(200);
    // a hidden thread hides its opening post's photos
    await w.ok('POST', `/api/v1/community/posts/${thread.id}/hide`, w.staff.manager, { reason: 'spam' });
    expect(await status(w.ayu.session)).toBe(404);
    expect(await status(w.staff.karangasem)).toBe(200);
    // a deleted post takes its photos' rows: the files are served to nobody
    await t.database.db.query('DELETE FROM community_posts WHERE id = $1', [reply.id]);
    expect(await status(w.staff.manager, bare(replyPhoto.url))).toBe(404);
  });

  it('are removed by the post’s author or a moderator of its space, nobody else; the file goes with it', async () => {
    const w = await communityWorld(t);
    const thread = await w.thread(w.space('packaging'), w.ayu.session);
    const photos = [];
    for (const size of [100, 110])
      photos.push(((await upload(thread.id, w.ayu.session, await png(size, size))).json() as Post).photos.at(-1)!);
    const remove = (photoId: string, who: Session) =>
      w.request('DELETE', `/api/v1/community/posts/${thread.id}/photos/${photoId}`, who);
    const other = await remove(photos[0]!.id, w.rina.session);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('post-photo-not-yours');
    expect(await photosOf(thread.id)).toBe(2);
    const byAuthor = await remove(photos[0]!.id, w.ayu.session);
    expect(byAuthor.statusCode).toBe(200);
    expect((byAuthor.json() as Post).photos.map((p) => p.id)).toEqual([photos[1]!.id]);
    expect((await fetchPhoto(bare(photos[0]!.url), w.staff.manager)).statusCode).toBe(404);
    expect(await t.app.files.get(bare(photos[0]!.url).slice('/media/'.length))).toBeUndefined();
    // again: no such photo
    expect((await remove(photos[0]!.id, w.ayu.session)).statusCode).toBe(404);
    const byModerator = await remove(photos[1]!.id, w.staff.community);
    expect(byModerator.statusCode).toBe(200);
    expect((byModerator.json() as Post).photos).toEqual([]);
    const audit = await t.database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'community.post.photo_remove'",
    );
    expect(audit[0]!.n).toBe(2);
  });
});

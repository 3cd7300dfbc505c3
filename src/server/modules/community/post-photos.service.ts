import type { Queryable } from '../../db/database.js';
import { inTransaction, type Clock, type Ctx, type UserActor } from '../../http/context.js';
import { forbidden, invalid, notFound, Problem, ruleBroken } from '../../http/errors.js';
import type { PostAnswer } from '../../../shared/schemas/community-spaces.js';
import { PHOTOS_PER_POST } from '../../../shared/schemas/community-spaces.js';
import { deletePhotoFiles, preparePhoto } from '../../storage/photo-encoding.js';
import { recordAudit } from '../platform/index.js';
import { refuseSanctioned } from './spaces.service.js';
import { threadsRepository } from './threads.repository.js';
import { readablePost, showThread } from './threads.service.js';

const FOLDER = 'posts';

const tooMany = () =>
  invalid(
    [
      {
        path: 'photo',
        code: 'too_many_photos',
        params: { maximum: PHOTOS_PER_POST },
        message: `a post has at most ${PHOTOS_PER_POST} photos`,
      },
    ],
    `A post may have at most ${PHOTOS_PER_POST} photos.`,
  );

/** The post as the caller reads it now. */
async function shownPost(ctx: Ctx, threadId: string, postId: string): Promise<PostAnswer> {
  return (await showThread(ctx, threadId)).posts.find((p) => p.id === postId)!;
}

/**
 * A photo on the caller's own post (a thread's opening post or a reply), stored as story and
 * product photos are (re-encoded WebP and a thumbnail) in the private folder `posts`: at most four
 * a post, while the thread takes replies. Whoever cannot read the post gets 404, another reader 403.
 */
export async function addPostPhoto(
  ctx: Ctx,
  postId: string,
  upload: { data: Buffer; mimetype: string },
): Promise<PostAnswer> {
  const mayAdd = async (c: Pick<Ctx, 'actor' | 'clock'>, db: Queryable) => {
    const found = await readablePost(c, db, postId);
    refuseSanctioned(found.viewer, 'post');
    if (found.post.author_id !== found.viewer.user.id)
      throw forbidden('Only the post’s author adds photos to it.', { code: 'post-photo-not-yours' });
    if (found.thread.locked_at !== null)
      throw ruleBroken('thread-locked', 'This thread is locked: it takes no more replies.');
    return found;
  };
  // Refused early before the slow decoding; checked again under the thread's lock.
  await mayAdd(ctx, ctx.db);
  if ((await threadsRepository.countPhotos(ctx.db, postId)) >= PHOTOS_PER_POST) throw tooMany();
  const prepared = await preparePhoto(upload, FOLDER, postId);
  const threadId = await inTransaction(ctx, async (tx) => {
    const head = await threadsRepository.post(tx.db, postId);
    if (!head) throw notFound('Post');
    await threadsRepository.lock(tx.db, head.thread_id);
    const { thread } = await mayAdd(tx, tx.db);
    if ((await threadsRepository.countPhotos(tx.db, postId)) >= PHOTOS_PER_POST) throw tooMany();
    await prepared.write(tx.files);
    const photo = { ...prepared.fields, post_id: postId };
    await threadsRepository.insertPhoto(tx.db, photo, tx.clock.now());
    await recordAudit(tx.db, tx, {
      action: 'community.post.photo_add',
      entity: 'community_post',
      entityId: postId,
      after: { id: photo.id, storageKey: photo.storage_key, width: photo.width, height: photo.height },
    });
    return thread.id;
  });
  return shownPost(ctx, threadId, postId);
}

/** Removes a photo from a post: by the post's author or a moderator of its space; audited. */
export async function removePostPhoto(ctx: Ctx, postId: string, photoId: string): Promise<PostAnswer> {
  const { photo, threadId } = await inTransaction(ctx, async (tx) => {
    const { post, thread, viewer, reach } = await readablePost(tx, tx.db, postId);
    const row = await threadsRepository.photoById(tx.db, photoId);
    if (!row || row.post_id !== postId) throw notFound('Photo');
    if (post.author_id !== viewer.user.id && !reach.moderate)
      throw forbidden('Only the post’s author or a moderator of its space removes its photos.', {
        code: 'post-photo-not-yours',
      });
    await threadsRepository.deletePhoto(tx.db, photoId);
    await recordAudit(tx.db, tx, {
      action: 'community.post.photo_remove',
      entity: 'community_post',
      entityId: postId,
      before: { id: row.id, storageKey: row.storage_key },
    });
    return { photo: row, threadId: thread.id };
  });
  await deletePhotoFiles(ctx.files, photo);
  return shownPost(ctx, threadId, postId);
}

/**
 * Whether the reader may see a post's photo file (asked by `/media`): whoever may read the post —
 * not a hidden post's photos but to its space's moderators, nothing of a space out of reach.
 */
export async function mayReadPostPhoto(
  reader: { db: Queryable; actor: UserActor; clock: Clock },
  key: string,
): Promise<boolean> {
  // the photo's own row: its key names the post too, but a thumbnail's is no record key (recordIdOf)
  const photo = key.startsWith(`${FOLDER}/`) ? await threadsRepository.photoByKey(reader.db, key) : undefined;
  if (!photo) return false;
  try {
    await readablePost(reader, reader.db, photo.post_id);
    return true;
  } catch (error) {
    if (error instanceof Problem) return false;
    throw error;
  }
}

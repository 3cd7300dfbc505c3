import type {
  PostAnswer,
  ReplyBody,
  SpaceAnswer,
  ThreadAnswer,
  ThreadBody,
  ThreadSummary,
  TranslationBody,
} from '../../../../shared/schemas/community-spaces';
import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import { sendOrQueue } from '../../../lib/outbox/outbox';

export { myCommunities } from './mine';

/** The spaces the caller reads in a program's community: topics, and areas ("near you" marked). */
export const listSpaces = (programId: string, signal?: AbortSignal) =>
  api<{ items: SpaceAnswer[] }>(`/api/v1/community/${programId}/spaces`, { signal });

export const getSpace = (id: string, signal?: AbortSignal) =>
  api<SpaceAnswer>(`/api/v1/community/spaces/${id}`, { signal });

/** A space's threads, newest activity first, a page at a time. */
export const listThreads = (spaceId: string, cursor: string | null, signal?: AbortSignal) =>
  api<Page<ThreadSummary>>(withQuery(`/api/v1/community/spaces/${spaceId}/threads`, { cursor }), { signal });

/** Threads of the program found by words of their title or text. */
export const searchThreads = (programId: string, q: string, signal?: AbortSignal) =>
  api<{ items: ThreadSummary[] }>(withQuery(`/api/v1/community/${programId}/search`, { q }), { signal });

export const threadsUrl = (spaceId: string) => `/api/v1/community/spaces/${spaceId}/threads`;

/** What the outbox lists for a post: its first words. */
const labelOf = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * A new thread, through the outbox under the client's id: kept on the phone when offline (or when
 * the network fails), sent once when it is back; a replay answers the thread as posted.
 */
export const openThread = (spaceId: string, body: ThreadBody & { id: string }) =>
  sendOrQueue<ThreadAnswer>({
    clientId: body.id,
    kind: 'thread',
    label: labelOf(body.title),
    method: 'POST',
    url: threadsUrl(spaceId),
    body,
  });

export const getThread = (id: string, signal?: AbortSignal) =>
  api<ThreadAnswer>(`/api/v1/community/threads/${id}`, { signal });

export const repliesUrl = (threadId: string) => `/api/v1/community/threads/${threadId}/replies`;

/** A reply, through the outbox under the client's id (see `openThread`). */
export const replyTo = (threadId: string, body: ReplyBody & { id: string }) =>
  sendOrQueue<PostAnswer>({
    clientId: body.id,
    kind: 'reply',
    label: labelOf(body.body),
    method: 'POST',
    url: repliesUrl(threadId),
    body,
  });

/** Stores a translation of a post (by its author or a moderator of its space). */
export const translatePost = (postId: string, body: TranslationBody) =>
  api<ThreadAnswer>(`/api/v1/community/posts/${postId}/translations`, { method: 'POST', body, quiet: formQuiet });

/** Marks a reply as the question's accepted answer. */
export const acceptAnswer = (threadId: string, postId: string) =>
  api<ThreadAnswer>(`/api/v1/community/threads/${threadId}/accept`, { method: 'POST', body: { postId } });

/** "Helpful" on or off. */
export const toggleHelpful = (postId: string) =>
  api<{ helpful: boolean; helpfulCount: number }>(`/api/v1/community/posts/${postId}/helpful`, { method: 'POST' });

export const setFollowing = (threadId: string, following: boolean) =>
  api<{ following: boolean }>(`/api/v1/community/threads/${threadId}/follow`, {
    method: following ? 'PUT' : 'DELETE',
  });

export const reportPost = (postId: string, reason: string) =>
  api<{ postId: string; reported: true }>(`/api/v1/community/posts/${postId}/report`, {
    method: 'POST',
    body: { reason },
    quiet: formQuiet,
  });

/** A moderator's action: hide or restore a post, lock or unlock a thread. */
export const moderate = (kind: 'posts' | 'threads', id: string, action: 'hide' | 'restore' | 'lock' | 'unlock') =>
  api<ThreadAnswer>(`/api/v1/community/${kind}/${id}/${action}`, { method: 'POST', body: {} });

/** A photo on one's own post (multipart field "photo"); the post as it is now. */
export const uploadPostPhoto = (postId: string, file: File) => {
  const body = new FormData();
  body.append('photo', file);
  return api<PostAnswer>(`/api/v1/community/posts/${postId}/photos`, { method: 'POST', body, quiet: formQuiet });
};

/** Removes a photo from a post (its author or a moderator). */
export const removePostPhoto = (postId: string, photoId: string) =>
  api<PostAnswer>(`/api/v1/community/posts/${postId}/photos/${photoId}`, { method: 'DELETE' });

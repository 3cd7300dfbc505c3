import { z } from 'zod';
import { abilitiesOf, pageOf, pageQuery, timestamp, uuid } from '../common.schemas.js';
import { photoAnswer } from './registry.js';

/** The topic spaces every program's community starts with (decision 019). */
export const TOPIC_SPACES = [
  'packaging',
  'marketing',
  'bookkeeping',
  'export',
  'halal_food_safety',
  'product_design',
  'selling_online',
] as const;

export const THREAD_KINDS = ['discussion', 'question'] as const;
export const POST_LANGUAGES = ['id', 'en', 'ja'] as const;
/** A post (a thread's opening post or a reply) shows at most this many photos. */
export const PHOTOS_PER_POST = 4;

/** The communities the caller is in (a member, or staff with a community role). */
export const myCommunitiesAnswer = z.object({
  items: z.array(z.object({ programId: uuid, name: z.string(), member: z.boolean() })),
});
export type MyCommunities = z.infer<typeof myCommunitiesAnswer>;

export const spaceParams = z.object({ programId: uuid });

export const spaceAbilities = abilitiesOf(['read', 'post', 'moderate']);
export const spaceAnswer = z.object({
  id: uuid,
  programId: uuid,
  kind: z.enum(['topic', 'area']),
  topic: z.string().nullable(),
  area: z.object({ code: z.string(), level: z.string() }).nullable(),
  name: z.record(z.string(), z.string()),
  /** One of the caller's own area spaces (their village's province or regency). */
  near: z.boolean(),
  threadCount: z.number().int(),
  abilities: spaceAbilities,
});
export type SpaceAnswer = z.infer<typeof spaceAnswer>;
export const spaceList = z.object({ items: z.array(spaceAnswer) });

const title = z.string().trim().min(3).max(200);
const body = z.string().trim().min(1).max(10_000);

export const threadBody = z.strictObject({
  /** The client's id for the thread (a post drafted offline): a replay with it posts nothing twice. */
  id: uuid.optional(),
  title,
  body,
  kind: z.enum(THREAD_KINDS).default('discussion'),
  /** The language it is written in; the writer's own locale when left out. */
  language: z.enum(POST_LANGUAGES).optional(),
});
export type ThreadBody = z.infer<typeof threadBody>;
export const replyBody = z.strictObject({
  /** The client's id for the reply (drafted offline): a replay with it posts nothing twice. */
  id: uuid.optional(),
  body,
  language: z.enum(POST_LANGUAGES).optional(),
});
export type ReplyBody = z.infer<typeof replyBody>;
/** A translation of a post into another of the program's locales; an opening post's carries the title too. */
export const translationBody = z.strictObject({
  language: z.enum(POST_LANGUAGES),
  title: title.optional(),
  body,
});
export type TranslationBody = z.infer<typeof translationBody>;
export const acceptBody = z.strictObject({ postId: uuid });
export const moderationBody = z.strictObject({ reason: z.string().trim().max(500).default('') });
export const reportBody = z.strictObject({ reason: z.string().trim().max(500).default('') });

export const threadsQuery = pageQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(20) });
export type ThreadsQuery = z.infer<typeof threadsQuery>;
export const searchQuery = z.object({
  q: z.string().trim().min(2).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

const author = z.object({ id: uuid, name: z.string() });

export const threadAbilities = abilitiesOf(['read', 'reply', 'accept', 'moderate']);
export const threadSummary = z.object({
  id: uuid,
  spaceId: uuid,
  title: z.string(),
  kind: z.enum(THREAD_KINDS),
  language: z.enum(POST_LANGUAGES),
  author,
  replyCount: z.number().int(),
  answered: z.boolean(),
  locked: z.boolean(),
  /** Only moderators see hidden threads, marked so. */
  hidden: z.boolean(),
  lastActivityAt: timestamp,
  createdAt: timestamp,
});
export type ThreadSummary = z.infer<typeof threadSummary>;
export const threadPage = pageOf(threadSummary);
export const threadSearchAnswer = z.object({ items: z.array(threadSummary) });

export const postAnswer = z.object({
  id: uuid,
  author,
  body: z.string(),
  /** The language the post was written in. */
  language: z.enum(POST_LANGUAGES),
  /** The stored translation into the reader's language, when there is one (null otherwise). */
  translation: z
    .object({
      language: z.enum(POST_LANGUAGES),
      /** The thread's title in that language (the opening post's translation only). */
      title: z.string().nullable(),
      body: z.string(),
      addedBy: author,
      addedAt: timestamp,
    })
    .nullable(),
  hidden: z.boolean(),
  accepted: z.boolean(),
  helpfulCount: z.number().int(),
  helpfulByMe: z.boolean(),
  reportedByMe: z.boolean(),
  /** How many reports the post has: told to moderators only (null to others). */
  reports: z.number().int().nullable(),
  createdAt: timestamp,
  /** Its photos in the order added: addresses for the reader alone (private, as the post is). */
  photos: z.array(photoAnswer),
  /**
   * Adding a translation: the post's author and the space's moderators. Adding a photo: its author
   * while the thread takes replies and the post has room. Removing one: its author and the moderators.
   */
  abilities: abilitiesOf(['translate', 'addPhoto', 'removePhoto']),
});
export type PostAnswer = z.infer<typeof postAnswer>;

export const postPhotoParams = z.object({ id: uuid, photoId: uuid });

export const threadAnswer = threadSummary.extend({
  space: z.object({ id: uuid, name: z.record(z.string(), z.string()), programId: uuid }),
  following: z.boolean(),
  acceptedPostId: uuid.nullable(),
  /** The opening post, then the replies in the order they were written. */
  posts: z.array(postAnswer),
  /** Until when the reader is muted in the community (the composer says why it is missing); null if not. */
  mutedUntil: timestamp.nullable(),
  abilities: threadAbilities,
});
export type ThreadAnswer = z.infer<typeof threadAnswer>;

export const helpfulAnswer = z.object({ helpful: z.boolean(), helpfulCount: z.number().int() });
export const followAnswer = z.object({ following: z.boolean() });
export const reportAnswer = z.object({ postId: uuid, reported: z.literal(true) });

import { z } from 'zod';
import { abilitiesOf, isoDateAnswer, localizedAnswer, timestamp, uuid, version } from '../common.schemas.js';
import { UI_LOCALES } from '../locales.js';
import { coded } from '../problem-codes.js';
import { photoAnswer } from './registry.js';

/** A producer group's success story (decision 019): drafted, submitted, published after review; public once published. */

export const STORY_STATUSES = ['draft', 'submitted', 'published'] as const;

const inLanguages = (max: number) =>
  z
    .partialRecord(z.enum(UI_LOCALES), z.string().trim().min(1).max(max))
    .refine((v) => Object.keys(v).length > 0, coded('one_language_needed', 'needs at least one language'));

export const storyBody = z.strictObject({
  groupId: uuid,
  title: inLanguages(200),
  body: inLanguages(20_000),
});
export type StoryBody = z.infer<typeof storyBody>;
export const storyPatch = z.strictObject({
  version,
  title: inLanguages(200).optional(),
  body: inLanguages(20_000).optional(),
});
export type StoryPatch = z.infer<typeof storyPatch>;
export const sendBackBody = z.strictObject({ comment: z.string().trim().min(1).max(2000) });

/** What the group has done, computed when the story is read (never typed into it). */
export const storyFacts = z.object({
  /** The most stars a panel has awarded one of the group's products. */
  stars: z.number().int().nullable(),
  /** The day of the group's first export order (not cancelled). */
  firstExportOn: isoDateAnswer.nullable(),
  /** Members of the group holding a training certificate that stands. */
  trainedMembers: z.number().int(),
});

export const storyProduct = z.object({ id: uuid, name: localizedAnswer });

const shownStory = {
  id: uuid,
  programId: uuid,
  group: z.object({ id: uuid, name: z.string() }),
  title: localizedAnswer,
  body: localizedAnswer,
  publishedAt: timestamp.nullable(),
  photos: z.array(photoAnswer),
  facts: storyFacts,
  /** The group's products on the public catalog: the story links to their pages. */
  products: z.array(storyProduct),
};

export const storyAbilities = abilitiesOf(['read', 'draft', 'review']);
export const storyAnswer = z.object({
  ...shownStory,
  status: z.enum(STORY_STATUSES),
  reviewComment: z.string().nullable(),
  version: z.number().int(),
  abilities: storyAbilities,
});
export type StoryAnswer = z.infer<typeof storyAnswer>;

export const publicStoryAnswer = z.object(shownStory);
export type PublicStoryAnswer = z.infer<typeof publicStoryAnswer>;
export const publicStoryList = z.object({ items: z.array(publicStoryAnswer) });
export const storiesQuery = z.object({ status: z.enum(STORY_STATUSES).optional() });
export const storyList = z.object({ items: z.array(storyAnswer) });

import { z } from 'zod';
import {
  abilitiesOf,
  isoDateAnswer,
  localizedAnswer,
  localizedText,
  timestamp,
  uuid,
  version,
} from '../common.schemas.js';
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
  /** The program's story template the draft starts from, if any. */
  templateId: uuid.optional(),
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
  templateId: uuid.nullable(),
  version: z.number().int(),
  abilities: storyAbilities,
});
export type StoryAnswer = z.infer<typeof storyAnswer>;

export const publicStoryAnswer = z.object(shownStory);
export type PublicStoryAnswer = z.infer<typeof publicStoryAnswer>;
export const publicStoryList = z.object({ items: z.array(publicStoryAnswer) });
export const storiesQuery = z.object({ status: z.enum(STORY_STATUSES).optional() });
export const storyList = z.object({ items: z.array(storyAnswer) });

// ---- story templates: the sections a success story tells, copied between programs ----------------
/** One section of a story: its heading (written into the story) and a prompt for the writer. */
const storySection = z.strictObject({ heading: localizedText(120), prompt: localizedText(500) });
export const storyTemplateDefinition = z.strictObject({
  title: localizedText(120),
  sections: z.array(storySection).min(1).max(12),
});
export type StoryTemplateDefinition = z.infer<typeof storyTemplateDefinition>;
export const storyTemplateBody = z.strictObject({ definition: storyTemplateDefinition });
export const storyTemplatePatch = z.strictObject({ version, definition: storyTemplateDefinition });
export const storyTemplateArchive = z.strictObject({ version });

const storyTemplateDefinitionAnswer = z.object({
  title: localizedAnswer,
  sections: z.array(z.object({ heading: localizedAnswer, prompt: localizedAnswer })),
});
export const storyTemplateAbilities = abilitiesOf(['read', 'manage']);
export const storyTemplateAnswer = z.object({
  id: uuid,
  programId: uuid,
  definition: storyTemplateDefinitionAnswer,
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: timestamp,
  abilities: storyTemplateAbilities,
});
export type StoryTemplateAnswer = z.infer<typeof storyTemplateAnswer>;
/** A program's templates, and whether the caller may make and take in new ones. */
export const storyTemplateList = z.object({
  items: z.array(storyTemplateAnswer),
  abilities: abilitiesOf(['manage']),
});
export type StoryTemplateList = z.infer<typeof storyTemplateList>;
export const storyTemplatesQuery = z.object({ archived: z.enum(['true', 'false']).optional() });

/** The format of an exported story template; a reader refuses any other version (decision 027). */
export const STORY_TEMPLATE_DOCUMENT_FORMAT = 'ovop.story-template';
export const storyTemplateDocument = z.strictObject({
  format: z.literal(STORY_TEMPLATE_DOCUMENT_FORMAT),
  formatVersion: z.literal(1),
  /** Where it came from, for the reader: the program's code; never an id to reuse. */
  source: z.strictObject({ programCode: z.string().max(40).nullable(), exportedAt: z.string().max(40) }).optional(),
  definition: storyTemplateDefinition,
});
export type StoryTemplateDocument = z.infer<typeof storyTemplateDocument>;
export const storyTemplateDocumentAnswer = z.object({
  format: z.literal(STORY_TEMPLATE_DOCUMENT_FORMAT),
  formatVersion: z.literal(1),
  source: z.object({ programCode: z.string().nullable(), exportedAt: z.string() }).optional(),
  definition: storyTemplateDefinitionAnswer,
});
export const storyTemplateImportAnswer = z.object({
  template: storyTemplateAnswer,
  missingLocales: z.array(z.object({ path: z.string(), locales: z.array(z.string()) })),
});

import { z } from 'zod';
import { localizedAnswer, uuid } from '../common.schemas.js';

/**
 * The fields of a member's profile she may make public, one by one (issue #16): nothing is public
 * by default but her name and village. Her phone, when public, is also her click-to-chat link.
 */
export const PROFILE_FIELDS = ['business', 'offers', 'phone', 'email', 'group'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

const visibilityShape = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, z.boolean()])) as Record<
  ProfileField,
  z.ZodBoolean
>;
/** Which fields are public: all five named in a request; an answer strips what it does not list. */
const visibility = z.strictObject(visibilityShape);
const visibilityAnswer = z.object(visibilityShape);

/** Her profile settings: what she offers, and which fields are public (all five named, each on or off). */
export const profileBody = z.strictObject({
  offers: z.string().trim().max(1000),
  public: visibility,
});
export type ProfileBody = z.infer<typeof profileBody>;

/** Her producer group and its products on the catalog. */
const group = z.object({
  id: uuid,
  name: z.string(),
  products: z.array(z.object({ id: uuid, name: localizedAnswer })),
});

/** Her profile as she sees it in her settings: every field, and which of them are public. */
export const myProfileAnswer = z.object({
  /** Her public page's id. */
  id: uuid,
  programId: uuid,
  name: z.string(),
  area: z.object({ code: z.string(), name: z.string() }),
  business: z.string(),
  offers: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  group: group.nullable(),
  public: visibilityAnswer,
});
export type MyProfileAnswer = z.infer<typeof myProfileAnswer>;

/** Her public page: her name and village, and only the fields she made public (the others are absent). */
export const publicProfileAnswer = z.object({
  id: uuid,
  programId: uuid,
  name: z.string(),
  area: z.object({ code: z.string(), name: z.string() }),
  business: z.string().optional(),
  offers: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  group: group.optional(),
});
export type PublicProfileAnswer = z.infer<typeof publicProfileAnswer>;

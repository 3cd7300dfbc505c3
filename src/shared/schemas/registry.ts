import { z } from 'zod';
import { coded } from '../problem-codes.js';
import {
  abilitiesOf,
  isoDate,
  localizedAnswer,
  localizedText,
  moneyAnswer,
  pageOf,
  pageQuery,
  pastDate,
  personName,
  timestamp,
  uuid,
  version,
} from '../common.schemas.js';
import { money } from '../money.js';
import { areaCode } from './geography.js';

/**
 * Kinds of producer group. Indonesia's: kelompok wanita (tani), koperasi ('cooperative'), BUMDes, kelompok
 * tani, UMKM ('enterprise': one business actor with its NIB), Gapoktan (Gabungan Kelompok Tani), KUB
 * (Kelompok Usaha Bersama) and Pokdarwis (Kelompok Sadar Wisata).
 */
export const GROUP_KINDS = [
  'women_group',
  'cooperative',
  'bumdes',
  'farmer_group',
  'enterprise',
  'gapoktan',
  'kub',
  'pokdarwis',
] as const;
/** Kinds of legal id a group may hold: NIB (OSS), akta notaris (akta pendirian), SK Kemenkumham, Perdes (for a BUMDes). */
export const LEGAL_ID_KINDS = ['nib', 'akta_notaris', 'sk_kemenkumham', 'perdes', 'other'] as const;
/**
 * The legal ids a kind of group typically holds: guidance the form shows, not a rule (only an NIB's
 * form is checked). A koperasi is a legal entity by its deed and the ministry's decree (UU 25/1992,
 * Permenkop 9/2018); a BUMDes is founded by a Peraturan Desa (PP 11/2021); an UMKM registers with OSS.
 */
export const TYPICAL_LEGAL_IDS: Record<(typeof GROUP_KINDS)[number], readonly (typeof LEGAL_ID_KINDS)[number][]> = {
  women_group: ['nib'],
  cooperative: ['akta_notaris', 'sk_kemenkumham', 'nib'],
  bumdes: ['perdes', 'nib'],
  farmer_group: ['nib'],
  enterprise: ['nib'],
  gapoktan: ['akta_notaris', 'nib'],
  kub: ['nib'],
  pokdarwis: ['other'],
};
/** The Washington Group short set's domains (washingtongroup-disability.com). */
export const WG_DOMAINS = ['seeing', 'hearing', 'walking', 'cognition', 'self_care', 'communication'] as const;
export const WG_ANSWERS = ['no_difficulty', 'some_difficulty', 'a_lot_of_difficulty', 'cannot_do_at_all'] as const;
export type WgDomain = (typeof WG_DOMAINS)[number];
export type WgAnswer = (typeof WG_ANSWERS)[number];
export type Functioning = Record<WgDomain, WgAnswer | null>;

/**
 * The WG's standard disability cut-off: a person has a disability when any domain is answered "a lot
 * of difficulty" or "cannot do at all". Null when no domain is answered (the answers decide nothing).
 */
export function disabilityByWg(functioning: Partial<Record<WgDomain, WgAnswer | null>>): boolean | null {
  const answers = WG_DOMAINS.map((d) => functioning[d] ?? null).filter((a) => a !== null);
  if (answers.length === 0) return null;
  return answers.some((a) => a === 'a_lot_of_difficulty' || a === 'cannot_do_at_all');
}
export const MEMBER_ROLES = ['chair', 'secretary', 'treasurer', 'member'] as const;
export const PRODUCT_STATUSES = ['draft', 'ready', 'export_ready'] as const;

/** The largest product photo the server takes (the web shrinks bigger ones before sending). */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;

const count = z.number().int().min(0).max(10_000_000);

// ---- villages -------------------------------------------------------------------------------
export const villageProfile = z.strictObject({
  population: count.nullable().optional(),
  households: count.nullable().optional(),
  potentials: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
  notes: z.string().trim().max(4000).nullable().optional(),
});

export const createVillageBody = z.strictObject({
  id: uuid.optional(),
  programId: uuid,
  areaCode,
  profile: villageProfile.default({}),
  facilitatorId: uuid.nullable().optional(),
});
export type CreateVillageBody = z.infer<typeof createVillageBody>;

export const patchVillageBody = z
  .object({ version: version.optional(), profile: villageProfile, facilitatorId: uuid.nullable() })
  .partial()
  .strict();
export type PatchVillageBody = z.infer<typeof patchVillageBody>;

export const listVillagesQuery = pageQuery.extend({ programId: uuid.optional(), area: areaCode.optional() });
export type ListVillagesQuery = z.infer<typeof listVillagesQuery>;

// ---- producer groups -------------------------------------------------------------------------
/** NIB (Nomor Induk Berusaha), Indonesia's business id from OSS: 13 digits. */
const nib = z.string().regex(/^\d{13}$/, coded('not_a_nib', 'must be the 13-digit NIB'));
const contact = z
  .object({
    phone: z
      .string()
      .regex(/^\+?[0-9 ()-]{6,20}$/, coded('not_a_phone', 'is not a phone number'))
      .optional(),
    email: z.email().optional(),
    address: z.string().trim().max(500).optional(),
  })
  .strict();

/** A legal id: an NIB must be 13 digits; the others are numbers as written ("Nomor 3 Tahun 2019"). */
export const legalDocument = z
  .strictObject({
    kind: z.enum(LEGAL_ID_KINDS),
    number: z.string().trim().min(1).max(100),
    issuedOn: pastDate.nullable().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'nib' && !/^\d{13}$/.test(d.number))
      ctx.addIssue({
        code: 'custom',
        path: ['number'],
        message: 'must be the 13-digit NIB',
        params: { code: 'not_a_nib' },
      });
  });
export type LegalDocument = z.infer<typeof legalDocument>;
/** At most one NIB (OSS gives a business actor one), and no id listed twice. */
const legalDocuments = z
  .array(legalDocument)
  .max(20)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((d, i) => {
      const key = d.kind === 'nib' ? 'nib' : `${d.kind}:${d.number}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [i], message: 'is listed twice', params: { code: 'listed_twice' } });
      seen.add(key);
    });
  });
/** The NIB alone, as clients before `legalDocuments` send it (still accepted). */
const legalIds = z.object({ nib: nib.optional() }).strict();

const groupFields = {
  name: z.string().trim().min(1).max(200),
  kind: z.enum(GROUP_KINDS),
  foundedOn: pastDate.nullable().optional(),
  legalIds: legalIds.default({}),
  /** All the group's legal ids, the NIB among them; `legalIds.nib`, when sent too, must agree with it. */
  legalDocuments: legalDocuments.optional(),
  contact: contact.default({}),
};

export const createGroupBody = z.strictObject({
  id: uuid.optional(),
  programId: uuid,
  villageId: uuid,
  ...groupFields,
});
export type CreateGroupBody = z.infer<typeof createGroupBody>;

export const patchGroupBody = z
  .object({
    version: version.optional(),
    name: groupFields.name,
    kind: groupFields.kind,
    foundedOn: pastDate.nullable(),
    /** Sets or (with `{}`) removes the NIB, keeping the group's other legal ids. */
    legalIds,
    /** Replaces the whole list of legal ids. */
    legalDocuments,
    contact,
  })
  .partial()
  .strict();
export type PatchGroupBody = z.infer<typeof patchGroupBody>;

export const listGroupsQuery = pageQuery.extend({
  programId: uuid.optional(),
  villageId: uuid.optional(),
  area: areaCode.optional(),
  kind: z.enum(GROUP_KINDS).optional(),
  /** Part of the name, for a picker. */
  q: z.string().trim().min(1).max(100).optional(),
});
export type ListGroupsQuery = z.infer<typeof listGroupsQuery>;

// ---- members -----------------------------------------------------------------------------------
const wgAnswer = z.enum(WG_ANSWERS).nullable();
const functioning = z.strictObject({
  seeing: wgAnswer.optional(),
  hearing: wgAnswer.optional(),
  walking: wgAnswer.optional(),
  cognition: wgAnswer.optional(),
  self_care: wgAnswer.optional(),
  communication: wgAnswer.optional(),
});
const thisYear = () => new Date().getUTCFullYear();
const memberFields = {
  name: personName,
  sex: z.enum(['female', 'male']),
  birthYear: z
    .number()
    .int()
    .min(1900)
    .refine((y) => y <= thisYear(), { message: 'is in the future', params: { code: 'in_future' } }),
  /** Without WG answers: as given (false when not). With answers it is derived; a different value is refused. */
  disability: z.boolean().optional(),
  /** The Washington Group short set; a domain left out or null is not answered. */
  functioning: functioning.optional(),
  role: z.enum(MEMBER_ROLES).default('member'),
  joinedOn: isoDate,
  leftOn: isoDate.nullable().optional(),
  /**
   * The national id by the program country's rule (its pack's): Indonesia's NIK is 16 digits,
   * checked against sex and birth year in the service; elsewhere it may be left out.
   */
  nationalId: z
    .string()
    .regex(/^[0-9A-Za-z][0-9A-Za-z -]{3,31}$/, coded('not_a_national_id', 'must be 4–32 letters, digits, spaces or -'))
    .nullable()
    .optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{6,20}$/, coded('not_a_phone', 'is not a phone number'))
    .nullable()
    .optional(),
  /** The account this member signs in with (set by the group's managers or program staff). */
  userId: uuid.nullable().optional(),
};

export const createMemberBody = z.strictObject({ id: uuid.optional(), ...memberFields });
export type CreateMemberBody = z.infer<typeof createMemberBody>;

export const patchMemberBody = z
  .object({
    version: version.optional(),
    name: memberFields.name,
    sex: memberFields.sex,
    birthYear: memberFields.birthYear,
    disability: z.boolean(),
    /** Changes the domains it names (null: no longer answered), keeping the others. */
    functioning,
    role: z.enum(MEMBER_ROLES),
    joinedOn: isoDate,
    leftOn: isoDate.nullable(),
    nationalId: memberFields.nationalId.unwrap().unwrap().nullable(),
    phone: memberFields.phone.unwrap().unwrap().nullable(),
    userId: uuid.nullable(),
  })
  .partial()
  .strict();
export type PatchMemberBody = z.infer<typeof patchMemberBody>;

export const listMembersQuery = pageQuery.extend({ active: z.enum(['true', 'false']).optional() });
export type ListMembersQuery = z.infer<typeof listMembersQuery>;

// ---- products ----------------------------------------------------------------------------------
/**
 * Harmonized System code as written in trade papers: a 4-digit heading, a 6-digit subheading, or a
 * national 8- or 10-digit line, with or without dots ("200899", "2008.99", "2008.99.10"). Stored
 * dotted ("2008.99.10"); whether it is a real HS 2022 subheading the server checks.
 */
export function normaliseHsCode(code: string): string {
  const digits = code.replace(/\D/g, '');
  const pairs = digits.slice(4).match(/\d{2}/g) ?? [];
  return [digits.slice(0, 4), ...pairs].join('.');
}
const hsCode = z
  .string()
  .trim()
  .regex(
    /^\d{4}(?:\.?\d{2}){0,3}$|^\d{4}\.\d{2}\.\d{4}$/,
    coded('not_an_hs_code', 'is not an HS code such as 0409.00 or 1905.31'),
  )
  .transform(normaliseHsCode);

/**
 * The 14 allergens of Regulation (EU) 1169/2011 Annex II, with buckwheat and walnut apart so that
 * Japan's 8 mandatory ones (shrimp, crab, walnut, wheat, buckwheat, egg, milk, peanut; 食品表示基準)
 * can be declared: crustaceans cover shrimp and crab, cereals with gluten cover wheat, `nuts` covers
 * tree nuts (walnut among them).
 */
export const ALLERGENS = [
  'gluten_cereals',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soybeans',
  'milk',
  'nuts',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'molluscs',
  'buckwheat',
  'walnut',
] as const;
export type Allergen = (typeof ALLERGENS)[number];
export const NET_QUANTITY_UNITS = ['g', 'kg', 'ml', 'l', 'pcs'] as const;

/** What a package holds: 100 g, 0.5 l, 12 pcs. */
const netQuantity = z.strictObject({
  amount: z.number().positive().max(1_000_000),
  unit: z.enum(NET_QUANTITY_UNITS),
});
const allergens = z
  .array(z.enum(ALLERGENS))
  .max(ALLERGENS.length)
  .transform((list) => ALLERGENS.filter((a) => list.includes(a)));

const productFields = {
  name: localizedText(200),
  description: localizedText(4000).optional(),
  story: localizedText(10000).optional(),
  category: z.string().min(1).max(40),
  unit: z.string().trim().min(1).max(40),
  price: money,
  capacityPerMonth: z.number().int().min(0).max(100_000_000).nullable().optional(),
  hsCode: hsCode.nullable().optional(),
  status: z.enum(PRODUCT_STATUSES).default('draft'),
  /** Days from production to best-before. */
  shelfLifeDays: z.number().int().min(1).max(3650).nullable().optional(),
  ingredients: localizedText(4000).optional(),
  /** The allergens the product contains; an empty list declares none. Absent: not declared yet. */
  allergens: allergens.nullable().optional(),
  netQuantity: netQuantity.nullable().optional(),
  storage: localizedText(1000).optional(),
};

export const createProductBody = z.strictObject({ id: uuid.optional(), groupId: uuid, ...productFields });
export type CreateProductBody = z.infer<typeof createProductBody>;

export const patchProductBody = z
  .object({
    version: version.optional(),
    name: productFields.name,
    description: localizedText(4000),
    story: localizedText(10000),
    category: productFields.category,
    unit: productFields.unit,
    price: money,
    capacityPerMonth: productFields.capacityPerMonth.unwrap().unwrap().nullable(),
    hsCode: hsCode.nullable(),
    status: z.enum(PRODUCT_STATUSES),
    shelfLifeDays: productFields.shelfLifeDays.unwrap().unwrap().nullable(),
    ingredients: localizedText(4000).nullable(),
    allergens: allergens.nullable(),
    netQuantity: netQuantity.nullable(),
    storage: localizedText(1000).nullable(),
  })
  .partial()
  .strict();
export type PatchProductBody = z.infer<typeof patchProductBody>;

export const listProductsQuery = pageQuery.extend({
  programId: uuid.optional(),
  groupId: uuid.optional(),
  area: areaCode.optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
});
export type ListProductsQuery = z.infer<typeof listProductsQuery>;

// ---- answers -----------------------------------------------------------------------------------
/*
 * What the registry answers. Each record carries `abilities`: what the caller may do with it, one
 * boolean per action of its policy (registry.policy.ts), so the web never re-derives a rule.
 */
export const VILLAGE_ACTIONS = ['read', 'update', 'enrol', 'registerGroup'] as const;
export const GROUP_ACTIONS = ['read', 'update', 'addMember', 'addProduct'] as const;
export const MEMBER_ACTIONS = ['read', 'update', 'delete', 'seePersonalData', 'linkAccount'] as const;
export const PRODUCT_ACTIONS = ['read', 'update', 'addPhoto', 'removePhoto'] as const;

const record = { version: z.number().int(), createdAt: timestamp, updatedAt: timestamp };

export const villageAnswer = z.object({
  id: z.string(),
  programId: z.string(),
  areaCode: z.string(),
  area: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  profile: z.object({
    population: z.number().int().nullable(),
    households: z.number().int().nullable(),
    potentials: z.array(z.string()),
    notes: z.string().nullable(),
  }),
  facilitatorId: z.string().nullable(),
  ...record,
  abilities: abilitiesOf(VILLAGE_ACTIONS),
});
export type VillageAnswer = z.infer<typeof villageAnswer>;
/** Villages as listed; `abilities.enrol`: whether the caller may enrol a village somewhere in the program. */
export const villagePage = pageOf(villageAnswer).extend({ abilities: abilitiesOf(['enrol']) });

export const groupAnswer = z.object({
  id: z.string(),
  programId: z.string(),
  villageId: z.string(),
  village: z.object({ areaCode: z.string(), name: z.string() }),
  name: z.string(),
  kind: z.enum(GROUP_KINDS),
  foundedOn: z.string().nullable(),
  /** The NIB alone (as before `legalDocuments`). */
  legalIds: z.object({ nib: z.string().optional() }),
  legalDocuments: z.array(
    z.object({ kind: z.enum(LEGAL_ID_KINDS), number: z.string(), issuedOn: z.string().nullable() }),
  ),
  contact: z.object({ phone: z.string().optional(), email: z.string().optional(), address: z.string().optional() }),
  ...record,
  /** The group policy's actions, and `invite`: whether the caller may bring a person into the group (programs' rule). */
  abilities: abilitiesOf([...GROUP_ACTIONS, 'invite']),
});
export type GroupAnswer = z.infer<typeof groupAnswer>;
/** Groups as listed; `abilities.create`: whether the caller may register a group somewhere in the program. */
export const groupPage = pageOf(groupAnswer).extend({ abilities: abilitiesOf(['create']) });

export const memberAnswer = z.object({
  id: z.string(),
  groupId: z.string(),
  name: z.string(),
  sex: z.enum(['female', 'male']),
  birthYear: z.number().int(),
  /** Derived from `functioning` by the WG cut-off when any domain is answered; as recorded otherwise. */
  disability: z.boolean(),
  functioning: z.object({
    seeing: wgAnswer,
    hearing: wgAnswer,
    walking: wgAnswer,
    cognition: wgAnswer,
    self_care: wgAnswer,
    communication: wgAnswer,
  }),
  role: z.enum(MEMBER_ROLES),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  /** In clear for those who may see personal data, masked (digits hidden) for everyone else. */
  nationalId: z.string().nullable(),
  phone: z.string().nullable(),
  personalData: z.enum(['clear', 'masked']),
  /** Another member of the group has the same national id: known only with the NIK in clear, else null. */
  possibleDuplicate: z.boolean().nullable(),
  /** The account this member signs in with, if linked. */
  userId: z.string().nullable(),
  ...record,
  abilities: abilitiesOf(MEMBER_ACTIONS),
});
export type MemberAnswer = z.infer<typeof memberAnswer>;
export const memberPage = pageOf(memberAnswer);

export const photoAnswer = z.object({
  id: z.string(),
  url: z.string(),
  thumbnailUrl: z.string(),
  contentType: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  byteSize: z.number().int(),
});
export type PhotoAnswer = z.infer<typeof photoAnswer>;

/** A photo upload may carry the client's id for it: sent again (offline outbox), it is stored once. */
export const photoUploadQuery = z.object({ id: uuid.optional() });

export const productAnswer = z.object({
  id: z.string(),
  programId: z.string(),
  groupId: z.string(),
  name: localizedAnswer,
  description: localizedAnswer,
  story: localizedAnswer,
  category: z.string(),
  unit: z.string(),
  price: moneyAnswer,
  capacityPerMonth: z.number().int().nullable(),
  hsCode: z.string().nullable(),
  status: z.enum(PRODUCT_STATUSES),
  shelfLifeDays: z.number().int().nullable(),
  ingredients: localizedAnswer,
  /** Null: not declared; an empty list: declared free of the listed allergens. */
  allergens: z.array(z.enum(ALLERGENS)).nullable(),
  netQuantity: z.object({ amount: z.number(), unit: z.enum(NET_QUANTITY_UNITS) }).nullable(),
  storage: localizedAnswer,
  /** The star badge while it is valid (null once lapsed), and its last valid day (null: no end). */
  stars: z.number().int().nullable(),
  starsValidUntil: z.string().nullable(),
  photos: z.array(photoAnswer),
  ...record,
  abilities: abilitiesOf(PRODUCT_ACTIONS),
});
export type ProductAnswer = z.infer<typeof productAnswer>;
export const productPage = pageOf(productAnswer);

// ---- HS 2022 picker ----------------------------------------------------------------------------
export const hsCodeQuery = z.object({
  q: z.string().trim().min(1).max(100),
  /** The reader's language; the descriptions are in English whatever it is (see `descriptionLocale`). */
  locale: z.enum(['id', 'en', 'ja']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type HsCodeQuery = z.infer<typeof hsCodeQuery>;
export const hsCodePage = z.object({
  items: z.array(z.object({ code: z.string(), description: z.string() })),
  /** HS 2022 descriptions exist in English only (WCO/UN Comtrade). */
  descriptionLocale: z.literal('en'),
});
export type HsCodePage = z.infer<typeof hsCodePage>;

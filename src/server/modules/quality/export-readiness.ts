import { validOn, type CertificateFact } from './scoring.js';

/**
 * Export readiness per target market, pure: a checklist computed from the product's category,
 * HS code, names and the certificates valid on the given date. Checks marked `manual` cannot be
 * decided from data (per-shipment paperwork, approved-country lists); they are listed with
 * `ok: null` for a person to confirm and do not decide `ready`.
 */
export const MARKETS = ['JP', 'EU', 'US'] as const;
export type Market = (typeof MARKETS)[number];

/**
 * One item of a market's checklist. `reason` is a code the web translates (`error.<reason>` in the
 * shared catalogues: the requirement, or why it fails); `message` is the same in English, for API
 * readers and the server's own text.
 */
export interface ReadinessCheck {
  code: string;
  ok: boolean | null;
  manual?: true;
  reason: ReadinessReason;
  message: string;
}
export interface MarketReadiness {
  market: Market;
  ready: boolean;
  checks: ReadinessCheck[];
  /** The reasons of the failed checks: what is missing for this market. */
  missing: ReadinessReason[];
}

/** What a food label carries, as recorded on the product (all optional). */
export interface LabelFacts {
  ingredients: Record<string, string>;
  /** Null: not declared; an empty list: declared free of the listed allergens. */
  allergens: string[] | null;
  netQuantity: { amount: number; unit: string } | null;
  shelfLifeDays: number | null;
  storage: Record<string, string>;
}

export interface ReadinessFacts {
  category: string;
  hsCode: string | null;
  name: Record<string, string>;
  certificates: CertificateFact[];
  label: LabelFacts;
  /** The country the product comes from (the program's, ISO 3166 alpha-2), when known. */
  origin: string | null;
}

/** The sentence of each reason, in English; the web's are in src/shared/messages (`error.<reason>`). */
const REASONS = {
  readiness_name_en: 'An English name is needed for export papers',
  readiness_hs_code: 'An HS code is needed for customs',
  readiness_hs_code_subheading: 'A 6-digit HS subheading is needed (a 4-digit heading is not enough)',
  readiness_food_permit: 'Food needs a valid P-IRT or BPOM MD distribution permit',
  readiness_halal: 'Food sold in Indonesia needs a valid halal certificate (BPJPH, from 17 Oct 2026)',
  readiness_name_ja: 'The product name in Japanese (名称)',
  readiness_ingredients: 'The list of ingredients',
  readiness_allergens: 'Allergens declared (or declared none)',
  readiness_net_quantity: 'The net quantity',
  readiness_best_before: 'A best-before date (from the shelf life)',
  readiness_storage: 'Storage conditions',
  readiness_origin: 'The country of origin',
  readiness_importer: 'The importer’s name and address (輸入者), per importer',
  readiness_jp_import_notification: 'Food Sanitation Law import notification, per shipment',
  readiness_eu_operator: 'The name and address of the EU food business operator',
  readiness_eu_honey_approved_country: 'Honey only from listed countries/establishments with a residue plan',
  readiness_fda_registration: 'The US needs a valid FDA food facility registration (with a US agent)',
  readiness_us_prior_notice: 'FDA Prior Notice, per shipment',
  readiness_us_textile_labelling:
    'Fibre content, origin and maker on the label (Textile Fiber Products Identification Act)',
  readiness_phytosanitary: 'Phytosanitary certificate or fumigation of wood and bamboo, per shipment',
} as const;
export type ReadinessReason = keyof typeof REASONS;
export const READINESS_REASONS = Object.keys(REASONS) as ReadinessReason[];

/** Program category codes that mean food or drink. */
const FOOD_CATEGORIES = new Set([
  'food',
  'beverage',
  'beverages',
  'drink',
  'food_beverage',
  'makanan',
  'minuman',
  'honey',
]);

/** Halal certification is mandatory for food and drink of micro and small firms from 17 Oct 2026 (BPJPH; DOMAIN.md). */
export const HALAL_MANDATORY_FROM = '2026-10-17';

/** Food or drink: by the program's category, or by HS chapters 01–24 (animal, vegetable and prepared foodstuffs). */
export function isFood(facts: Pick<ReadinessFacts, 'category' | 'hsCode'>): boolean {
  if (FOOD_CATEGORIES.has(facts.category)) return true;
  const chapter = facts.hsCode ? Number(facts.hsCode.replace(/\D/g, '').slice(0, 2)) : NaN;
  return chapter >= 1 && chapter <= 24;
}

const check = (code: string, ok: boolean, reason: ReadinessReason = `readiness_${code}` as ReadinessReason) => ({
  code,
  ok,
  reason,
  message: REASONS[reason],
});
const manual = (code: string): ReadinessCheck => {
  const reason = `readiness_${code}` as ReadinessReason;
  return { code, ok: null, manual: true, reason, message: REASONS[reason] };
};
const given = (text: Record<string, string>) => Object.values(text).some((t) => t.trim() !== '');
const hsDigits = (code: string | null) => (code ?? '').replace(/\D/g, '');

/** Customs classify by the 6-digit subheading: a bare 4-digit heading does not pass. */
function hsCheck(code: string | null): ReadinessCheck {
  if (!code) return check('hs_code', false);
  const subheading = hsDigits(code).length >= 6;
  return check('hs_code', subheading, subheading ? 'readiness_hs_code' : 'readiness_hs_code_subheading');
}

/**
 * The labelling items a market's law asks of prepacked food, from the product's facts:
 * - JP: 食品表示法 / 食品表示基準 — name, ingredients, allergens, net content, best-before,
 *   storage, importer, country of origin;
 * - EU: Regulation (EU) 1169/2011 Art. 9 — ingredients, allergens emphasised, net quantity, date of
 *   minimum durability, storage, the food business operator;
 * - US: 21 CFR 101 — ingredients, major allergens (FALCPA with the FASTER Act: nine), net quantity.
 * Items a person supplies per importer (importer, EU operator) are manual.
 */
function foodLabel(market: Market, facts: ReadinessFacts): ReadinessCheck[] {
  const l = facts.label;
  const ingredients = check('ingredients', given(l.ingredients));
  const allergens = check('allergens', l.allergens !== null);
  const net = check('net_quantity', l.netQuantity !== null);
  const date = check('best_before', l.shelfLifeDays !== null);
  const storage = check('storage', given(l.storage));
  if (market === 'JP')
    return [
      check('name_ja', Boolean(facts.name.ja)),
      ingredients,
      allergens,
      net,
      date,
      storage,
      manual('importer'),
      check('origin', facts.origin !== null),
    ];
  if (market === 'EU') return [ingredients, allergens, net, date, storage, manual('eu_operator')];
  return [ingredients, allergens, net];
}

/** Items that follow from the HS chapter rather than from food law. */
function chapterItems(market: Market, chapter: number): ReadinessCheck[] {
  const items: ReadinessCheck[] = [];
  // Wood (44) and plaiting materials such as bamboo and rattan (46) may carry pests (ISPM 15 and
  // each importer's plant quarantine rules).
  if (chapter === 44 || chapter === 46) items.push(manual('phytosanitary'));
  if (market === 'US' && chapter >= 50 && chapter <= 63) items.push(manual('us_textile_labelling'));
  return items;
}

export function exportReadiness(facts: ReadinessFacts, on: string): MarketReadiness[] {
  const has = (...kinds: CertificateFact['kind'][]) =>
    facts.certificates.some((c) => kinds.includes(c.kind) && validOn(c, on));
  const food = isFood(facts);
  const common: ReadinessCheck[] = [check('name_en', Boolean(facts.name.en)), hsCheck(facts.hsCode)];
  if (food) {
    // Home-industry food needs SPP-IRT; sterilised, frozen, chilled animal-origin food BPOM MD (BPOM Reg. 22/2018).
    common.push(check('food_permit', has('pirt', 'bpom_md')));
    if (on >= HALAL_MANDATORY_FROM) common.push(check('halal', has('halal')));
  }
  const chapter = Number(hsDigits(facts.hsCode).slice(0, 2));
  const perMarket: Record<Market, ReadinessCheck[]> = { JP: [], EU: [], US: [] };
  if (food) {
    perMarket.JP.push(...foodLabel('JP', facts), manual('jp_import_notification'));
    perMarket.EU.push(...foodLabel('EU', facts));
    if (hsDigits(facts.hsCode).startsWith('0409')) perMarket.EU.push(manual('eu_honey_approved_country'));
    perMarket.US.push(
      ...foodLabel('US', facts),
      check('fda_registration', has('fda_registration')),
      manual('us_prior_notice'),
    );
  }
  return MARKETS.map((market) => {
    const checks = [...common, ...perMarket[market], ...chapterItems(market, chapter)];
    const missing = checks.filter((c) => c.ok === false).map((c) => c.reason);
    return { market, ready: missing.length === 0, checks, missing };
  });
}

export const readyAnywhere = (readiness: MarketReadiness[]) => readiness.some((m) => m.ready);

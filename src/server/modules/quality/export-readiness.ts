import { validOn, type CertificateFact } from './scoring.js';

/**
 * Export readiness per target market, pure: a checklist computed from the product's category,
 * HS code, names and the certificates valid on the given date. Checks marked `manual` cannot be
 * decided from data (per-shipment paperwork, approved-country lists); they are listed with
 * `ok: null` for a person to confirm and do not decide `ready`.
 */
export const MARKETS = ['JP', 'EU', 'US'] as const;
export type Market = (typeof MARKETS)[number];

export interface ReadinessCheck {
  code: string;
  ok: boolean | null;
  manual?: true;
  reason: string;
}
export interface MarketReadiness {
  market: Market;
  ready: boolean;
  checks: ReadinessCheck[];
}

export interface ReadinessFacts {
  category: string;
  hsCode: string | null;
  name: Record<string, string>;
  certificates: CertificateFact[];
}

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

const check = (code: string, ok: boolean, good: string, bad: string): ReadinessCheck => ({
  code,
  ok,
  reason: ok ? good : bad,
});
const manual = (code: string, reason: string): ReadinessCheck => ({ code, ok: null, manual: true, reason });

export function exportReadiness(facts: ReadinessFacts, on: string): MarketReadiness[] {
  const has = (...kinds: CertificateFact['kind'][]) =>
    facts.certificates.some((c) => kinds.includes(c.kind) && validOn(c, on));
  const food = isFood(facts);
  const common: ReadinessCheck[] = [
    check('name_en', Boolean(facts.name.en), 'English name given', 'An English name is needed for export papers'),
    check('hs_code', Boolean(facts.hsCode), 'HS code given', 'An HS code is needed for customs'),
  ];
  if (food) {
    // Home-industry food needs SPP-IRT; sterilised, frozen, chilled animal-origin food BPOM MD (BPOM Reg. 22/2018).
    common.push(
      check(
        'food_permit',
        has('pirt', 'bpom_md'),
        'Valid P-IRT or BPOM MD',
        'Food needs a valid P-IRT or BPOM MD distribution permit',
      ),
    );
    if (on >= HALAL_MANDATORY_FROM) {
      common.push(
        check(
          'halal',
          has('halal'),
          'Valid halal certificate',
          'Food sold in Indonesia needs a valid halal certificate (BPJPH, from 17 Oct 2026)',
        ),
      );
    }
  }
  const perMarket: Record<Market, ReadinessCheck[]> = { JP: [], EU: [], US: [] };
  if (food) {
    perMarket.JP.push(manual('jp_import_notification', 'Food Sanitation Law import notification, per shipment'));
    perMarket.EU.push(manual('eu_labelling', 'Label per Regulation (EU) 1169/2011'));
    if (facts.hsCode?.replace(/\D/g, '').startsWith('0409')) {
      perMarket.EU.push(
        manual('eu_honey_approved_country', 'Honey only from listed countries/establishments with a residue plan'),
      );
    }
    perMarket.US.push(
      check(
        'fda_registration',
        has('fda_registration'),
        'Valid FDA food facility registration',
        'The US needs a valid FDA food facility registration (with a US agent)',
      ),
      manual('us_prior_notice', 'FDA Prior Notice, per shipment'),
    );
  }
  return MARKETS.map((market) => {
    const checks = [...common, ...perMarket[market]];
    return { market, ready: checks.every((c) => c.ok !== false), checks };
  });
}

export const readyAnywhere = (readiness: MarketReadiness[]) => readiness.some((m) => m.ready);

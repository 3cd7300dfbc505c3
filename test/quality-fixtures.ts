import type { TestApp, Session } from './app.js';
import { buildStaff, signedIn } from './factories.js';
import { registryWorld } from './registry-fixtures.js';
import {
  KEMENPERIN_TEMPLATE_ID,
  OCOP_TEMPLATE_ID,
  OTOP_TEMPLATE_ID,
} from '../src/server/modules/quality/scheme-templates.js';

export { KEMENPERIN_TEMPLATE_ID, OCOP_TEMPLATE_ID, OTOP_TEMPLATE_ID };

/** A food product whose label facts are complete, so that its export readiness turns on certificates. */
export const salakChips = (groupId: string, overrides: Record<string, unknown> = {}) => ({
  groupId,
  name: { id: 'Keripik salak', en: 'Salak chips', ja: 'サラクチップス' },
  description: { id: 'Keripik dari salak Bali.', en: 'Crisps of Bali snake fruit.' },
  category: 'food',
  unit: '100 g',
  price: { amount: '12900.00', currency: 'IDR' },
  hsCode: '2008.99',
  status: 'ready',
  ingredients: { id: 'Salak, minyak kelapa', en: 'Snake fruit, coconut oil' },
  allergens: [],
  netQuantity: { amount: 100, unit: 'g' },
  shelfLifeDays: 180,
  storage: { id: 'Simpan di tempat kering' },
  ...overrides,
});

/** Certificates that make a food product ready for Japan and the EU on dates around 2026. */
export const validPirt = (productId: string) => ({
  productId,
  kind: 'pirt',
  number: '2063204010541-29',
  issuer: 'Pemerintah Kabupaten Karangasem',
  issuedOn: '2025-01-15',
  expiresOn: '2029-12-31',
});
export const validHalal = (groupId: string) => ({
  groupId,
  kind: 'halal',
  number: 'ID51110000123450125',
  issuer: 'BPJPH',
  issuedOn: '2025-03-01',
  expiresOn: null,
});

/**
 * The registry world (Karangasem and Lombok Barat) with a food product in each group, and ways
 * to copy a scheme template into the program and to sign in an assessor on a panel tier.
 */
export async function qualityWorld(t: TestApp) {
  const w = await registryWorld(t);
  const products = {
    bali: await w.post('/api/v1/products', salakChips(w.groups.bali.id)),
    lombok: await w.post(
      '/api/v1/products',
      salakChips(w.groups.lombok.id, { name: { id: 'Madu hutan', en: 'Forest honey' }, hsCode: '0409.00' }),
    ),
  };
  const scheme = (templateId: string) => w.post('/api/v1/rating-schemes', { programId: w.program.id, templateId });
  async function assessor(tier: 'district' | 'province' | 'national' | null): Promise<Session & { userId: string }> {
    const { user } = await buildStaff(t.database.db, 'assessor', { programId: w.program.id });
    if (tier) {
      const r = await t.request({
        method: 'PUT',
        url: `/api/v1/programs/${w.program.id}/assessor-tiers`,
        as: w.admin,
        payload: { userId: user.id, tier },
      });
      if (r.statusCode !== 200) throw new Error(`assessor tier: ${r.statusCode} ${r.body}`);
    }
    return { ...(await signedIn(t.app, user)), userId: user.id };
  }
  /** The food permit (five years) and halal the OCOP template's gates ask of a food product, from a day. */
  async function certified(product: keyof typeof products, from = '2025-01-15') {
    const until = `${Number(from.slice(0, 4)) + 5}-01-14`;
    await w.post('/api/v1/certifications', { ...validPirt(products[product].id), issuedOn: from, expiresOn: until });
    await w.post('/api/v1/certifications', { ...validHalal(products[product].groupId), issuedOn: from });
  }
  return { ...w, products, scheme, assessor, certified };
}

export type QualityWorld = Awaited<ReturnType<typeof qualityWorld>>;

/** Every criterion of a scheme given the same points. */
export function allCriteria(definition: { parts: { criteria: { code: string }[] }[] }, points: number) {
  return definition.parts.flatMap((p) => p.criteria.map((c) => ({ criterion: c.code, points })));
}

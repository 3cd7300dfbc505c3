import type { SchemeDefinition } from './quality.schemas.js';

/**
 * The rating schemes OVOP ships as templates. They are global (no program) and read-only; a
 * program manager copies one into a program (POST /rating-schemes with `templateId`) and adjusts
 * the copy. Every figure is data: parts marked `placeholder` carry splits no public source
 * confirms (DOMAIN.md marks them unverified) and must be checked by the program.
 */

type Text = Record<string, string>;
const t = (id: string, en: string): Text => ({ id, en });

/** Items scored on three levels, 1–3 (Kemenperin OVOP section A). */
const oneToThree = [
  { points: 1, descriptor: t('Kurang', 'Weak') },
  { points: 2, descriptor: t('Cukup', 'Adequate') },
  { points: 3, descriptor: t('Baik', 'Good') },
];
/** A four-level scale from absent (0) to excellent (3). */
const zeroToThree = [
  { points: 0, descriptor: t('Tidak ada', 'Absent') },
  { points: 1, descriptor: t('Kurang', 'Weak') },
  { points: 2, descriptor: t('Cukup', 'Adequate') },
  { points: 3, descriptor: t('Sangat baik', 'Excellent') },
];

const criterion = (code: string, name: Text, weight: number, levels = zeroToThree) => ({
  code,
  name,
  weight,
  levels,
});

export const OTOP_TEMPLATE_ID = '0193a000-0000-7000-8000-00000000a001';
export const OCOP_TEMPLATE_ID = '0193a000-0000-7000-8000-00000000a002';
export const KEMENPERIN_TEMPLATE_ID = '0193a000-0000-7000-8000-00000000a003';

/**
 * Thailand OTOP Product Champion style (DOMAIN.md, Ratings): three parts — community strength,
 * marketing & product story, product quality; entrants hold at least one product-standard
 * certificate; rated every 2 years. The star thresholds (5★ ≥ 90, 4★ ≥ 80, 3★ ≥ 70, 2★ ≥ 50,
 * 1★ below) are commonly cited but unverified, and the part weights are not published: both data.
 */
const otop: SchemeDefinition = {
  name: t('Gaya OTOP Product Champion', 'OTOP Product Champion style'),
  description: t(
    'Ambang bintang dan bobot bagian belum terverifikasi; sesuaikan untuk program Anda.',
    'Star thresholds and part weights are unverified; adjust them for your program.',
  ),
  validityMonths: 24,
  selfAssessmentRequired: true,
  parts: [
    {
      code: 'community',
      name: t('Kekuatan komunitas', 'Community strength'),
      placeholder: true,
      criteria: [
        criterion('community.organisation', t('Organisasi kelompok', 'Group organisation'), 15),
        criterion('community.local_inputs', t('Bahan baku lokal', 'Local raw materials'), 15),
      ],
    },
    {
      code: 'marketing',
      name: t('Pemasaran dan cerita produk', 'Marketing and product story'),
      placeholder: true,
      criteria: [
        criterion('marketing.story', t('Cerita produk', 'Product story'), 10),
        criterion('marketing.packaging', t('Kemasan dan label', 'Packaging and label'), 10),
        criterion('marketing.sales', t('Jaringan penjualan', 'Sales channels'), 10),
      ],
    },
    {
      code: 'quality',
      name: t('Mutu produk', 'Product quality'),
      placeholder: true,
      criteria: [
        criterion('quality.consistency', t('Konsistensi mutu', 'Consistent quality'), 20),
        criterion('quality.safety', t('Keamanan pangan/produk', 'Product safety'), 20),
      ],
    },
  ],
  gates: [
    {
      code: 'product_standard',
      name: t('Memiliki sertifikat standar produk', 'Holds a product-standard certificate'),
      anyOf: ['pirt', 'bpom_md', 'sni', 'halal', 'organic'],
      onFail: { effect: 'block' },
    },
  ],
  thresholds: [
    { stars: 5, minPercent: 90 },
    { stars: 4, minPercent: 80 },
    { stars: 3, minPercent: 70 },
    { stars: 2, minPercent: 50 },
    { stars: 1, minPercent: 0 },
  ],
  starTiers: { 1: 'province', 2: 'province', 3: 'province', 4: 'national', 5: 'national' },
};

/**
 * Vietnam OCOP style (Decision 148/QĐ-TTg, 2023; DOMAIN.md): 100 points — community strength 40,
 * marketing 25, quality 35; 5★ by the national council, 4★ province, up to 3★ district;
 * self-assessment first. The criteria inside each part, the star bands (1★ < 30, 2★ 30–49,
 * 3★ 50–69, 4★ 70–89, 5★ ≥ 90) and the 36-month validity are placeholders to check against the
 * decision's annex.
 */
const ocop: SchemeDefinition = {
  name: t('Gaya OCOP Vietnam', 'Vietnam OCOP style'),
  description: t(
    'Total bagian 40/25/35 sesuai Keputusan 148/QĐ-TTg; kriteria dan ambang bintang perlu dicek.',
    'Part totals 40/25/35 per Decision 148/QĐ-TTg; criteria and star bands need checking.',
  ),
  validityMonths: 36,
  selfAssessmentRequired: true,
  parts: [
    {
      code: 'community',
      name: t('Produksi dan kekuatan komunitas', 'Production and community strength'),
      criteria: [
        criterion('community.organisation', t('Organisasi produksi', 'Production organisation'), 15),
        criterion('community.inputs', t('Bahan baku', 'Raw materials'), 10),
        criterion('community.capacity', t('Kapasitas dan keberlanjutan', 'Capacity and continuity'), 15),
      ],
    },
    {
      code: 'marketing',
      name: t('Pemasaran dan cerita produk', 'Marketing and product story'),
      criteria: [
        criterion('marketing.packaging', t('Kemasan dan label', 'Packaging and label'), 10),
        criterion('marketing.sales', t('Pemasaran', 'Marketing'), 10),
        criterion('marketing.story', t('Cerita produk', 'Product story'), 5),
      ],
    },
    {
      code: 'quality',
      name: t('Mutu produk', 'Product quality'),
      criteria: [
        criterion('quality.sensory', t('Mutu sensoris', 'Sensory quality'), 15),
        criterion('quality.safety', t('Keamanan pangan', 'Food safety'), 10),
        criterion('quality.standard', t('Standar mutu', 'Quality standards'), 10),
      ],
    },
  ],
  gates: [],
  thresholds: [
    { stars: 5, minPercent: 90 },
    { stars: 4, minPercent: 70 },
    { stars: 3, minPercent: 50 },
    { stars: 2, minPercent: 30 },
    { stars: 1, minPercent: 0 },
  ],
  starTiers: { 1: 'district', 2: 'district', 3: 'district', 4: 'province', 5: 'national' },
};

/**
 * Indonesia Kemenperin OVOP style (Permenperin 78/M-IND/PER/9/2007, Perdirjen IKM 98/2013,
 * Permenperin 14/2021; DOMAIN.md): stars 1–5; coaching tier 1–2★ district, 3★ province, 4–5★
 * national. Section A "production and community development" = 30 points (production 15,
 * product development 6, community development 9), each item scored 1–3. Sections B and C, the
 * star thresholds and the gate caps are unverified placeholders the program must adjust. Food
 * needs a distribution permit and a halal certificate, and a business licence is a gate (a 5★
 * award was withheld for lack of one): failing one caps at 4★.
 */
const kemenperin: SchemeDefinition = {
  name: t('Gaya OVOP Kemenperin', 'Kemenperin OVOP style'),
  description: t(
    'Bagian A sesuai sumber; bagian B, C dan ambang bintang adalah placeholder yang dapat disesuaikan program.',
    'Section A follows the sources; sections B, C and the star thresholds are program-adjustable placeholders.',
  ),
  validityMonths: 24,
  selfAssessmentRequired: true,
  parts: [
    {
      code: 'a',
      name: t('A. Produksi dan pengembangan masyarakat', 'A. Production and community development'),
      criteria: [
        criterion('a.production.raw_materials', t('Bahan baku', 'Raw materials'), 3, oneToThree),
        criterion('a.production.process', t('Proses produksi', 'Production process'), 3, oneToThree),
        criterion('a.production.equipment', t('Peralatan', 'Equipment'), 3, oneToThree),
        criterion('a.production.capacity', t('Kapasitas produksi', 'Production capacity'), 3, oneToThree),
        criterion('a.production.hygiene', t('Higiene dan sanitasi', 'Hygiene and sanitation'), 3, oneToThree),
        criterion('a.product_dev.innovation', t('Inovasi produk', 'Product innovation'), 3, oneToThree),
        criterion('a.product_dev.design', t('Desain dan kemasan', 'Design and packaging'), 3, oneToThree),
        criterion('a.community.workforce', t('Tenaga kerja lokal', 'Local workforce'), 3, oneToThree),
        criterion('a.community.partnership', t('Kemitraan', 'Partnerships'), 3, oneToThree),
        criterion('a.community.benefit', t('Manfaat bagi desa', 'Benefit to the village'), 3, oneToThree),
      ],
    },
    {
      code: 'b',
      name: t('B. Pemasaran (placeholder)', 'B. Marketing (placeholder)'),
      placeholder: true,
      criteria: [
        criterion('b.market_reach', t('Jangkauan pasar', 'Market reach'), 15, oneToThree),
        criterion('b.branding', t('Merek dan promosi', 'Brand and promotion'), 20, oneToThree),
      ],
    },
    {
      code: 'c',
      name: t('C. Mutu dan daya saing (placeholder)', 'C. Quality and competitiveness (placeholder)'),
      placeholder: true,
      criteria: [
        criterion('c.quality', t('Mutu produk', 'Product quality'), 20, oneToThree),
        criterion('c.uniqueness', t('Keunikan lokal', 'Local uniqueness'), 15, oneToThree),
      ],
    },
  ],
  gates: [
    {
      code: 'distribution_permit',
      name: t('Izin edar P-IRT atau BPOM MD yang berlaku', 'Valid P-IRT or BPOM MD'),
      anyOf: ['pirt', 'bpom_md'],
      categories: ['food', 'beverage', 'beverages', 'food_beverage'],
      onFail: { effect: 'cap', maxStars: 4 },
    },
    {
      code: 'halal',
      name: t('Sertifikat halal yang berlaku', 'Valid halal certificate'),
      anyOf: ['halal'],
      categories: ['food', 'beverage', 'beverages', 'food_beverage'],
      onFail: { effect: 'cap', maxStars: 4 },
    },
    {
      code: 'business_licence',
      name: t('Izin usaha (NIB)', 'Business licence (NIB)'),
      anyOf: ['nib'],
      onFail: { effect: 'cap', maxStars: 4 },
    },
  ],
  thresholds: [
    { stars: 5, minPercent: 85 },
    { stars: 4, minPercent: 70 },
    { stars: 3, minPercent: 55 },
    { stars: 2, minPercent: 40 },
    { stars: 1, minPercent: 0 },
  ],
  starTiers: { 1: 'district', 2: 'district', 3: 'province', 4: 'national', 5: 'national' },
};

export const SCHEME_TEMPLATES: { id: string; key: string; definition: SchemeDefinition }[] = [
  { id: OTOP_TEMPLATE_ID, key: 'otop', definition: otop },
  { id: OCOP_TEMPLATE_ID, key: 'ocop', definition: ocop },
  { id: KEMENPERIN_TEMPLATE_ID, key: 'kemenperin-ovop', definition: kemenperin },
];

import type { SchemeDefinition } from './quality.schemas.js';

/**
 * The rating schemes OVOP ships as templates. They are global (no program) and read-only; a
 * program manager copies one into a program (POST /rating-schemes with `templateId`) and adjusts
 * the copy. Every figure is data: parts marked `placeholder` carry splits no public source
 * confirms (DOMAIN.md marks them unverified) and must be checked by the program.
 */

type Text = Record<string, string>;
const t = (id: string, en: string, ja: string): Text => ({ id, en, ja });

/** Items scored on three levels, 1–3 (Kemenperin OVOP section A). */
const oneToThree = [
  { points: 1, descriptor: t('Kurang', 'Weak', '不十分') },
  { points: 2, descriptor: t('Cukup', 'Adequate', '普通') },
  { points: 3, descriptor: t('Baik', 'Good', '良い') },
];
/** A four-level scale from absent (0) to excellent (3). */
const zeroToThree = [
  { points: 0, descriptor: t('Tidak ada', 'Absent', 'なし') },
  { points: 1, descriptor: t('Kurang', 'Weak', '不十分') },
  { points: 2, descriptor: t('Cukup', 'Adequate', '普通') },
  { points: 3, descriptor: t('Sangat baik', 'Excellent', '非常に良い') },
];

const criterion = (code: string, name: Text, weight: number, levels = zeroToThree) => ({
  code,
  name,
  weight,
  levels,
});

/** The program categories of food and drink, which food-safety and halal gates apply to. */
const FOOD = ['food', 'beverage', 'beverages', 'food_beverage'];

/** A valid food permit: P-IRT for home industry, BPOM MD for the rest (DOMAIN.md, Certifications). */
const FOOD_SAFETY_PERMIT: SchemeDefinition['gates'][number] = {
  code: 'food_safety_permit',
  name: t('Izin edar P-IRT atau BPOM MD yang berlaku', 'Valid P-IRT or BPOM MD', '有効なP-IRTまたはBPOM MD'),
  anyOf: ['pirt', 'bpom_md'],
  categories: FOOD,
  onFail: { effect: 'block' },
};

/** Halal, mandatory for food and drink of micro and small firms from 17 Oct 2026 (DOMAIN.md). */
const HALAL: SchemeDefinition['gates'][number] = {
  code: 'halal',
  name: t('Sertifikat halal yang berlaku', 'Valid halal certificate', '有効なハラール認証'),
  anyOf: ['halal'],
  categories: FOOD,
  onFail: { effect: 'block' },
};

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
  name: t('Gaya OTOP Product Champion', 'OTOP Product Champion style', 'OTOPプロダクト・チャンピオン方式'),
  badgeName: t('OTOP', 'OTOP', 'OTOP'),
  description: t(
    'Tiga bagian: kekuatan komunitas, pemasaran dan cerita produk, mutu produk. Peserta memiliki sertifikat standar produk.',
    'Three parts: community strength, marketing and product story, product quality. Entrants hold a product-standard certificate.',
    '地域の力、マーケティングと商品ストーリー、製品の品質の3部構成。参加には製品規格の認証が必要です。',
  ),
  caveats: t(
    'Ambang bintang dan bobot bagian belum terverifikasi; sesuaikan untuk program Anda.',
    'Star thresholds and part weights are unverified; adjust them for your program.',
    '星の基準点と各部の配点は未確認です。プログラムに合わせて調整してください。',
  ),
  minPublicStars: 1,
  validityMonths: 24,
  selfAssessmentRequired: true,
  parts: [
    {
      code: 'community',
      name: t('Kekuatan komunitas', 'Community strength', '地域の力'),
      placeholder: true,
      criteria: [
        criterion('community.organisation', t('Organisasi kelompok', 'Group organisation', 'グループの組織'), 15),
        criterion('community.local_inputs', t('Bahan baku lokal', 'Local raw materials', '地元の原材料'), 15),
      ],
    },
    {
      code: 'marketing',
      name: t('Pemasaran dan cerita produk', 'Marketing and product story', 'マーケティングと商品ストーリー'),
      placeholder: true,
      criteria: [
        criterion('marketing.story', t('Cerita produk', 'Product story', '商品ストーリー'), 10),
        criterion('marketing.packaging', t('Kemasan dan label', 'Packaging and label', '包装とラベル'), 10),
        criterion('marketing.sales', t('Jaringan penjualan', 'Sales channels', '販売チャネル'), 10),
      ],
    },
    {
      code: 'quality',
      name: t('Mutu produk', 'Product quality', '製品の品質'),
      placeholder: true,
      criteria: [
        criterion('quality.consistency', t('Konsistensi mutu', 'Consistent quality', '品質の安定'), 20),
        criterion('quality.safety', t('Keamanan pangan/produk', 'Product safety', '製品の安全性'), 20),
      ],
    },
  ],
  gates: [
    {
      code: 'product_standard',
      name: t(
        'Memiliki sertifikat standar produk',
        'Holds a product-standard certificate',
        '製品規格の認証を持っている',
      ),
      // Thailand's own: the community product standard (มผช.) and the Thai FDA number (อย.).
      anyOf: ['pirt', 'bpom_md', 'sni', 'halal', 'organic', 'th_tcps', 'th_fda'],
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
 * self-assessment first; star bands 1★ < 30, 2★ 30–49, 3★ 50–69, 4★ 70–89, 5★ ≥ 90; 36-month
 * validity. The criteria inside each part are placeholders to check against the decision's annex.
 * Used in Indonesia, food and drink are not rated without a valid P-IRT or BPOM MD, and without
 * halal they are held at 3★ (a program's choice: it may drop or harden the gate in its copy).
 */
const ocop: SchemeDefinition = {
  name: t('Gaya OCOP Vietnam', 'Vietnam OCOP style', 'ベトナムOCOP方式'),
  badgeName: t('OCOP', 'OCOP', 'OCOP'),
  description: t(
    'Produksi dan kekuatan komunitas 40, pemasaran 25, mutu 35 (Keputusan 148/QĐ-TTg, 2023). Kelompok menilai diri lebih dulu; 5★ oleh panel nasional, 4★ provinsi, sampai 3★ kabupaten. Produk pangan wajib punya izin keamanan pangan yang berlaku.',
    'Production and community strength 40, marketing 25, quality 35 (Decision 148/QĐ-TTg, 2023). The group assesses itself first; 5★ by the national panel, 4★ province, up to 3★ district. Food products need a valid food-safety permit.',
    '生産と地域の力40、マーケティング25、品質35（決定148/QĐ-TTg、2023年）。まずグループが自己評価し、5★は国、4★は州、3★までは県の審査会が認定します。食品には有効な食品安全許可が必要です。',
  ),
  caveats: t(
    'Total bagian 40/25/35 sesuai Keputusan 148/QĐ-TTg; kriteria di dalam bagian, ambang bintang dan masa berlaku 36 bulan perlu dicek terhadap lampirannya. Syarat halal ditetapkan program: hapus gerbang halal bila program tidak mewajibkannya.',
    'Part totals 40/25/35 per Decision 148/QĐ-TTg; the criteria inside each part, the star bands and the 36-month validity need checking against its annex. Halal is the program’s choice: remove the halal gate where the program does not require it.',
    '各部の配点40/25/35は決定148/QĐ-TTgによります。各部の評価項目、星の区分、有効期間36か月は付属書で要確認です。ハラールはプログラムが決めます。求めない場合はハラールの条件を外してください。',
  ),
  minPublicStars: 1,
  validityMonths: 36,
  selfAssessmentRequired: true,
  parts: [
    {
      code: 'community',
      name: t('Produksi dan kekuatan komunitas', 'Production and community strength', '生産と地域の力'),
      criteria: [
        criterion('community.organisation', t('Organisasi produksi', 'Production organisation', '生産体制'), 15),
        criterion('community.inputs', t('Bahan baku', 'Raw materials', '原材料'), 10),
        criterion(
          'community.capacity',
          t('Kapasitas dan keberlanjutan', 'Capacity and continuity', '生産能力と継続性'),
          15,
        ),
      ],
    },
    {
      code: 'marketing',
      name: t('Pemasaran dan cerita produk', 'Marketing and product story', 'マーケティングと商品ストーリー'),
      criteria: [
        criterion('marketing.packaging', t('Kemasan dan label', 'Packaging and label', '包装とラベル'), 10),
        criterion('marketing.sales', t('Pemasaran', 'Marketing', 'マーケティング'), 10),
        criterion('marketing.story', t('Cerita produk', 'Product story', '商品ストーリー'), 5),
      ],
    },
    {
      code: 'quality',
      name: t('Mutu produk', 'Product quality', '製品の品質'),
      criteria: [
        criterion('quality.sensory', t('Mutu sensoris', 'Sensory quality', '官能品質'), 15),
        criterion('quality.safety', t('Keamanan pangan', 'Food safety', '食品安全'), 10),
        criterion('quality.standard', t('Standar mutu', 'Quality standards', '品質基準'), 10),
      ],
    },
  ],
  gates: [FOOD_SAFETY_PERMIT, { ...HALAL, onFail: { effect: 'cap', maxStars: 3 } }],
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
  name: t('Gaya OVOP Kemenperin', 'Kemenperin OVOP style', 'インドネシア工業省OVOP方式'),
  badgeName: t('OVOP', 'OVOP', 'OVOP'),
  description: t(
    'Bintang 1–5; bintang 1–2 adalah tingkat pembinaan dan tidak diumumkan, produk tampil "belum berbintang" di publik. Pangan wajib izin edar dan halal; izin usaha (NIB) wajib.',
    'Stars 1–5; 1–2★ are coaching tiers and are not published: the product shows as "not rated" in public. Food needs a distribution permit and halal; a business licence (NIB) is required.',
    '星は1～5。1～2★は指導段階で公表されず、公開ページでは「未評価」と表示されます。食品には流通許可とハラール、事業許可（NIB）が必要です。',
  ),
  caveats: t(
    'Bagian A sesuai sumber; bagian B, C, ambang bintang dan batas bintang bila syarat tidak terpenuhi belum terverifikasi dan dapat disesuaikan program.',
    'Section A follows the sources; sections B and C, the star thresholds and the caps for unmet requirements are unverified and program-adjustable.',
    'A部は出典どおりです。B部・C部、星の基準点、要件を満たさない場合の上限は未確認で、プログラムで調整できます。',
  ),
  minPublicStars: 3,
  validityMonths: 24,
  selfAssessmentRequired: true,
  parts: [
    {
      code: 'a',
      name: t(
        'A. Produksi dan pengembangan masyarakat',
        'A. Production and community development',
        'A. 生産と地域づくり',
      ),
      criteria: [
        criterion('a.production.raw_materials', t('Bahan baku', 'Raw materials', '原材料'), 3, oneToThree),
        criterion('a.production.process', t('Proses produksi', 'Production process', '製造工程'), 3, oneToThree),
        criterion('a.production.equipment', t('Peralatan', 'Equipment', '設備'), 3, oneToThree),
        criterion('a.production.capacity', t('Kapasitas produksi', 'Production capacity', '生産能力'), 3, oneToThree),
        criterion(
          'a.production.hygiene',
          t('Higiene dan sanitasi', 'Hygiene and sanitation', '衛生管理'),
          3,
          oneToThree,
        ),
        criterion('a.product_dev.innovation', t('Inovasi produk', 'Product innovation', '商品の革新'), 3, oneToThree),
        criterion(
          'a.product_dev.design',
          t('Desain dan kemasan', 'Design and packaging', 'デザインと包装'),
          3,
          oneToThree,
        ),
        criterion('a.community.workforce', t('Tenaga kerja lokal', 'Local workforce', '地元の雇用'), 3, oneToThree),
        criterion('a.community.partnership', t('Kemitraan', 'Partnerships', '連携'), 3, oneToThree),
        criterion('a.community.benefit', t('Manfaat bagi desa', 'Benefit to the village', '村への貢献'), 3, oneToThree),
      ],
    },
    {
      code: 'b',
      name: t('B. Pemasaran', 'B. Marketing', 'B. マーケティング'),
      placeholder: true,
      criteria: [
        criterion('b.market_reach', t('Jangkauan pasar', 'Market reach', '販路の広がり'), 15, oneToThree),
        criterion('b.branding', t('Merek dan promosi', 'Brand and promotion', 'ブランドと販促'), 20, oneToThree),
      ],
    },
    {
      code: 'c',
      name: t('C. Mutu dan daya saing', 'C. Quality and competitiveness', 'C. 品質と競争力'),
      placeholder: true,
      criteria: [
        criterion('c.quality', t('Mutu produk', 'Product quality', '製品の品質'), 20, oneToThree),
        criterion('c.uniqueness', t('Keunikan lokal', 'Local uniqueness', '地域の独自性'), 15, oneToThree),
      ],
    },
  ],
  gates: [
    { ...FOOD_SAFETY_PERMIT, code: 'distribution_permit', onFail: { effect: 'cap', maxStars: 4 } },
    { ...HALAL, onFail: { effect: 'cap', maxStars: 4 } },
    {
      code: 'business_licence',
      name: t('Izin usaha (NIB)', 'Business licence (NIB)', '事業許可（NIB）'),
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

/** A template's id by its key, or undefined. */
export const schemeTemplateId = (key: string): string | undefined => SCHEME_TEMPLATES.find((t) => t.key === key)?.id;

import { EXPORT_LANGS } from '../../../shared/schemas/impact.js';
import { localizedLabels } from '../../documents/index.js';

/** The words of the impact exports (CSV, XLSX, the PDF report), in the platform's three languages. */
export type ExportLang = (typeof EXPORT_LANGS)[number];

const LABELS = {
  areaCode: { id: 'Kode wilayah', en: 'Area code', ja: '地域コード' },
  areaName: { id: 'Wilayah', en: 'Area', ja: '地域' },
  period: { id: 'Periode', en: 'Period', ja: '期間' },
  value: { id: 'Nilai', en: 'Value', ja: '値' },
  currency: { id: 'Mata uang', en: 'Currency', ja: '通貨' },
  wholeCountry: { id: 'Seluruh negeri', en: 'Whole country', ja: '全国' },
  data: { id: 'Data', en: 'Data', ja: 'データ' },
  notes: { id: 'Catatan', en: 'Notes', ja: '注記' },
  indicator: { id: 'Indikator', en: 'Indicator', ja: '指標' },
  definition: { id: 'Definisi', en: 'Definition', ja: '定義' },
  unit: { id: 'Satuan', en: 'Unit', ja: '単位' },
  level: { id: 'Tingkat wilayah', en: 'Area level', ja: '地域の階層' },
  every: { id: 'Rincian waktu', en: 'Series', ja: '時系列' },
  breakdown: { id: 'Rincian', en: 'Breakdown', ja: '内訳' },
  program: { id: 'Program', en: 'Program', ja: 'プログラム' },
  made: { id: 'Dibuat', en: 'Made', ja: '作成日' },
  suppression: { id: 'Penyamaran', en: 'Suppression', ja: '秘匿' },
  suppressedPublic: {
    id: 'Jumlah orang di bawah {n} ditampilkan sebagai "<{n}": sel sekecil itu dapat menunjuk seseorang. Bila sebuah rincian hanya punya satu sel seperti itu, sel terkecil berikutnya ditampilkan sebagai "x", agar totalnya tidak membukanya.',
    en: 'Counts of people below {n} are shown as "<{n}": a cell that small could point at a person. When a breakdown has only one such cell, its next smallest cell is shown as "x", so that the total cannot reveal it.',
    ja: '{n} 人未満の人数は「<{n}」と表示します。それほど小さな数は個人を特定しうるためです。内訳にそのような欄が一つしかないときは、合計から逆算されないよう、次に小さい欄も「x」と表示します。',
  },
  suppressedNone: {
    id: 'Angka dihitung dalam wilayah kewenangan Anda dan tidak disamarkan; halaman publik menampilkan jumlah orang di bawah {n} sebagai "<{n}".',
    en: 'Figures are counted within your access and nothing is suppressed; the public page shows counts of people below {n} as "<{n}".',
    ja: '数値はあなたの権限の範囲で数えたもので、秘匿していません。公開ページでは {n} 人未満の人数を「<{n}」と表示します。',
  },
  impactReport: { id: 'Laporan Dampak', en: 'Impact Report', ja: 'インパクト報告書' },
  indicators: { id: 'Indikator dan target', en: 'Indicators and targets', ja: '指標と目標' },
  baseline: { id: 'Data dasar', en: 'Baseline', ja: 'ベースライン' },
  target: { id: 'Target', en: 'Target', ja: '目標' },
  progress: { id: 'Kemajuan', en: 'Progress', ja: '進捗' },
  status: { id: 'Status', en: 'Status', ja: '状況' },
  noTarget: { id: 'tanpa target', en: 'no target', ja: '目標なし' },
  monthly: { id: 'Per bulan', en: 'By month', ja: '月別' },
  bySex: { id: 'Menurut jenis kelamin', en: 'By sex', ja: '性別' },
  definitions: { id: 'Definisi indikator', en: 'Indicator definitions', ja: '指標の定義' },
  area: { id: 'Wilayah', en: 'Area', ja: '地域' },
  'status.not_started': { id: 'Belum dimulai', en: 'Not started', ja: '未着手' },
  'status.on_track': { id: 'Sesuai rencana', en: 'On track', ja: '順調' },
  'status.at_risk': { id: 'Berisiko', en: 'At risk', ja: '遅れ気味' },
  'status.off_track': { id: 'Tertinggal', en: 'Off track', ja: '遅れ' },
  'status.met': { id: 'Tercapai', en: 'Met', ja: '達成' },
  'status.missed': { id: 'Tidak tercapai', en: 'Missed', ja: '未達成' },
  'sex.female': { id: 'Perempuan', en: 'Women', ja: '女性' },
  'sex.male': { id: 'Laki-laki', en: 'Men', ja: '男性' },
  'sex.unknown': { id: 'Tidak diketahui', en: 'Unknown', ja: '不明' },
  'unit.people': { id: 'orang', en: 'people', ja: '人' },
  'unit.groups': { id: 'kelompok', en: 'groups', ja: 'グループ' },
  'unit.villages': { id: 'desa', en: 'villages', ja: '村' },
  'unit.products': { id: 'produk', en: 'products', ja: '商品' },
  'unit.money': { id: 'uang', en: 'money', ja: '金額' },
  'unit.money_per_member': { id: 'uang per anggota', en: 'money per member', ja: '会員 1 人あたりの金額' },
  'unit.sessions': { id: 'sesi', en: 'sessions', ja: 'セッション' },
  'unit.hours': { id: 'jam', en: 'hours', ja: '時間' },
  'every.none': { id: 'satu nilai', en: 'one value', ja: '一つの値' },
  'every.month': { id: 'per bulan', en: 'by month', ja: '月別' },
  'every.quarter': { id: 'per triwulan', en: 'by quarter', ja: '四半期別' },
  'every.year': { id: 'per tahun', en: 'by year', ja: '年別' },
  'dim.sex': { id: 'Jenis kelamin', en: 'Sex', ja: '性別' },
  'dim.age_band': { id: 'Kelompok umur', en: 'Age band', ja: '年齢層' },
  'dim.disability': { id: 'Disabilitas', en: 'Disability', ja: '障害' },
  'dim.kind': { id: 'Jenis', en: 'Kind', ja: '種類' },
  'dim.status': { id: 'Status', en: 'Status', ja: '状態' },
  'dim.stars': { id: 'Bintang', en: 'Stars', ja: '星' },
  'dim.market': { id: 'Pasar', en: 'Market', ja: '市場' },
  'dim.channel': { id: 'Saluran', en: 'Channel', ja: '販売経路' },
  'dim.destination': { id: 'Tujuan', en: 'Destination', ja: '仕向け先' },
  'dim.condition': { id: 'Syarat naik kelas', en: 'Naik kelas condition', ja: 'クラスアップの条件' },
} as const satisfies Record<string, Record<ExportLang, string>>;

const words = localizedLabels(LABELS);

export const label = words.label;

/** A dynamic key (`status.on_track`, `dim.sex`): its words, or the key's last part when there are none. */
export const labelOf = (key: string, lang: ExportLang) => words.labelOr(key, lang, key.split('.').pop()!);

/** The asked language: `lang`, else the best of Accept-Language the platform writes, else Indonesian. */
export function exportLang(asked: ExportLang | undefined, acceptLanguage: string | undefined): ExportLang {
  if (asked) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q) };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return (ranked.find((x) => (EXPORT_LANGS as readonly string[]).includes(x.lang))?.lang as ExportLang) ?? 'id';
}

/** "id-ID", "en-GB", "ja-JP": how each language writes numbers and dates. */
export const LOCALE_TAG: Record<ExportLang, string> = { id: 'id-ID', en: 'en-GB', ja: 'ja-JP' };

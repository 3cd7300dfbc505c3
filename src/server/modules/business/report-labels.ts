/** The words printed on the statements and notes, in the platform's three languages. */
export type ReportLocale = 'id' | 'en' | 'ja';

const LABELS = {
  statements: { id: 'Laporan Keuangan', en: 'Financial Statements', ja: '財務諸表' },
  position: { id: 'Laporan Posisi Keuangan', en: 'Statement of Financial Position', ja: '財政状態計算書' },
  income: { id: 'Laporan Laba Rugi', en: 'Income Statement', ja: '損益計算書' },
  notes: { id: 'Catatan atas Laporan Keuangan', en: 'Notes to the Financial Statements', ja: '財務諸表注記' },
  at: { id: 'Per tanggal', en: 'As at', ja: '基準日' },
  period: { id: 'Periode', en: 'Period', ja: '期間' },
  assets: { id: 'Aset', en: 'Assets', ja: '資産' },
  liabilities: { id: 'Liabilitas', en: 'Liabilities', ja: '負債' },
  equity: { id: 'Ekuitas', en: 'Equity', ja: '純資産' },
  totalAssets: { id: 'Jumlah aset', en: 'Total assets', ja: '資産合計' },
  totalLiabilities: { id: 'Jumlah liabilitas', en: 'Total liabilities', ja: '負債合計' },
  totalEquity: { id: 'Jumlah ekuitas', en: 'Total equity', ja: '純資産合計' },
  totalLiabilitiesAndEquity: {
    id: 'Jumlah liabilitas dan ekuitas',
    en: 'Total liabilities and equity',
    ja: '負債・純資産合計',
  },
  grossProfit: { id: 'Laba kotor', en: 'Gross profit', ja: '売上総利益' },
  profit: { id: 'Laba (rugi) bersih', en: 'Profit (loss) for the period', ja: '当期純損益' },
  account: { id: 'Akun', en: 'Account', ja: '勘定科目' },
  amount: { id: 'Jumlah', en: 'Amount', ja: '金額' },
  line: { id: 'Pos', en: 'Line', ja: '項目' },
  // Lines of the statements (SAK EMKM).
  cash_and_equivalents: { id: 'Kas dan setara kas', en: 'Cash and cash equivalents', ja: '現金及び現金同等物' },
  receivables: { id: 'Piutang usaha', en: 'Trade receivables', ja: '売上債権' },
  inventory: { id: 'Persediaan', en: 'Inventory', ja: '棚卸資産' },
  fixed_assets: { id: 'Aset tetap', en: 'Fixed assets', ja: '有形固定資産' },
  other_assets: { id: 'Aset lain', en: 'Other assets', ja: 'その他の資産' },
  trade_payables: { id: 'Utang usaha', en: 'Trade payables', ja: '仕入債務' },
  bank_loans: { id: 'Utang bank', en: 'Bank loans', ja: '銀行借入金' },
  other_liabilities: { id: 'Liabilitas lain', en: 'Other liabilities', ja: 'その他の負債' },
  accumulated_profit: { id: 'Laba (rugi) belum dibagi', en: 'Undistributed profit (loss)', ja: '未処分損益' },
  revenue: { id: 'Pendapatan', en: 'Revenue', ja: '売上高' },
  other_income: { id: 'Pendapatan lain-lain', en: 'Other income', ja: 'その他の収益' },
  cost_of_goods: { id: 'Harga pokok penjualan', en: 'Cost of goods sold', ja: '売上原価' },
  expenses: { id: 'Beban', en: 'Expenses', ja: '費用' },
  // Notes.
  entity: { id: 'Umum', en: 'General', ja: '概要' },
  compliance: { id: 'Pernyataan kepatuhan', en: 'Statement of compliance', ja: '準拠する基準' },
  basis: { id: 'Dasar penyusunan', en: 'Basis of preparation', ja: '作成の基礎' },
  policies: { id: 'Kebijakan akuntansi', en: 'Accounting policies', ja: '会計方針' },
  details: { id: 'Rincian pos', en: 'Details of lines', ja: '科目の内訳' },
  // Sheet names (a workbook allows 31 characters).
  sheetPosition: { id: 'Posisi Keuangan', en: 'Financial Position', ja: '財政状態計算書' },
  sheetIncome: { id: 'Laba Rugi', en: 'Income Statement', ja: '損益計算書' },
  sheetNotes: { id: 'Catatan', en: 'Notes', ja: '注記' },
  // Kinds of producer group.
  women_group: { id: 'kelompok wanita', en: "women's group", ja: '女性グループ' },
  cooperative: { id: 'koperasi', en: 'cooperative', ja: '協同組合' },
  bumdes: { id: 'BUMDes', en: 'village-owned enterprise (BUMDes)', ja: '村営企業（BUMDes）' },
  farmer_group: { id: 'kelompok tani', en: 'farmer group', ja: '農業者グループ' },
  enterprise: { id: 'usaha perorangan', en: 'individual enterprise', ja: '個人事業' },
} as const satisfies Record<string, Record<ReportLocale, string>>;

export const label = (key: string, locale: ReportLocale): string =>
  (LABELS as Record<string, Record<ReportLocale, string>>)[key]?.[locale] ?? key;

/** The fixed paragraphs of the notes; the entity's own facts are filled in. */
export function noteTexts(
  locale: ReportLocale,
  f: { group: string; kind: string; village: string; nib: string | null; currency: string },
) {
  const texts = {
    id: {
      entity: `${f.group} adalah kelompok usaha (${f.kind}) di ${f.village}${f.nib ? `, NIB ${f.nib}` : ''}.`,
      compliance:
        'Laporan keuangan ini disusun sesuai Standar Akuntansi Keuangan Entitas Mikro, Kecil, dan Menengah (SAK EMKM).',
      basis: `Laporan disusun dengan dasar akrual dan konsep biaya historis, dalam mata uang ${f.currency}.`,
      policies: [
        'Pendapatan diakui saat barang diserahkan kepada pembeli.',
        'Persediaan dicatat sebesar biaya perolehan (harga pokok produksi).',
        'Aset tetap dicatat sebesar biaya perolehan dikurangi akumulasi penyusutan.',
        'Kesalahan tidak dihapus; dikoreksi dengan jurnal pembalik.',
      ],
    },
    en: {
      entity: `${f.group} is a producer group (${f.kind}) in ${f.village}${f.nib ? `, NIB ${f.nib}` : ''}.`,
      compliance:
        'These financial statements are prepared in accordance with the Indonesian Financial Accounting Standards for Micro, Small and Medium Entities (SAK EMKM).',
      basis: `They are prepared on the accrual basis under the historical cost convention, in ${f.currency}.`,
      policies: [
        'Revenue is recognised when goods are delivered to the buyer.',
        'Inventory is measured at cost (cost of production).',
        'Fixed assets are measured at cost less accumulated depreciation.',
        'Errors are never erased; they are corrected by reversing entries.',
      ],
    },
    ja: {
      entity: `${f.group}は${f.village}の生産者グループ（${f.kind}）です${f.nib ? `（NIB ${f.nib}）` : ''}。`,
      compliance: '本財務諸表は、インドネシアの中小零細企業向け財務会計基準（SAK EMKM）に準拠して作成しています。',
      basis: `発生主義および取得原価主義により、${f.currency}建てで作成しています。`,
      policies: [
        '収益は商品を買い手に引き渡した時点で認識します。',
        '棚卸資産は取得原価（製造原価）で測定します。',
        '有形固定資産は取得原価から減価償却累計額を控除して測定します。',
        '誤りは削除せず、反対仕訳によって訂正します。',
      ],
    },
  } satisfies Record<ReportLocale, unknown>;
  return texts[locale];
}

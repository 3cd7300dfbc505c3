import { localizedLabels, type DocLang } from '../../documents/index.js';

/** The words printed on the statements and notes, in the platform's three languages. */
export type ReportLocale = DocLang;

const LABELS = {
  statements: { id: 'Laporan Keuangan', en: 'Financial Statements', ja: '財務諸表' },
  position: { id: 'Laporan Posisi Keuangan', en: 'Statement of Financial Position', ja: '財政状態計算書' },
  income: { id: 'Laporan Laba Rugi', en: 'Income Statement', ja: '損益計算書' },
  notes: { id: 'Catatan atas Laporan Keuangan', en: 'Notes to the Financial Statements', ja: '財務諸表注記' },
  at: { id: 'Per tanggal', en: 'As at', ja: '基準日' },
  period: { id: 'Periode', en: 'Period', ja: '期間' },
  assets: { id: 'Aset', en: 'Assets', ja: '資産' },
  liabilities: { id: 'Liabilitas', en: 'Liabilities', ja: '負債' },
  equitySection: { id: 'Ekuitas', en: 'Equity', ja: '純資産' },
  totalAssets: { id: 'Jumlah aset', en: 'Total assets', ja: '資産合計' },
  totalLiabilities: { id: 'Jumlah liabilitas', en: 'Total liabilities', ja: '負債合計' },
  totalEquity: { id: 'Jumlah ekuitas', en: 'Total equity', ja: '純資産合計' },
  totalLiabilitiesAndEquity: {
    id: 'Jumlah liabilitas dan ekuitas',
    en: 'Total liabilities and equity',
    ja: '負債・純資産合計',
  },
  grossProfit: { id: 'Laba kotor', en: 'Gross profit', ja: '売上総利益' },
  profitBeforeTax: { id: 'Laba (rugi) sebelum pajak', en: 'Profit (loss) before tax', ja: '税引前当期純損益' },
  profit: { id: 'Laba (rugi) bersih', en: 'Profit (loss) for the period', ja: '当期純損益' },
  profitShu: { id: 'Sisa hasil usaha (SHU)', en: 'Surplus for the period (SHU)', ja: '当期剰余金（SHU）' },
  previous: { id: 'Tahun lalu', en: 'Prior year', ja: '前年' },
  preparedBy: { id: 'Disusun oleh', en: 'Prepared by', ja: '作成者' },
  approvedBy: { id: 'Disetujui oleh', en: 'Approved by', ja: '承認者' },
  treasurer: { id: 'Bendahara', en: 'Treasurer', ja: '会計担当' },
  chair: { id: 'Ketua', en: 'Chair', ja: '代表' },
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
  member_savings: { id: 'Simpanan sukarela anggota', en: "Members' voluntary savings", ja: '任意出資預り金' },
  shu_funds: { id: 'Dana SHU belum dibayar', en: 'SHU allotted, not yet paid', ja: '未払剰余金分配' },
  other_liabilities: { id: 'Liabilitas lain', en: 'Other liabilities', ja: 'その他の負債' },
  equity: { id: 'Modal', en: "Owners' capital", ja: '出資金' },
  principal_savings: { id: 'Simpanan pokok', en: "Members' principal savings", ja: '基本出資金' },
  mandatory_savings: { id: 'Simpanan wajib', en: "Members' mandatory savings", ja: '義務出資金' },
  drawings: { id: 'Prive', en: "Owners' drawings", ja: '引出金' },
  reserves: { id: 'Cadangan', en: 'Reserves', ja: '積立金' },
  retained_earnings: { id: 'Saldo laba', en: 'Retained earnings', ja: '利益剰余金' },
  undistributed_shu: { id: 'SHU belum dibagi', en: 'Undistributed SHU', ja: '未分配剰余金' },
  current_profit: { id: 'Laba tahun berjalan', en: 'Profit for the year to date', ja: '当期純利益' },
  current_shu: { id: 'SHU tahun berjalan', en: 'SHU for the year to date', ja: '当期剰余金' },
  revenue: { id: 'Pendapatan', en: 'Revenue', ja: '売上高' },
  other_income: { id: 'Pendapatan lain-lain', en: 'Other income', ja: 'その他の収益' },
  cost_of_goods: { id: 'Beban pokok penjualan', en: 'Cost of goods sold', ja: '売上原価' },
  expenses: { id: 'Beban usaha', en: 'Operating expenses', ja: '販売費及び一般管理費' },
  finance_costs: { id: 'Beban keuangan', en: 'Finance costs', ja: '支払利息等' },
  tax_expense: { id: 'Beban pajak', en: 'Tax expense', ja: '法人税等' },
  // Notes.
  entity: { id: 'Umum', en: 'General', ja: '概要' },
  compliance: { id: 'Pernyataan kepatuhan', en: 'Statement of compliance', ja: '準拠する基準' },
  basis: { id: 'Dasar penyusunan', en: 'Basis of preparation', ja: '作成の基礎' },
  policies: { id: 'Kebijakan akuntansi', en: 'Accounting policies', ja: '会計方針' },
  incomeDetails: { id: 'Rincian laba rugi', en: 'Details of the income statement', ja: '損益の内訳' },
  details: { id: 'Rincian pos', en: 'Details of lines', ja: '科目の内訳' },
  // The cash book.
  cashBook: { id: 'Buku Kas', en: 'Cash Book', ja: '現金出納帳' },
  month: { id: 'Bulan', en: 'Month', ja: '月' },
  accountsShown: { id: 'Akun', en: 'Accounts', ja: '勘定' },
  date: { id: 'Tanggal', en: 'Date', ja: '日付' },
  description: { id: 'Keterangan', en: 'Description', ja: '摘要' },
  moneyIn: { id: 'Masuk', en: 'In', ja: '入金' },
  moneyOut: { id: 'Keluar', en: 'Out', ja: '出金' },
  balance: { id: 'Saldo', en: 'Balance', ja: '残高' },
  opening: { id: 'Saldo awal', en: 'Opening balance', ja: '前月繰越' },
  closing: { id: 'Saldo akhir', en: 'Closing balance', ja: '次月繰越' },
  totals: { id: 'Jumlah', en: 'Totals', ja: '合計' },
  'kind.cash_sale': { id: 'Penjualan tunai', en: 'Cash sale', ja: '現金売上' },
  'kind.credit_sale': { id: 'Penjualan kredit', en: 'Credit sale', ja: '掛売上' },
  'kind.payment_received': { id: 'Terima pembayaran', en: 'Payment received', ja: '売掛金回収' },
  'kind.material_purchase': { id: 'Beli bahan', en: 'Materials bought', ja: '材料仕入' },
  'kind.production': { id: 'Produksi', en: 'Production', ja: '製造' },
  'kind.expense': { id: 'Biaya', en: 'Expense', ja: '経費' },
  'kind.supplier_paid': { id: 'Bayar pemasok', en: 'Supplier paid', ja: '買掛金支払' },
  'kind.owner_capital': { id: 'Setoran modal', en: 'Capital paid in', ja: '出資' },
  'kind.owner_drawing': { id: 'Ambil prive', en: 'Drawing', ja: '引出し' },
  'kind.loan_received': { id: 'Terima pinjaman', en: 'Loan received', ja: '借入' },
  'kind.loan_repaid': { id: 'Bayar cicilan', en: 'Loan repaid', ja: '借入金返済' },
  'kind.asset_bought': { id: 'Beli alat', en: 'Equipment bought', ja: '設備購入' },
  'kind.journal': { id: 'Jurnal manual', en: 'Journal entry', ja: '振替伝票' },
  'kind.reversal': { id: 'Pembatalan', en: 'Reversal', ja: '取消' },
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
  gapoktan: { id: 'Gapoktan', en: 'farmer group association (Gapoktan)', ja: '農業者グループ連合（Gapoktan）' },
  kub: { id: 'KUB', en: 'joint business group (KUB)', ja: '共同事業グループ（KUB）' },
  pokdarwis: { id: 'Pokdarwis', en: 'tourism awareness group (Pokdarwis)', ja: '観光振興グループ（Pokdarwis）' },
} as const satisfies Record<string, Record<ReportLocale, string>>;

const words = localizedLabels(LABELS);

/** A line's or a heading's words; a key with none (an account's own code) is printed as it is. */
export const label = (key: string, locale: ReportLocale): string => words.labelOr(key, locale, key);

/** The fixed paragraphs of the notes; the entity's own facts are filled in. */
export function noteTexts(
  locale: ReportLocale,
  f: {
    group: string;
    kind: string;
    village: string;
    nib: string | null;
    currency: string;
    cooperative: boolean;
    /** A cooperative whose country's pack has no cooperative chart: its books are the micro chart's. */
    microChartCooperative: boolean;
  },
) {
  const texts = {
    id: {
      entity: `${f.group} adalah kelompok usaha (${f.kind}) di ${f.village}${f.nib ? `, NIB ${f.nib}` : ''}.`,
      compliance:
        'Laporan keuangan ini disusun sesuai Standar Akuntansi Keuangan Entitas Mikro, Kecil, dan Menengah (SAK EMKM).',
      basis: `Laporan disusun dengan dasar akrual dan konsep biaya historis, dalam mata uang ${f.currency}. Tahun buku adalah tahun kalender; angka tahun lalu disajikan sebagai pembanding.`,
      policies: [
        'Pendapatan diakui saat barang diserahkan kepada pembeli.',
        f.cooperative
          ? 'Simpanan pokok dan simpanan wajib anggota disajikan sebagai ekuitas; simpanan sukarela sebagai liabilitas. SHU tahun-tahun sebelumnya yang belum dibagi disajikan sebagai SHU belum dibagi; pembagian SHU yang diputuskan rapat anggota menjadi liabilitas sampai dibayar.'
          : 'Laba tahun-tahun sebelumnya disajikan sebagai saldo laba; laba tahun buku berjalan disajikan tersendiri.',
        ...(f.microChartCooperative
          ? [
              'Koperasi ini memakai bagan akun usaha mikro negaranya (paket negara tidak memuat bagan koperasi): modal anggota disajikan sebagai modal, tanpa simpanan pokok, simpanan wajib, atau SHU.',
            ]
          : []),
        'Beban pajak adalah pajak penghasilan yang dibayar untuk periode ini; usaha yang memakai PPh final UMKM membayar 0,5% dari omzet bruto (PP 55/2022).',
        'Persediaan dicatat sebesar biaya perolehan (harga pokok produksi).',
        'Aset tetap dicatat sebesar biaya perolehan dikurangi akumulasi penyusutan.',
        'Kesalahan tidak dihapus; dikoreksi dengan jurnal pembalik.',
      ],
    },
    en: {
      entity: `${f.group} is a producer group (${f.kind}) in ${f.village}${f.nib ? `, NIB ${f.nib}` : ''}.`,
      compliance:
        'These financial statements are prepared in accordance with the Indonesian Financial Accounting Standards for Micro, Small and Medium Entities (SAK EMKM).',
      basis: `They are prepared on the accrual basis under the historical cost convention, in ${f.currency}. The financial year is the calendar year; the prior year's figures are shown for comparison.`,
      policies: [
        'Revenue is recognised when goods are delivered to the buyer.',
        f.cooperative
          ? "Members' principal and mandatory savings are presented as equity; voluntary savings as a liability. SHU of prior years not yet distributed is shown as undistributed SHU; a distribution decided by the members' meeting is a liability until paid."
          : 'Profit of prior years is presented as retained earnings; profit of the current year is shown on its own line.',
        ...(f.microChartCooperative
          ? [
              "This cooperative keeps its country's micro-entity chart (the country pack has no cooperative chart): members' capital is presented as owners' capital, without principal or mandatory savings or SHU.",
            ]
          : []),
        'The tax expense is the income tax paid for the period; a business under the UMKM final tax pays 0.5% of gross turnover (PP 55/2022).',
        'Inventory is measured at cost (cost of production).',
        'Fixed assets are measured at cost less accumulated depreciation.',
        'Errors are never erased; they are corrected by reversing entries.',
      ],
    },
    ja: {
      entity: `${f.group}は${f.village}の生産者グループ（${f.kind}）です${f.nib ? `（NIB ${f.nib}）` : ''}。`,
      compliance: '本財務諸表は、インドネシアの中小零細企業向け財務会計基準（SAK EMKM）に準拠して作成しています。',
      basis: `発生主義および取得原価主義により、${f.currency}建てで作成しています。会計年度は暦年とし、前年の数値を比較情報として表示しています。`,
      policies: [
        '収益は商品を買い手に引き渡した時点で認識します。',
        f.cooperative
          ? '組合員の基本出資金および義務出資金は純資産、任意出資預り金は負債として表示します。前期までの未分配剰余金は純資産に表示し、総会で決議された剰余金分配は支払まで負債とします。'
          : '前期までの利益は利益剰余金として表示し、当期の利益は別行で表示します。',
        ...(f.microChartCooperative
          ? [
              '本組合は国別パックに協同組合用の勘定科目表がないため、その国の零細企業用勘定科目表を用いています。組合員の出資は出資金として表示し、基本出資金・義務出資金・剰余金分配の区分はありません。',
            ]
          : []),
        '法人税等は当期について納付した所得税です。UMKM最終課税を選んだ事業者は総売上高の0.5%を納付します（PP 55/2022）。',
        '棚卸資産は取得原価（製造原価）で測定します。',
        '有形固定資産は取得原価から減価償却累計額を控除して測定します。',
        '誤りは削除せず、反対仕訳によって訂正します。',
      ],
    },
  } satisfies Record<ReportLocale, unknown>;
  return texts[locale];
}

/**
 * Charts of accounts a group's books start from, per country. Indonesia follows SAK EMKM (effective
 * 1 January 2018): the statement of financial position needs at least cash and equivalents,
 * receivables, inventory, fixed assets, trade payables, bank loans and equity; numbering is the
 * common UMKM scheme 1-xxx assets, 2-xxx liabilities, 3-xxx equity, 4-xxx revenue, 5-xxx cost of
 * goods, 6-xxx expenses. Other countries get the same structure until a template of their own is
 * added here.
 */
export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'cost_of_goods', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** The class an account belongs to, from the first digit of its code. */
export const typeOfCode = (code: string): AccountType => ACCOUNT_TYPES[Number(code[0]) - 1]!;

/**
 * Lines of the SAK EMKM statements that accounts add up into, in the order they are printed.
 * Equity shows capital (`equity`, printed "Modal"), drawings, and retained earnings apart; a
 * cooperative shows its members' principal and mandatory savings and its reserves instead of capital
 * and drawings. Profit of the current year is not an account: the statements add it at read time.
 */
export const POSITION_LINES = {
  asset: ['cash_and_equivalents', 'receivables', 'inventory', 'fixed_assets', 'other_assets'],
  liability: ['trade_payables', 'bank_loans', 'member_savings', 'shu_funds', 'other_liabilities'],
  equity: [
    'equity',
    'principal_savings',
    'mandatory_savings',
    'drawings',
    'reserves',
    'retained_earnings',
    'undistributed_shu',
  ],
} as const;
/**
 * The income statement's lines (SAK EMKM): revenue less cost of goods sold is gross profit; other
 * income, operating expenses by nature (`expenses`, "Beban usaha") and finance costs give profit
 * before tax; the tax expense (the UMKM final tax, docs/books-tax.md) gives profit for the period.
 */
export const INCOME_LINES = [
  'revenue',
  'cost_of_goods',
  'other_income',
  'expenses',
  'finance_costs',
  'tax_expense',
] as const;
export type StatementLine =
  (typeof POSITION_LINES)[keyof typeof POSITION_LINES][number] | (typeof INCOME_LINES)[number];

/** The accounts simple transactions post to. */
export const ACCOUNT_ROLES = [
  'cash',
  'bank',
  'receivables',
  'materials',
  'finished_goods',
  'equipment',
  'accumulated_depreciation',
  'payables',
  'tax_payable',
  'bank_loans',
  'owner_capital',
  'drawings',
  'retained_earnings',
  'sales',
  'other_income',
  'cost_of_goods',
  'wages',
  'utilities',
  'transport',
  'packaging_marketing',
  'rent',
  'interest',
  'depreciation',
  'other_expenses',
  'labour_absorbed',
  'overhead_absorbed',
  'inventory_loss',
  'income_tax',
  'principal_savings',
  'mandatory_savings',
  'voluntary_savings',
  'reserves',
  'shu_funds',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export interface TemplateAccount {
  code: string;
  role: AccountRole;
  line: StatementLine;
  contra?: boolean;
  name: { id: string; en: string; ja: string };
}

const INDONESIA: TemplateAccount[] = [
  { code: '1-101', role: 'cash', line: 'cash_and_equivalents', name: { id: 'Kas', en: 'Cash', ja: '現金' } },
  { code: '1-102', role: 'bank', line: 'cash_and_equivalents', name: { id: 'Bank', en: 'Bank', ja: '預金' } },
  {
    code: '1-201',
    role: 'receivables',
    line: 'receivables',
    name: { id: 'Piutang usaha', en: 'Trade receivables', ja: '売掛金' },
  },
  {
    code: '1-301',
    role: 'materials',
    line: 'inventory',
    name: { id: 'Persediaan bahan baku', en: 'Raw materials', ja: '原材料' },
  },
  {
    code: '1-302',
    role: 'finished_goods',
    line: 'inventory',
    name: { id: 'Persediaan barang jadi', en: 'Finished goods', ja: '製品' },
  },
  { code: '1-401', role: 'equipment', line: 'fixed_assets', name: { id: 'Peralatan', en: 'Equipment', ja: '設備' } },
  {
    code: '1-402',
    role: 'accumulated_depreciation',
    line: 'fixed_assets',
    contra: true,
    name: { id: 'Akumulasi penyusutan peralatan', en: 'Accumulated depreciation', ja: '減価償却累計額' },
  },
  {
    code: '2-101',
    role: 'payables',
    line: 'trade_payables',
    name: { id: 'Utang usaha', en: 'Trade payables', ja: '買掛金' },
  },
  {
    code: '2-102',
    role: 'tax_payable',
    line: 'other_liabilities',
    name: { id: 'Utang pajak (PPh final)', en: 'Tax payable (final income tax)', ja: '未払法人税等（最終課税）' },
  },
  {
    code: '2-201',
    role: 'bank_loans',
    line: 'bank_loans',
    name: { id: 'Utang bank', en: 'Bank loans', ja: '銀行借入金' },
  },
  { code: '3-101', role: 'owner_capital', line: 'equity', name: { id: 'Modal', en: "Owners' capital", ja: '出資金' } },
  {
    code: '3-102',
    role: 'drawings',
    line: 'drawings',
    contra: true,
    name: { id: 'Prive', en: "Owners' drawings", ja: '引出金' },
  },
  {
    code: '3-201',
    role: 'retained_earnings',
    line: 'retained_earnings',
    name: { id: 'Saldo laba', en: 'Retained earnings', ja: '利益剰余金' },
  },
  { code: '4-101', role: 'sales', line: 'revenue', name: { id: 'Penjualan', en: 'Sales', ja: '売上高' } },
  {
    code: '4-201',
    role: 'other_income',
    line: 'other_income',
    name: { id: 'Pendapatan lain-lain', en: 'Other income', ja: '雑収入' },
  },
  {
    code: '5-101',
    role: 'cost_of_goods',
    line: 'cost_of_goods',
    name: { id: 'Harga pokok penjualan', en: 'Cost of goods sold', ja: '売上原価' },
  },
  { code: '6-101', role: 'wages', line: 'expenses', name: { id: 'Beban upah', en: 'Wages', ja: '給料賃金' } },
  {
    code: '6-102',
    role: 'utilities',
    line: 'expenses',
    name: { id: 'Beban listrik, air dan telepon', en: 'Utilities', ja: '水道光熱費・通信費' },
  },
  {
    code: '6-103',
    role: 'transport',
    line: 'expenses',
    name: { id: 'Beban transportasi', en: 'Transport', ja: '運賃' },
  },
  {
    code: '6-104',
    role: 'packaging_marketing',
    line: 'expenses',
    name: { id: 'Beban kemasan dan pemasaran', en: 'Packaging and marketing', ja: '包装・販売促進費' },
  },
  { code: '6-105', role: 'rent', line: 'expenses', name: { id: 'Beban sewa', en: 'Rent', ja: '賃借料' } },
  {
    code: '6-106',
    role: 'interest',
    line: 'finance_costs',
    name: { id: 'Beban bunga', en: 'Interest', ja: '支払利息' },
  },
  {
    code: '6-107',
    role: 'depreciation',
    line: 'expenses',
    name: { id: 'Beban penyusutan', en: 'Depreciation', ja: '減価償却費' },
  },
  {
    code: '6-199',
    role: 'other_expenses',
    line: 'expenses',
    name: { id: 'Beban lain-lain', en: 'Other expenses', ja: '雑費' },
  },
  // Perpetual inventory (issue 13): a production run absorbs direct labour and factory overhead
  // into finished goods at the batch's cost; these contra accounts carry what was absorbed. They sit
  // under operating expenses, beside the wages and overhead they offset, so that cost of goods sold
  // shows the goods' full cost when they are sold and gross profit is never above revenue.
  {
    code: '5-201',
    role: 'labour_absorbed',
    line: 'expenses',
    contra: true,
    name: { id: 'Tenaga kerja langsung dibebankan ke produk', en: 'Direct labour absorbed', ja: '直接労務費振替' },
  },
  {
    code: '5-202',
    role: 'overhead_absorbed',
    line: 'expenses',
    contra: true,
    name: { id: 'Overhead pabrik dibebankan ke produk', en: 'Factory overhead absorbed', ja: '製造間接費振替' },
  },
  {
    code: '6-150',
    role: 'inventory_loss',
    line: 'expenses',
    name: { id: 'Beban persediaan rusak', en: 'Spoiled stock', ja: '棚卸減耗損' },
  },
  {
    code: '6-301',
    role: 'income_tax',
    line: 'tax_expense',
    name: { id: 'Beban pajak penghasilan (PPh final)', en: 'Income tax (final)', ja: '法人税等（最終課税）' },
  },
];

/**
 * A cooperative (koperasi, UU 25/1992 Pasal 41) is funded by its members: simpanan pokok (paid once
 * on joining) and simpanan wajib (paid regularly) are its own capital (equity) and are printed apart;
 * simpanan sukarela can be withdrawn at will and is a liability. Its profit is SHU (sisa hasil usaha):
 * SHU of past years not yet distributed stays in equity, cadangan (reserves) are set aside from it,
 * and the shares of SHU the members' meeting (RAT) allots to members and funds are liabilities until
 * paid. It has no owner's capital or drawings. Sources and what is unverified: docs/books-tax.md.
 */
const COOPERATIVE: TemplateAccount[] = [
  ...INDONESIA.filter((a) => a.code.startsWith('1-') || a.code.startsWith('2-')),
  {
    code: '2-301',
    role: 'voluntary_savings',
    line: 'member_savings',
    name: { id: 'Simpanan sukarela', en: "Members' voluntary savings", ja: '任意出資預り金' },
  },
  {
    code: '2-401',
    role: 'shu_funds',
    line: 'shu_funds',
    name: { id: 'Dana SHU (bagian anggota dan dana-dana)', en: 'SHU allotted, not yet paid', ja: '未払剰余金分配' },
  },
  {
    code: '3-101',
    role: 'principal_savings',
    line: 'principal_savings',
    name: { id: 'Simpanan pokok', en: "Members' principal savings", ja: '基本出資金' },
  },
  {
    code: '3-102',
    role: 'mandatory_savings',
    line: 'mandatory_savings',
    name: { id: 'Simpanan wajib', en: "Members' mandatory savings", ja: '義務出資金' },
  },
  { code: '3-103', role: 'reserves', line: 'reserves', name: { id: 'Cadangan', en: 'Reserves', ja: '積立金' } },
  {
    code: '3-201',
    role: 'retained_earnings',
    line: 'undistributed_shu',
    name: { id: 'SHU belum dibagi', en: 'Undistributed SHU', ja: '未分配剰余金' },
  },
  ...INDONESIA.filter((a) => a.code >= '4'),
];

const TEMPLATES: Record<string, TemplateAccount[]> = { ID: INDONESIA };

/**
 * The template for a country and kind of group; Indonesia's SAK EMKM chart where no country template
 * exists yet, and the cooperative chart for a koperasi.
 */
export function chartTemplate(country: string, kind?: string): TemplateAccount[] {
  if (kind === 'cooperative') return COOPERATIVE;
  return TEMPLATES[country] ?? INDONESIA;
}

/** Which line a group's own account adds up into when it names none: its class's catch-all line. */
export const DEFAULT_LINE: Record<AccountType, StatementLine> = {
  asset: 'other_assets',
  liability: 'other_liabilities',
  equity: 'equity',
  revenue: 'revenue',
  cost_of_goods: 'cost_of_goods',
  expense: 'expenses',
};

/** The statement lines an account of each class may add up into. */
export const LINES_OF_TYPE: Record<AccountType, readonly StatementLine[]> = {
  asset: POSITION_LINES.asset,
  liability: POSITION_LINES.liability,
  equity: POSITION_LINES.equity,
  revenue: ['revenue', 'other_income'],
  cost_of_goods: ['cost_of_goods'],
  expense: ['expenses', 'finance_costs', 'tax_expense'],
};

import { packOf, type PackChartAccount } from '../../packs/index.js';
/**
 * Charts of accounts a group's books start from, per country. Indonesia follows SAK EMKM (effective
 * 1 January 2018): the statement of financial position needs at least cash and equivalents,
 * receivables, inventory, fixed assets, trade payables, bank loans and equity; numbering is the
 * common UMKM scheme 1-xxx assets, 2-xxx liabilities, 3-xxx equity, 4-xxx revenue, 5-xxx cost of
 * goods, 6-xxx expenses. Each country's accounts are its pack's (packs/XX/chart.json); the
 * structure (classes, roles, statement lines) is the same everywhere.
 */
export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'cost_of_goods', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** A country's own numbering: the class of the longest listed prefix of a code (the pack's `chart.classes`). */
export type ClassRules = readonly { prefix: string; type: AccountType }[];

const CLASS_CODE = /^[1-6]-\d{3}$/;
const OWN_CODE = /^[1-9]\d{2,5}$/;

/**
 * The class an account belongs to: by the first digit of an `N-NNN` code (1 assets … 6 expenses), or,
 * in a country with its own numbering, by the longest listed prefix of its code. Undefined when the
 * code is not of the country's numbering.
 */
export function typeOfCode(code: string, classes?: ClassRules): AccountType | undefined {
  if (!classes) return CLASS_CODE.test(code) ? ACCOUNT_TYPES[Number(code[0]) - 1] : undefined;
  if (!OWN_CODE.test(code)) return undefined;
  let found: { prefix: string; type: AccountType } | undefined;
  for (const c of classes) if (code.startsWith(c.prefix) && c.prefix.length > (found?.prefix.length ?? 0)) found = c;
  return found?.type;
}

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

/** The statement lines an account of each class may add up into. */
export const LINES_OF_TYPE: Record<AccountType, readonly StatementLine[]> = {
  asset: POSITION_LINES.asset,
  liability: POSITION_LINES.liability,
  equity: POSITION_LINES.equity,
  revenue: ['revenue', 'other_income'],
  cost_of_goods: ['cost_of_goods'],
  expense: ['expenses', 'finance_costs', 'tax_expense'],
};

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
  type: AccountType;
  role: AccountRole;
  line: StatementLine;
  contra?: boolean;
  /** By locale: the pack's languages (Indonesia's id, en and ja). */
  name: Record<string, string>;
}

const STATEMENT_LINES = new Set<string>([...Object.values(POSITION_LINES).flat(), ...INCOME_LINES]);

const isType = (type: string): type is AccountType => (ACCOUNT_TYPES as readonly string[]).includes(type);

/**
 * A pack's chart checked against its numbering, the roles postings use and the statement lines: a
 * pack that names an unknown one fails at start, not at posting.
 */
function checked(country: string, chart: PackChartAccount[], classes?: ClassRules): TemplateAccount[] {
  return chart.map((a) => {
    if (!(ACCOUNT_ROLES as readonly string[]).includes(a.role))
      throw new Error(`packs/${country}: account ${a.code} has the unknown role ${a.role}`);
    if (!STATEMENT_LINES.has(a.line))
      throw new Error(`packs/${country}: account ${a.code} adds up into the unknown line ${a.line}`);
    const type = typeOfCode(a.code, classes);
    if (!type) throw new Error(`packs/${country}: account ${a.code} is not a code of the chart's numbering`);
    return { ...a, type, role: a.role as AccountRole, line: a.line as StatementLine };
  });
}

function classRules(country: string, classes: { prefix: string; type: string }[] | undefined): ClassRules | undefined {
  return classes?.map((c) => {
    if (!isType(c.type)) throw new Error(`packs/${country}: the class of ${c.prefix} is unknown: ${c.type}`);
    return { prefix: c.prefix, type: c.type };
  });
}

interface CountryCharts {
  micro: TemplateAccount[];
  /** The pack's cooperative chart; none when it ships none. */
  cooperative?: TemplateAccount[];
  /** The country's own numbering; none for OVOP's `N-NNN` classes. */
  classes?: ClassRules;
}

/**
 * A country's charts from its pack (packs/XX/chart.json, and the cooperative chart it may ship).
 * Indonesia's cooperative chart (chart.cooperative.json) is a koperasi's (UU 25/1992 Pasal 41): funded
 * by its members' simpanan pokok (paid once on joining) and simpanan wajib (paid regularly), its own
 * capital printed apart; simpanan sukarela can be withdrawn at will and is a liability. Its profit is SHU
 * (sisa hasil usaha): SHU of past years not yet distributed stays in equity, cadangan (reserves) are set
 * aside from it, and the shares of SHU the members' meeting (RAT) allots are liabilities until paid. It
 * has no owner's capital or drawings. Sources and what is unverified: docs/books-tax.md.
 */
function packCharts(country: string): CountryCharts | undefined {
  const loaded = packOf(country);
  if (!loaded) return undefined;
  const classes = classRules(country, loaded.pack.chart.classes);
  return {
    micro: checked(country, loaded.chart, classes),
    ...(loaded.cooperativeChart && { cooperative: checked(country, loaded.cooperativeChart, classes) }),
    ...(classes && { classes }),
  };
}

const INDONESIA: CountryCharts = packCharts('ID')!;

const CHARTS = new Map<string, CountryCharts>([['ID', INDONESIA]]);

const chartsOf = (country: string): CountryCharts => {
  let charts = CHARTS.get(country);
  if (!charts) {
    charts = packCharts(country) ?? INDONESIA;
    CHARTS.set(country, charts);
  }
  return charts;
};

/**
 * The template for a country and kind of group: its pack's chart, Indonesia's where the country has
 * no pack. A cooperative gets the pack's cooperative chart; where the pack ships none, the micro chart
 * (its members' capital is then owners' capital, and the notes say so: `keepsMembersSavings`).
 */
export function chartTemplate(country: string, kind?: string): TemplateAccount[] {
  const charts = chartsOf(country);
  return (kind === 'cooperative' && charts.cooperative) || charts.micro;
}

/**
 * The class of an account a group of the country adds itself, by the country's numbering; undefined
 * when the code is not of it (a `1-101` in Vietnam, a `111` in Indonesia).
 */
export const typeInCountry = (country: string, code: string): AccountType | undefined =>
  typeOfCode(code, chartsOf(country).classes);

/** An example code of the country's numbering, for the message that refuses another. */
export const exampleCode = (country: string): string => (chartsOf(country).classes ? '6421' : '6-108');

/**
 * Whether a chart is a cooperative's with its members' savings (Indonesia's koperasi): what the
 * savings transactions post to and what makes the statements speak of SHU and simpanan.
 */
export const keepsMembersSavings = (accounts: readonly { role: string | null }[]): boolean =>
  accounts.some((a) => a.role === 'principal_savings');

/** Which line a group's own account adds up into when it names none: its class's catch-all line. */
export const DEFAULT_LINE: Record<AccountType, StatementLine> = {
  asset: 'other_assets',
  liability: 'other_liabilities',
  equity: 'equity',
  revenue: 'revenue',
  cost_of_goods: 'cost_of_goods',
  expense: 'expenses',
};

import { localized } from '../../../shared/localized.js';
import { fromMinor, type Money } from '../../../shared/money.js';
import { LOCALE_TAG } from './report-format.js';
import { label, noteTexts, type ReportLocale } from './report-labels.js';
import type { Statements, StatementLineAmount } from './reports.service.js';

interface PairedLine {
  line: string;
  amount: Money;
  previous: Money;
  accounts: { code: string; name: Record<string, string>; amount: Money; previous: Money }[];
}

/**
 * A statement's lines beside last year's: every line either year shows, in the statement's order,
 * and every account under it. A line or account only one year has is nil in the other.
 */
export function pairLines(current: StatementLineAmount[], previous: StatementLineAmount[], currency: string) {
  const nil = fromMinor(0n, currency);
  const keys = [...current.map((l) => l.line), ...previous.map((l) => l.line)].filter(
    (k, i, all) => all.indexOf(k) === i,
  );
  const order = (k: string) => {
    const i = current.findIndex((l) => l.line === k);
    return i >= 0 ? i : current.length + previous.findIndex((l) => l.line === k);
  };
  return keys
    .sort((a, b) => order(a) - order(b))
    .map((key): PairedLine => {
      const now = current.find((l) => l.line === key);
      const then = previous.find((l) => l.line === key);
      const codes = [...(now?.accounts ?? []), ...(then?.accounts ?? [])]
        .map((a) => a.code)
        .filter((c, i, all) => all.indexOf(c) === i)
        .sort();
      return {
        line: key,
        amount: now?.amount ?? nil,
        previous: then?.amount ?? nil,
        accounts: codes.map((code) => {
          const a = now?.accounts.find((x) => x.code === code);
          const b = then?.accounts.find((x) => x.code === code);
          return { code, name: (a ?? b)!.name, amount: a?.amount ?? nil, previous: b?.amount ?? nil };
        }),
      };
    });
}

/** Every line of both statements, beside last year's, in the order they are printed. */
export function statementLines(s: Statements) {
  const { position: p, income: i, book } = s;
  const c = book.currency;
  const income = (key: 'revenue' | 'costOfGoods' | 'otherIncome' | 'expenses' | 'financeCosts' | 'taxExpense') =>
    pairLines([i[key]], [i.previous[key]], c);
  return {
    assets: pairLines(p.assets.lines, p.previous.assets.lines, c),
    liabilities: pairLines(p.liabilities.lines, p.previous.liabilities.lines, c),
    equity: pairLines(p.equity.lines, p.previous.equity.lines, c),
    income: [
      ...income('revenue'),
      ...income('costOfGoods'),
      ...income('otherIncome'),
      ...income('expenses'),
      ...income('financeCosts'),
      ...income('taxExpense'),
    ],
  };
}

/** "rupiah Indonesia (IDR)" in the reader's language. */
function currencyName(code: string, locale: ReportLocale): string {
  const name = new Intl.DisplayNames([LOCALE_TAG[locale]], { type: 'currency' }).of(code) ?? code;
  return `${name} (${code === 'IDR' && locale === 'id' ? 'Rp' : code})`;
}

/**
 * The notes to the financial statements SAK EMKM requires: who the entity is, that the statements
 * follow SAK EMKM, the basis of preparation, the accounting policies, and the accounts behind each
 * line of both statements — built from the same lines the statements print, so they cannot differ.
 */
export function notesOf(s: Statements, locale: ReportLocale) {
  const cooperative = s.keepsMembersSavings;
  const texts = noteTexts(locale, {
    group: s.group.name,
    kind: label(s.group.kind, locale),
    village: s.group.village_name,
    nib: s.group.nib,
    currency: currencyName(s.book.currency, locale),
    cooperative,
    microChartCooperative: s.group.kind === 'cooperative' && !cooperative,
  });
  const lines = statementLines(s);
  const detail = (statement: 'position' | 'income') => (l: PairedLine) => ({
    statement,
    line: l.line,
    title: label(l.line, locale),
    amount: l.amount,
    previous: l.previous,
    accounts: l.accounts.map((a) => ({
      code: a.code,
      name: localized(a.name, locale) ?? a.code,
      amount: a.amount,
      previous: a.previous,
    })),
  });
  return {
    groupId: s.group.id,
    from: s.income.from,
    to: s.income.to,
    previousFrom: s.income.previous.from,
    previousTo: s.income.previous.to,
    locale,
    sections: [
      { key: 'entity', title: label('entity', locale), paragraphs: [texts.entity] },
      { key: 'compliance', title: label('compliance', locale), paragraphs: [texts.compliance] },
      { key: 'basis', title: label('basis', locale), paragraphs: [texts.basis] },
      { key: 'policies', title: label('policies', locale), paragraphs: texts.policies },
    ],
    details: [
      ...[...lines.assets, ...lines.liabilities, ...lines.equity].map(detail('position')),
      ...lines.income.map(detail('income')),
    ],
    signatures: s.signatures,
    closedThrough: s.book.closed_through,
  };
}

import { localized } from '../../../shared/localized.js';
import { label, noteTexts, type ReportLocale } from './report-labels.js';
import type { Statements } from './reports.service.js';

/**
 * The notes to the financial statements SAK EMKM requires: who the entity is, that the statements
 * follow SAK EMKM, the basis of preparation, the accounting policies, and the accounts behind each
 * line of the statement of financial position.
 */
export function notesOf(s: Statements, locale: ReportLocale) {
  const texts = noteTexts(locale, {
    group: s.group.name,
    kind: label(s.group.kind, locale),
    village: s.group.village_name,
    nib: s.group.nib,
    currency: s.book.currency,
  });
  const sections = [s.position.assets, s.position.liabilities, s.position.equity];
  return {
    groupId: s.group.id,
    from: s.income.from,
    to: s.income.to,
    locale,
    sections: [
      { key: 'entity', title: label('entity', locale), paragraphs: [texts.entity] },
      { key: 'compliance', title: label('compliance', locale), paragraphs: [texts.compliance] },
      { key: 'basis', title: label('basis', locale), paragraphs: [texts.basis] },
      { key: 'policies', title: label('policies', locale), paragraphs: texts.policies },
    ],
    details: sections.flatMap((section) =>
      section.lines
        .filter((l) => l.accounts.length > 0)
        .map((l) => ({
          line: l.line,
          title: label(l.line, locale),
          amount: l.amount,
          accounts: l.accounts.map((a) => ({
            code: a.code,
            name: localized(a.name, locale) ?? a.code,
            amount: a.amount,
          })),
        })),
    ),
    closedThrough: s.book.closed_through,
  };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  comparePart,
  completenessJson,
  documentWith,
  languageReports,
  reportMarkdown,
} from '../scripts/i18n-report.js';
import { INTERFACE_LANGUAGES, lookupChain } from '../src/shared/languages.js';

const reports = await languageReports();

describe('the interface languages', () => {
  it('keep id, en and ja complete in every part', () => {
    const complete = reports.filter((r) => r.language.complete);
    expect(complete.map((r) => r.language.code)).toEqual(['id', 'en', 'ja']);
    for (const r of complete)
      expect(r.parts.map((p) => [r.language.code, p.part, p.missing])).toEqual(
        r.parts.map((p) => [r.language.code, p.part, []]),
      );
  });

  it('have no extra key and no broken placeholder in any language, partial ones included', () => {
    const wrong = reports.flatMap(({ language, parts }) =>
      parts.flatMap((p) => [...p.extra, ...p.placeholders].map((problem) => `${language.code} ${p.part}: ${problem}`)),
    );
    expect(wrong).toEqual([]);
  });

  it("report a partial language's missing keys without failing, and translate Thai and Vietnamese for visitors", () => {
    for (const code of ['th', 'vi']) {
      const report = reports.find((r) => r.language.code === code)!;
      expect(report.language.complete).toBe(false);
      const byPart = Object.fromEntries(report.parts.map((p) => [p.part, p]));
      // what a visitor sees, and the error catalogue, are whole; the staff screens fall back
      expect(byPart.public!.missing).toEqual([]);
      expect(byPart.errors!.missing).toEqual([]);
      expect(byPart.staff!.missing.length).toBeGreaterThan(0);
      expect(report.percent).toBeGreaterThan(0);
      expect(report.percent).toBeLessThan(100);
    }
  });

  it('reports a messages file missing keys, with extra keys and placeholder mismatches', () => {
    const source = { 'a.title': 'Judul', 'a.count': '{count} anggota', 'a.name': 'Nama {name}' };
    const report = comparePart('public', source, { 'a.title': 'หัวข้อ', 'a.name': 'ชื่อ', 'a.old': 'เก่า' });
    expect(report).toEqual({
      part: 'public',
      keys: 2,
      missing: ['a.count'],
      extra: ['a.old'],
      placeholders: ['a.name: {name}'],
    });
    expect(comparePart('public', source, { 'a.count': '{n} คน' }).placeholders).toEqual([
      'a.count: {count}',
      'a.count: {n}',
    ]);
  });

  it('keep docs/languages.md and the menu percentages current (npm run i18n:report -- --write)', () => {
    expect(readFileSync(new URL('../docs/languages.md', import.meta.url), 'utf8')).toBe(
      documentWith(reportMarkdown(reports)),
    );
    expect(readFileSync(new URL('../src/web/i18n/completeness.json', import.meta.url), 'utf8')).toBe(
      completenessJson(reports),
    );
  });

  it('fall back along their chain to languages the registry has', () => {
    expect(lookupChain('th')).toEqual(['th', 'en', 'id']);
    const codes = INTERFACE_LANGUAGES.map((l) => l.code as string);
    for (const language of INTERFACE_LANGUAGES) for (const code of language.fallback) expect(codes).toContain(code);
  });
});

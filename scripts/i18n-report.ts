/**
 * How complete each interface language is, per part of the messages (public, staff, errors),
 * against the Indonesian source: keys, missing, extra (not in the source) and placeholder
 * mismatches (`{name}` in the source but not in the translation, or the other way round).
 * Run: `npm run i18n:report` (prints); `npm run i18n:report -- --write` also rewrites
 * docs/languages.md and the language menu's percentages (src/web/i18n/completeness.json).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { INTERFACE_LANGUAGES, type InterfaceLanguage } from '../src/shared/languages.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PARTS = ['public', 'staff', 'errors'] as const;
type Part = (typeof PARTS)[number];
type Messages = Record<string, string>;

export interface PartReport {
  part: Part;
  keys: number;
  missing: string[];
  extra: string[];
  /** `key: {name}` for each placeholder one side has and the other has not. */
  placeholders: string[];
}

export interface LanguageReport {
  language: InterfaceLanguage;
  parts: PartReport[];
  /** Translated keys of the source's, over all parts, in whole percent. */
  percent: number;
}

async function messages(part: Part, code: string): Promise<Messages> {
  try {
    if (part === 'errors') {
      const module = (await import(
        pathToFileURL(join(ROOT, 'src/shared/messages', `errors.${code}.ts`)).href
      )) as Record<string, Messages>;
      return Object.values(module)[0] ?? {};
    }
    return JSON.parse(readFileSync(join(ROOT, 'src/web/i18n', part, `${code}.json`), 'utf8')) as Messages;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT' || (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND')
      return {};
    throw error;
  }
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));

export function comparePart(part: Part, source: Messages, translation: Messages): PartReport {
  const present = Object.keys(source).filter((key) => translation[key]?.trim());
  const placeholderMismatches = present.flatMap((key) => {
    const want = placeholders(source[key]!);
    const have = placeholders(translation[key]!);
    return [...[...want].filter((name) => !have.has(name)), ...[...have].filter((name) => !want.has(name))].map(
      (name) => `${key}: {${name}}`,
    );
  });
  return {
    part,
    keys: present.length,
    missing: Object.keys(source).filter((key) => !translation[key]?.trim()),
    extra: Object.keys(translation).filter((key) => !(key in source)),
    placeholders: placeholderMismatches,
  };
}

export async function languageReports(): Promise<LanguageReport[]> {
  const sources = await Promise.all(PARTS.map((part) => messages(part, 'id')));
  const total = sources.reduce((sum, source) => sum + Object.keys(source).length, 0);
  return Promise.all(
    INTERFACE_LANGUAGES.map(async (language) => {
      const parts = await Promise.all(
        PARTS.map(async (part, index) => comparePart(part, sources[index]!, await messages(part, language.code))),
      );
      const translated = parts.reduce((sum, part) => sum + part.keys, 0);
      return { language, parts, percent: Math.floor((translated * 100) / total) };
    }),
  );
}

export function reportMarkdown(reports: readonly LanguageReport[]): string {
  const rows = reports.flatMap(({ language, parts }) =>
    parts.map(
      (p) =>
        `| ${language.code} ${language.nativeName} | ${p.part} | ${p.keys} | ${p.missing.length} | ${p.extra.length} | ${p.placeholders.length} |`,
    ),
  );
  const summary = reports.map(
    ({ language, percent }) =>
      `- **${language.nativeName}** (\`${language.code}\`, dates and numbers as \`${language.intl}\`): ${percent} %` +
      (language.complete
        ? ', complete (held to it by a test)'
        : `, partial — missing texts shown from ${language.fallback.join(' → ')}`),
  );
  return [
    '| Language | Part | Keys | Missing | Extra | Placeholder mismatches |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    ...summary,
  ].join('\n');
}

const DOC = join(ROOT, 'docs', 'languages.md');
const BEGIN = '<!-- i18n:report -->';
const END = '<!-- /i18n:report -->';

/** docs/languages.md with the report between its markers. */
export function documentWith(report: string): string {
  const doc = readFileSync(DOC, 'utf8');
  return `${doc.slice(0, doc.indexOf(BEGIN) + BEGIN.length)}\n${report}\n${doc.slice(doc.indexOf(END))}`;
}

export const completenessJson = (reports: readonly LanguageReport[]) =>
  `${JSON.stringify(Object.fromEntries(reports.map((r) => [r.language.code, r.percent])), null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const reports = await languageReports();
  for (const { language, parts, percent } of reports) {
    console.log(`${language.code} ${language.nativeName}: ${percent} %${language.complete ? '' : ' (partial)'}`);
    for (const p of parts) {
      console.log(
        `  ${p.part.padEnd(7)} keys ${p.keys}, missing ${p.missing.length}, extra ${p.extra.length}, placeholder mismatches ${p.placeholders.length}`,
      );
      for (const key of [...p.extra.map((k) => `extra ${k}`), ...p.placeholders.map((k) => `placeholder ${k}`)])
        console.log(`    ${key}`);
    }
  }
  if (process.argv.includes('--write')) {
    writeFileSync(DOC, documentWith(reportMarkdown(reports)));
    writeFileSync(join(ROOT, 'src/web/i18n/completeness.json'), completenessJson(reports));
  }
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** docs/benchmarks.md: each benchmark owns one `## ` section of it and rewrites only that. */
export const REPORT_FILE = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
export const WEB_SECTION_TITLE = '## Web: public pages';

function read(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
}

/** The section starting with `title`, up to the next `## ` heading (or the end), or '' when absent. */
export function sectionOf(text: string, title: string): string {
  const start = text.indexOf(title);
  if (start === -1) return '';
  const end = text.indexOf('\n## ', start + title.length);
  return text.slice(start, end === -1 ? undefined : end + 1);
}

/** Replaces the section titled like `section`'s first line, or appends it, leaving the rest as it is. */
export function writeSection(section: string, file = REPORT_FILE): void {
  const title = section.split('\n', 1)[0]!;
  const current = read(file);
  const old = sectionOf(current, title);
  const next = old
    ? current.replace(old, section.endsWith('\n') ? section : `${section}\n`)
    : `${current.trimEnd()}\n\n${section}`;
  writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}

/** The sections with these titles from the current file, to carry over when a report is rewritten. */
export function keptSections(titles: string[], file = REPORT_FILE): string {
  const current = read(file);
  return titles
    .map((title) => sectionOf(current, title))
    .filter(Boolean)
    .map((s) => `\n${s.trimEnd()}\n`)
    .join('');
}

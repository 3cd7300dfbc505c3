import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('../src/web', import.meta.url));
const PARTS = ['public', 'staff'] as const;
const LOCALES = ['id', 'en', 'ja'] as const;
const read = (part: string, locale: string) =>
  JSON.parse(readFileSync(join(WEB, 'i18n', part, `${locale}.json`), 'utf8')) as Record<string, string>;
const all = (locale: string) => Object.assign({}, ...PARTS.map((part) => read(part, locale))) as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = join(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find(
    (path) => /\.tsx?$/.test(path) && existsSync(path),
  );
}

/**
 * The files the public pages run, whose words must come with the public part: what the entry
 * (main.tsx) imports, and what it loads on demand, except the staff app and the staff screens (the
 * lazy components of a feature's index.ts). The invitation page and the community's join page,
 * success stories, public events and members' public pages are such lazy components and public all
 * the same.
 */
function publicFiles(): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const staffScreens = /\/features\/[^/]+\/index\.ts$/.test(file);
    for (const [, specifier] of text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gm)) {
      const target = resolveImport(file, specifier!);
      if (target) visit(target);
    }
    for (const [, specifier] of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) {
      const target = resolveImport(file, specifier!);
      if (target && !staffScreens && !target.endsWith('/app/StaffApp.tsx')) visit(target);
    }
  };
  visit(join(WEB, 'main.tsx'));
  visit(join(WEB, 'features/platform/components/InvitationPage.tsx'));
  visit(join(WEB, 'features/community/components/JoinPage.tsx'));
  visit(join(WEB, 'features/community/components/StoryPage.tsx'));
  visit(join(WEB, 'features/community/components/PublicStoriesPage.tsx'));
  visit(join(WEB, 'features/community/components/PublicEventsPage.tsx'));
  visit(join(WEB, 'features/community/components/PublicProfilePage.tsx'));
  return seen;
}

/** The keys a file names: whole keys in quotes, and every key under a prefix it completes (`groupKind.${kind}`). */
function keysNamedIn(file: string, keys: string[]): string[] {
  const text = readFileSync(file, 'utf8');
  const whole = [...text.matchAll(/'([a-zA-Z0-9_]+(?:\.[a-zA-Z0-9_]+)+)'/g)].map((m) => m[1]!);
  const prefixes = [...text.matchAll(/`([a-zA-Z0-9_]+(?:\.[a-zA-Z0-9_]+)*)\.\$\{/g)].map((m) => `${m[1]}.`);
  return keys.filter((key) => whole.includes(key) || prefixes.some((prefix) => key.startsWith(prefix)));
}

describe('the web app messages', () => {
  it.each(PARTS.flatMap((part) => ['en', 'ja'].map((locale) => [part, locale])))(
    'has every Indonesian key of the %s part in %s, and no other',
    (part, locale) => {
      expect(Object.keys(read(part, locale)).sort()).toEqual(Object.keys(read(part, 'id')).sort());
    },
  );

  it('keeps each key in one part only', () => {
    const staff = read('staff', 'id');
    expect(Object.keys(read('public', 'id')).filter((key) => key in staff)).toEqual([]);
  });

  it('has no empty message', () => {
    for (const part of PARTS) {
      for (const locale of LOCALES) {
        for (const [key, text] of Object.entries(read(part, locale)))
          expect(text.trim(), `${part}/${locale}:${key}`).not.toBe('');
      }
    }
  });

  it('has a message for every literal key the screens ask for', () => {
    const id = all('id');
    const used = new Set<string>();
    for (const file of sources(WEB)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in id))).toEqual([]);
  });

  it('puts in the public part exactly the keys the public pages name, so none shows as a key and none is carried for nothing', () => {
    const files = [...publicFiles()];
    expect(files.map((file) => relative(WEB, file))).toEqual(
      expect.arrayContaining(['app/App.tsx', 'features/market/components/InquiryPanel.tsx', 'components/Header.tsx']),
    );
    expect(files.map((file) => relative(WEB, file))).not.toContain('app/StaffApp.tsx');
    const keys = Object.keys(all('id'));
    const named = new Set(files.flatMap((file) => keysNamedIn(file, keys)));
    const inPublic = Object.keys(read('public', 'id'));
    expect([...named].filter((key) => !inPublic.includes(key)).sort(), 'move to public/*.json').toEqual([]);
    expect(inPublic.filter((key) => !named.has(key)).sort(), 'move to staff/*.json').toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('../src/web', import.meta.url));
const read = (locale: string) =>
  JSON.parse(readFileSync(join(WEB, 'i18n', `${locale}.json`), 'utf8')) as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the web app messages', () => {
  const id = read('id');

  it.each(['en', 'ja'])('has every Indonesian key in %s, and no other', (locale) => {
    expect(Object.keys(read(locale)).sort()).toEqual(Object.keys(id).sort());
  });

  it('has no empty message', () => {
    for (const locale of ['id', 'en', 'ja']) {
      for (const [key, text] of Object.entries(read(locale))) expect(text.trim(), `${locale}:${key}`).not.toBe('');
    }
  });

  it('has a message for every literal key the screens ask for', () => {
    const used = new Set<string>();
    for (const file of sources(WEB)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in id))).toEqual([]);
  });
});

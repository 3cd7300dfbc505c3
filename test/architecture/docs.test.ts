import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
const lines = doc.split('\n');

const foldersIn = (dir: string) =>
  readdirSync(new URL(`../../${dir}`, import.meta.url), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

const indent = (line: string) => line.length - line.trimStart().length;

/** The lines of the annotated tree under its `<folder>/` entry: those indented deeper than it. */
function treeUnder(folder: string): string[] {
  const start = lines.findIndex((line) => line.trimStart().startsWith(`${folder}/`));
  if (start < 0) return [];
  const depth = indent(lines[start]!);
  const end = lines.findIndex((line, i) => i > start && line.trim() !== '' && indent(line) <= depth);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The folders of `dir` that have no `<name>/` entry in the doc's tree under `folder/`. */
function missingFolders(dir: string, folder: string): string[] {
  const entries = treeUnder(folder).map((line) => line.trimStart());
  return foldersIn(dir).filter((name) => !entries.some((entry) => entry.startsWith(`${name}/`)));
}

describe('docs/architecture.md', () => {
  it('names every server module in its tree', () => {
    expect(treeUnder('modules'), 'the tree has a modules/ folder').not.toEqual([]);
    const missing = missingFolders('src/server/modules', 'modules');
    expect(missing, `modules missing from the tree: ${missing.join(', ')}`).toEqual([]);
  });

  it('names every folder of src/server in its tree', () => {
    const missing = missingFolders('src/server', 'server');
    expect(missing, `src/server folders missing from the tree: ${missing.join(', ')}`).toEqual([]);
  });

  it('names every migration', () => {
    const migrations = readdirSync(new URL('../../src/server/db/migrations', import.meta.url))
      .filter((name) => name.endsWith('.sql'))
      .sort();
    expect(migrations.length).toBeGreaterThan(0);
    const missing = migrations.filter((name) => !doc.includes(name));
    expect(missing, `migrations missing from the doc: ${missing.join(', ')}`).toEqual([]);
  });
});

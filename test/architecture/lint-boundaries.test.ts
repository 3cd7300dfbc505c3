import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BOUNDARY = 'import-x/no-restricted-paths';
const CYCLE = 'import-x/no-cycle';

/*
 * Small files in the repository's layout, written for the run into test/architecture/fixtures-*
 * (which the normal lint run ignores) and linted with the project's own eslint.config.js. The
 * module and feature names are real ones: the config reads them from src/.
 */
const fixtures: Record<string, string> = {
  'src/server/db/sql.ts': `export const sql = (text: string) => text;\n`,
  'src/shared/dates.ts': `export const today = () => '2026-01-01';\n`,
  'src/server/modules/registry/index.ts': `export { groupById } from './groups.service.js';\n`,
  'src/server/modules/registry/groups.service.ts': `export const groupById = (id: string) => ({ id });\n`,
  'src/server/modules/quality/deep-import.ts': `import { groupById } from '../registry/groups.service.js';\nexport const group = groupById('1');\n`,
  'src/server/modules/quality/through-index.ts': [
    `import { groupById } from '../registry/index.js';`,
    `import { sql } from '../../db/sql.js';`,
    `import { today } from '../../../shared/dates.js';`,
    `export const group = [groupById('1'), sql('SELECT 1'), today()];`,
    ``,
  ].join('\n'),
  // Two files of one module that import each other.
  'src/server/modules/training/sessions.service.ts': `import { attend } from './attendance.service.js';\nexport const openSession = () => attend;\n`,
  'src/server/modules/training/attendance.service.ts': `import { openSession } from './sessions.service.js';\nexport const attend = () => openSession;\n`,
  // Two modules that import each other, each through the other's index.ts.
  'src/server/modules/business/index.ts': `export { post } from './journal.service.js';\n`,
  'src/server/modules/business/journal.service.ts': `import { placeOrder } from '../market/index.js';\nexport const post = () => placeOrder;\n`,
  'src/server/modules/market/index.ts': `export { placeOrder } from './orders.service.js';\n`,
  'src/server/modules/market/orders.service.ts': `import { post } from '../business/index.js';\nexport const placeOrder = () => post;\n`,
  'src/shared/uses-server.ts': `import { sql } from '../server/db/sql.js';\nexport const query = sql('SELECT 1');\n`,
  // The web app (extensionless imports, as Vite resolves them).
  'src/web/lib/http.ts': `export const get = (path: string) => path;\n`,
  'src/web/features/registry/index.ts': `export { groupLabel } from './components/group-label';\n`,
  'src/web/features/registry/components/group-label.ts': `export const groupLabel = (name: string) => name;\n`,
  'src/web/features/quality/components/deep-import.ts': `import { groupLabel } from '../../registry/components/group-label';\nexport const label = groupLabel('x');\n`,
  'src/web/features/quality/components/through-index.ts': [
    `import { groupLabel } from '../../registry';`,
    `import { get } from '../../../lib/http';`,
    `import { today } from '../../../../shared/dates';`,
    `export const label = [groupLabel('x'), get('/'), today()];`,
    ``,
  ].join('\n'),
  'src/web/app/routes.ts': `import { groupLabel } from '../features/registry';\nexport const routes = [groupLabel];\n`,
  'src/web/app/routes-deep.ts': `import { groupLabel } from '../features/registry/components/group-label';\nexport const routes = [groupLabel];\n`,
  'src/web/components/uses-feature.ts': `import { groupLabel } from '../features/registry';\nexport const label = groupLabel;\n`,
  'src/web/lib/server-types.ts': `import type { groupById } from '../../server/modules/registry/index.js';\nexport type Group = ReturnType<typeof groupById>;\n`,
};

describe('the boundary lint rules', () => {
  let dir: string;
  const rulesOf = new Map<string, string[]>();

  beforeAll(async () => {
    dir = mkdtempSync(join(repoRoot, 'test/architecture/fixtures-'));
    for (const [path, text] of Object.entries(fixtures)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const eslint = new ESLint({ cwd: repoRoot, ignore: false });
    for (const result of await eslint.lintFiles([dir])) {
      const ids = result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
      rulesOf.set(relative(dir, result.filePath), [...new Set(ids)].sort());
    }
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const rules = (path: string) => {
    expect(rulesOf.has(path), `${path} was linted`).toBe(true);
    return rulesOf.get(path);
  };

  it(`refuses a deep import into another server module (${BOUNDARY})`, () => {
    expect(rules('src/server/modules/quality/deep-import.ts')).toEqual([BOUNDARY]);
  });

  it('lets a server module import another through its index.ts, and shared plumbing directly', () => {
    expect(rules('src/server/modules/quality/through-index.ts')).toEqual([]);
    expect(rules('src/server/modules/registry/groups.service.ts')).toEqual([]);
  });

  it(`refuses an import cycle between two files (${CYCLE})`, () => {
    expect(rules('src/server/modules/training/sessions.service.ts')).toEqual([CYCLE]);
    expect(rules('src/server/modules/training/attendance.service.ts')).toEqual([CYCLE]);
  });

  it(`refuses a cycle of two modules through their index files (${CYCLE})`, () => {
    expect(rules('src/server/modules/business/journal.service.ts')).toEqual([CYCLE]);
    expect(rules('src/server/modules/market/orders.service.ts')).toEqual([CYCLE]);
  });

  it(`refuses src/shared importing the server (${BOUNDARY})`, () => {
    expect(rules('src/shared/uses-server.ts')).toEqual([BOUNDARY]);
  });

  it(`refuses an import into another web feature's internals (${BOUNDARY})`, () => {
    expect(rules('src/web/features/quality/components/deep-import.ts')).toEqual([BOUNDARY]);
  });

  it(`refuses the app shell reaching past a feature's index.ts (${BOUNDARY})`, () => {
    expect(rules('src/web/app/routes-deep.ts')).toEqual([BOUNDARY]);
  });

  it(`refuses shared web components importing a feature (${BOUNDARY})`, () => {
    expect(rules('src/web/components/uses-feature.ts')).toEqual([BOUNDARY]);
  });

  it(`refuses the web importing from the server, even types only (${BOUNDARY})`, () => {
    expect(rules('src/web/lib/server-types.ts')).toEqual([BOUNDARY]);
  });

  it("lets a feature and the app import a feature's index.ts, shared code and lib", () => {
    expect(rules('src/web/features/quality/components/through-index.ts')).toEqual([]);
    expect(rules('src/web/app/routes.ts')).toEqual([]);
    expect(rules('src/web/features/registry/index.ts')).toEqual([]);
  });
});

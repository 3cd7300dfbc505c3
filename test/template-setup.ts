import { rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTemplate } from './database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database with the fixture areas that each test file starts from (see buildTemplate). */
    databaseTemplate: { pgliteDump?: string; postgresDatabase?: string } | undefined;
  }
}

/** Migrates one database with the fixture areas before the files run; each file's database is a copy of it. */
export default async function setup(project: TestProject) {
  const template = await buildTemplate();
  if (template.kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'ovop-template-'));
    const file = join(dir, 'pglite.tar');
    writeFileSync(file, template.dump);
    project.provide('databaseTemplate', { pgliteDump: file });
    return () => rmSync(dir, { recursive: true, force: true });
  }
  project.provide('databaseTemplate', { postgresDatabase: template.name });
  return template.drop;
}

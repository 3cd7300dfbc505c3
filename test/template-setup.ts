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

/** What each project is given, and how the template is removed at the end. */
interface Template {
  provided: { pgliteDump?: string; postgresDatabase?: string };
  remove: () => unknown;
}

/**
 * The one template of a run. Vitest runs this setup for the root configuration and again for each of
 * its projects (vitest.config.ts), each in a module of its own: they share the template through the
 * process's global object, and the last to finish removes it (building it took 8–10 s a time).
 */
const shared = ((globalThis as { [key: symbol]: unknown })[Symbol.for('ovop.test.template')] ??= {
  template: undefined,
  users: 0,
}) as { template: Promise<Template> | undefined; users: number };

async function build(): Promise<Template> {
  const built = await buildTemplate();
  if (built.kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'ovop-template-'));
    const file = join(dir, 'pglite.tar');
    writeFileSync(file, built.dump);
    return { provided: { pgliteDump: file }, remove: () => rmSync(dir, { recursive: true, force: true }) };
  }
  return { provided: { postgresDatabase: built.name }, remove: built.drop };
}

/** Migrates one database with the fixture areas before the files run; each file's database is a copy of it. */
export default async function setup(project: TestProject) {
  shared.users += 1;
  shared.template ??= build();
  project.provide('databaseTemplate', (await shared.template).provided);
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) await (await shared.template!).remove();
  };
}

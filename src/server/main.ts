#!/usr/bin/env node
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { buildApp, fileStorageFor } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { PersonalDataCipher } from './crypto/personal-data.js';
import { inOneTransaction, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { ReadReplicas } from './db/replicas.js';
import { systemContext } from './http/context.js';
import { Problem } from './http/errors.js';
import { DEMO_PROGRAM } from './demo/demo-data.js';
import { seedDemo, type DemoAccount, type DemoSeedResult } from './demo/seed-demo.js';
import { hasPasswords, passwordsBlock, savePasswords, type OneTimePasswords } from './first-start-passwords.js';
import { textLogStream } from './http/text-log.js';
import { PackError } from './packs/index.js';
import {
  importAreas,
  importBoundaries,
  importIndonesiaOutlines,
  parseAreasCsv,
  parseOutlineFile,
  readIndonesiaAreas,
  type BoundaryImportResult,
} from './modules/geography/index.js';
import { createProgramFromPack, installPack, type PackPlan } from './modules/countries/index.js';
import { remindEvents } from './modules/community/index.js';
import { rebuildSummaries } from './modules/impact/index.js';
import { createUser, ensureFirstAdmin, writeDigests } from './modules/platform/index.js';
import { exportTemplate, importTemplate, TEMPLATE_KINDS } from './program-templates.js';
import { VERSION } from './version.js';
import { startJobs } from './jobs.js';
import { dateIn } from '../shared/dates.js';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** Runs one CLI command with a parsed config and an open, migrated database. */
async function withDatabase<T>(fn: (db: Database, config: Config) => Promise<T>, migrateFirst = true): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config, { migrate: migrateFirst });
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** One line on an imported set of outlines: how many, how big, and what has none. */
function reportOutlines(result: BoundaryImportResult): void {
  const left = result.unoutlined ? `; ${result.unoutlined} without one (${result.covered} within another's)` : '';
  out(
    `Stored ${result.outlines} ${result.level} outlines for ${result.country} (${kilobytes(result.bytes)} as TopoJSON)${left}.`,
  );
}

/** Imports Indonesia into an empty database, with its province outlines; true when it did (the first start). */
async function importIndonesiaIfEmpty(db: Database): Promise<boolean> {
  const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM areas WHERE country = 'ID'");
  if ((row?.n ?? 0) > 0) return false;
  out("Importing Indonesia's administrative areas (idn-area-data, ODbL) with its country pack — first start only…");
  const started = Date.now();
  const plan = await installPack(db, 'ID');
  out(`Imported ${plan.areas.added} areas in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  reportOutlines(await importIndonesiaOutlines(db));
  return true;
}

/**
 * An installation whose areas came before the outlines did gets Indonesia's province outlines on
 * its next start (one look-up when they are there).
 */
async function importIndonesiaOutlinesIfMissing(db: Database): Promise<void> {
  const [row] = await db.query<{ areas: boolean; outlines: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM areas WHERE country = 'ID' AND level = 'province') AS areas,
            EXISTS (SELECT 1 FROM boundary_sets WHERE country = 'ID' AND level = 'province') AS outlines`,
  );
  if (row?.areas && !row.outlines) reportOutlines(await importIndonesiaOutlines(db));
}

function seedDemoWith(db: Database, config: Config): Promise<DemoSeedResult> {
  out(`Seeding the demo program ${DEMO_PROGRAM.code}…`);
  return seedDemo(db, {
    secret: config.secret,
    files: fileStorageFor(config),
    warn: (line) => out(`warning: ${line}`),
  });
}

/** Reports a seeded demo (only after it committed); its accounts' passwords go to the one block. */
function reportDemo(result: DemoSeedResult): DemoAccount[] {
  if (!result.created) {
    out(`The demo program ${DEMO_PROGRAM.code} exists already; nothing was added.`);
    return [];
  }
  out(
    `Seeded the demo program ${DEMO_PROGRAM.code}: ${result.villages} villages, ${result.groups} producer groups, ` +
      `${result.members} members, ${result.products} products.`,
  );
  return result.accounts;
}

/** Saves the one-time passwords to an owner-only file in the data folder: its path, or null. */
function savePasswordsFile(config: Config, passwords: OneTimePasswords): string | null {
  if (!hasPasswords(passwords)) return null;
  try {
    return savePasswords(config.dataDir, passwords, new Date());
  } catch (error) {
    out(`warning: the passwords were not saved: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Prints the one-time passwords in one framed block, naming the file that keeps them. */
function showPasswords(passwords: OneTimePasswords, file: string | null): void {
  if (!hasPasswords(passwords)) return;
  for (const line of passwordsBlock(passwords, file)) out(line);
}

/**
 * The first start of an embedded installation: Indonesia's areas and, unless a program was made
 * already, the demo, in ONE transaction. A crash midway leaves neither, so the next start (which
 * finds no areas) does it all again; a demo that fails on its own is rolled back to its savepoint
 * with a warning, and the areas stay.
 */
async function firstStart(db: Database, config: Config): Promise<DemoSeedResult | null> {
  return inOneTransaction(db, async (tx) => {
    if (!(await importIndonesiaIfEmpty(tx))) return null;
    const [programs] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM programs');
    if (programs?.n) return null;
    return seedDemoWith(tx, config).catch((error: unknown) => {
      out(`warning: the demo program was not seeded: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
  });
}

async function createAdmin(db: Database, config: Config): Promise<OneTimePasswords['admin']> {
  const admin = await ensureFirstAdmin(db, { email: config.adminEmail, password: config.adminPassword });
  if (!admin) return undefined;
  if (!admin.generatedPassword) out(`A platform admin was created for ${admin.email}.`);
  return { email: admin.email, password: admin.generatedPassword ?? null };
}

/**
 * Frees the closed database's WASM memory (128 MB or more) now rather than at V8's next full
 * collection, which an idle server may not make for hours.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Whether the embedded database has no Indonesian areas yet: a first start (or one cut short). */
async function needsFirstStart(db: Database): Promise<boolean> {
  const [row] = await db.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM areas WHERE country = 'ID') AS any");
  return !row?.any;
}

/**
 * Runs the first start (`firstStart`) in a process of its own, with the database closed here, and
 * returns its demo. The import of 91,599 areas and the demo's photos leave about 200 MB of native
 * allocations that glibc keeps in its arenas for the life of a process: in a child, they go back
 * to the system when it exits, and the server runs as lean as after a restart
 * (docs/benchmarks.md, "Embedded server"). The child stops when this process does.
 */
/** What a first start made: the first admin's and the demo's one-time passwords. */
interface FirstStart {
  admin: OneTimePasswords['admin'];
  demo: DemoSeedResult | null;
}

function firstStartApart(): Promise<FirstStart> {
  const child = fork(fileURLToPath(import.meta.url), ['first-start'], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let made: FirstStart | undefined;
    child.on('message', (message: FirstStart) => (made = message));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 && made
        ? resolve(made)
        : reject(new Error(`the first start stopped (${signal ?? `exit code ${code}`})`)),
    );
  });
}

export async function serve(): Promise<void> {
  const config = loadConfig();
  const embedded = !config.databaseUrl && config.importAreasOnStart;
  const passwords: OneTimePasswords = {};
  let firstStarted = false;
  const report = (made: FirstStart) => {
    firstStarted = true;
    passwords.admin = made.admin;
    if (made.demo) passwords.demo = reportDemo(made.demo);
  };
  // A new embedded installation starts with something to look at; a new data folder is made
  // (created, migrated, filled) wholly in the first start's own process.
  if (embedded && !existsSync(join(config.dataDir, 'pglite', 'PG_VERSION'))) report(await firstStartApart());
  let db = await openDatabase(config);
  if (embedded && !firstStarted && (await needsFirstStart(db))) {
    // A first start cut short (the folder is there, the areas are not) is done again, whole.
    await db.close();
    report(await firstStartApart());
    db = await openDatabase(config, { migrate: false });
    collectGarbage();
  } else if (embedded) await importIndonesiaOutlinesIfMissing(db);
  const replicas =
    config.replicaUrls.length > 0
      ? await ReadReplicas.open(db, config.replicaUrls, {
          maxLagMs: config.replicaMaxLagMs,
          prepare: config.prepareStatements,
        })
      : undefined;
  passwords.admin ??= await createAdmin(db, config);
  // Saved at once, so a server that then fails to listen has not lost them; printed once listening.
  const passwordsFile = savePasswordsFile(config, passwords);
  const logStream = config.logFormat === 'text' ? textLogStream(process.stdout) : undefined;
  const app = await buildApp({ config, db, ...(replicas ? { replicas } : {}), ...(logStream ? { logStream } : {}) });
  const stopJobs = startJobs(db, config, new PersonalDataCipher(config.secret), (line) => app.log.warn(line));
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    stopJobs();
    await app.close();
    await replicas?.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    if (passwordsFile) process.stderr.write(`The one-time passwords of this start are in ${passwordsFile}\n`);
    throw error;
  }
  out(`OVOP ${VERSION} on ${db.kind} at http://${config.host}:${config.port}`);
  // Last, once the server is listening: nothing printed at start-up comes after them.
  showPasswords(passwords, passwordsFile);
}

function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof PackError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof Problem) {
    process.stderr.write(`${error.detail ?? error.title}\n`);
    for (const e of error.errors ?? []) process.stderr.write(`  ${e.path}: ${e.message}\n`);
  } else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}

const program = new Command('ovop').description('OVOP — the One Village One Product platform').version(VERSION);

program
  .command('serve', { isDefault: true })
  .description('start the web server')
  .action(() => serve().catch(fail));

// The server's first start, run by `serve` in a process of its own (firstStartApart); not for people.
program.command('first-start', { hidden: true }).action(async () => {
  // Its parent gone (stopped, or killed), the first start stops too: its transaction is not committed.
  const orphaned = () => process.exit(1);
  process.once('disconnect', orphaned);
  try {
    const made: FirstStart = await withDatabase(async (db, config) => ({
      admin: await createAdmin(db, config),
      demo: await firstStart(db, config),
    }));
    process.off('disconnect', orphaned);
    await new Promise<void>((resolve, reject) => process.send!(made, (e) => (e ? reject(e) : resolve())));
    process.disconnect();
  } catch (error) {
    fail(error);
  }
});

program
  .command('migrate')
  .description('apply database migrations')
  .action(() =>
    withDatabase(async (db) => {
      const applied = await migrate(db);
      out(applied.length ? `Applied ${applied.join(', ')}.` : 'The database is up to date.');
    }, false).catch(fail),
  );

program
  .command('import-areas')
  .description("import a country's administrative areas: Indonesia from idn-area-data, or any country from a CSV")
  .requiredOption('--country <code>', 'ISO 3166-1 alpha-2 country code, e.g. ID')
  .option('--csv <file>', 'CSV with the header code,parent_code,level,name')
  .option('--provinces <codes>', 'Indonesia only: comma-separated province codes to limit the import')
  .action((opts: { country: string; csv?: string; provinces?: string }) =>
    withDatabase(async (db) => {
      const country = opts.country.toUpperCase();
      const started = Date.now();
      let result;
      let outlines: BoundaryImportResult | undefined;
      if (opts.csv) {
        const { rows, errors } = parseAreasCsv(readFileSync(opts.csv, 'utf8'));
        result = await importAreas(db, country, rows, errors);
      } else if (country === 'ID') {
        result = await importAreas(db, 'ID', readIndonesiaAreas(opts.provinces?.split(',')));
      } else {
        throw new ConfigError(`No built-in areas for ${country}: pass --csv FILE`);
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (country === 'ID' && !opts.csv) outlines = await importIndonesiaOutlines(db, opts.provinces?.split(','));
      const levels = Object.entries(result.byLevel)
        .map(([level, n]) => `${n} ${level}`)
        .join(', ');
      out(`Imported ${result.rows} rows for ${country} in ${seconds} s (now: ${levels}).`);
      if (outlines) reportOutlines(outlines);
    }).catch(fail),
  );

program
  .command('impact')
  .description('indicators: `ovop impact rebuild` recomputes every summary they read from the facts')
  .command('rebuild')
  .description('recompute the indicator summaries (the monthly sales per regency and per province) from the facts')
  .action(() =>
    withDatabase(async (db) => {
      const started = Date.now();
      const written = await rebuildSummaries(db);
      const rows = Object.entries(written)
        .map(([table, n]) => `${table}: ${n} rows`)
        .join(', ');
      out(`Rebuilt ${rows} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }).catch(fail),
  );

program
  .command('import-boundaries')
  .description(
    "import area outlines keyed by area code from GeoJSON or TopoJSON (simplified beforehand); replaces the level's set",
  )
  .requiredOption('--file <file>', 'a GeoJSON FeatureCollection or a TopoJSON topology')
  .requiredOption('--level <level>', 'the level of the areas outlined, e.g. province or regency')
  .requiredOption('--licence <licence>', "the data's licence, e.g. 'CC BY 4.0' or 'Public domain'")
  .requiredOption('--attribution <text>', 'the credit the licence asks for, shown beside the map')
  .option('--source <text>', 'where the outlines come from (default: the file name)')
  .option('--code-property <name>', 'the feature property holding the area code', 'code')
  .option('--object <name>', 'TopoJSON: the object to read when the topology has several')
  .action(
    (opts: {
      file: string;
      level: string;
      licence: string;
      attribution: string;
      source?: string;
      codeProperty: string;
      object?: string;
    }) =>
      withDatabase(async (db) => {
        const { outlines, errors } = parseOutlineFile(readFileSync(opts.file, 'utf8'), opts);
        const { level, licence, attribution } = opts;
        const source = opts.source ?? basename(opts.file);
        reportOutlines(await importBoundaries(db, { level, licence, attribution, source, outlines }, errors));
      }).catch(fail),
  );

/** What a pack install changes (or, dry, would change), a line per part. */
function reportPack(plan: PackPlan, dryRun: boolean): void {
  const { areas } = plan;
  const from = plan.installedVersion ? `installed: ${plan.installedVersion}` : 'new install';
  out(`Country pack ${plan.country} ${plan.version} (${from})${dryRun ? ' — dry run, nothing written' : ''}:`);
  if (plan.upToDate) {
    out('  already installed and up to date; nothing changes.');
    return;
  }
  out(
    `  areas: ${areas.added} added, ${areas.renamed.length} renamed, ${areas.moved} moved, ` +
      `${areas.translated} with new translated names, ${areas.unchanged} unchanged` +
      (areas.notInPack ? `, ${areas.notInPack} not in the pack (kept)` : ''),
  );
  for (const r of areas.renamed.slice(0, 20)) out(`    ${r.code}: ${r.from} → ${r.to}`);
  if (areas.renamed.length > 20) out(`    … and ${areas.renamed.length - 20} more`);
  out(`  currency ${plan.currency}; locales ${plan.locales.join(', ')}; national id rule: ${plan.nationalIdRule}`);
  out(`  chart of accounts: ${plan.chartAccounts} accounts; certification kinds: ${plan.kinds.join(', ') || 'none'}`);
  out(`  rating-scheme templates: ${plan.templates.join(', ')}`);
  if (plan.unverified.length) out(`  unverified (check before relying on them): ${plan.unverified.join('; ')}`);
}

const country = program
  .command('country')
  .description('country packs (packs/XX): areas, currency, accounts, kinds, rubrics');
country
  .command('add')
  .description("install or upgrade a country's pack; running it again changes nothing")
  .argument('<code>', 'ISO 3166-1 alpha-2 country code, e.g. TH')
  .option('--dry-run', 'only show what would change', false)
  .action((code: string, opts: { dryRun: boolean }) =>
    withDatabase(async (db) => {
      const started = Date.now();
      const plan = await installPack(db, code.toUpperCase(), { dryRun: opts.dryRun });
      reportPack(plan, opts.dryRun);
      if (!opts.dryRun && !plan.upToDate) out(`Installed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }).catch(fail),
  );

/** A command's acts, as the system. */
const cliContext = (db: Database, config: Config) =>
  systemContext(db, { requestId: 'cli', cipher: new PersonalDataCipher(config.secret), files: fileStorageFor(config) });

const programs = program.command('programs').description('programs');
programs
  .command('create')
  .description('start a program from an installed country pack: its currency, locales, chart and rating template')
  .requiredOption('--country <code>', 'a country whose pack is installed, e.g. TH')
  .requiredOption('--code <code>', "the program's code, e.g. OTOP-TH")
  .requiredOption('--name <name>', "the program's name")
  .option('--template <key>', "a rating-scheme template of the pack (default: the pack's default)")
  .option('--started-on <date>', 'YYYY-MM-DD (default: today)')
  .action((opts: { country: string; code: string; name: string; template?: string; startedOn?: string }) =>
    withDatabase(async (db, config) => {
      const ctx = systemContext(db, {
        requestId: 'cli',
        cipher: new PersonalDataCipher(config.secret),
        files: fileStorageFor(config),
      });
      const { program: created, scheme } = await createProgramFromPack(ctx, {
        country: opts.country.toUpperCase(),
        code: opts.code,
        name: opts.name,
        template: opts.template,
        startedOn: opts.startedOn ?? dateIn(ctx.clock.now()),
      });
      out(
        `Created program ${created.code} (${created.id}) in ${created.country}: ${created.currency}, ` +
          `${created.locales.join(', ')}; rating scheme ${scheme.id} from the ${scheme.template} template.`,
      );
    }).catch(fail),
  );

programs
  .command('export-template')
  .description(
    "write one of a program's courses, rating schemes or story templates as a JSON file (to stdout), to copy into another program",
  )
  .requiredOption('--program <code>', "the program's code")
  .requiredOption('--kind <kind>', `what to export: ${TEMPLATE_KINDS.join(' or ')}`)
  .requiredOption('--id <id>', 'the course, rating scheme or story template')
  .action((opts: { program: string; kind: string; id: string }) =>
    withDatabase(async (db, config) => {
      const kind = TEMPLATE_KINDS.find((k) => k === opts.kind);
      if (!kind) throw new Error(`--kind must be ${TEMPLATE_KINDS.join(' or ')}`);
      const document = await exportTemplate(cliContext(db, config), opts.program, kind, opts.id);
      out(JSON.stringify(document, null, 2));
    }).catch(fail),
  );
programs
  .command('import-template')
  .description(
    'take a course, rating-scheme or story-template file (from export-template or the web) into a program, as a new one',
  )
  .requiredOption('--program <code>', "the program's code")
  .argument('<file>', 'the JSON file')
  .action((file: string, opts: { program: string }) =>
    withDatabase(async (db, config) => {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${file} is not a JSON file: ${(error as Error).message}`);
      }
      const done = await importTemplate(cliContext(db, config), opts.program, json);
      out(`Imported the ${done.kind} as ${done.id} into ${opts.program}.`);
      for (const m of done.missingLocales) out(`  ${m.path} has no text in ${m.locales.join(', ')}`);
      if (done.filesLeftBehind) out(`  ${done.filesLeftBehind} uploaded files stayed behind: upload them again.`);
    }).catch(fail),
  );

program
  .command('digests')
  .description(
    'write the daily and weekly notification digests that are due to the email outbox (the server does this every 15 minutes)',
  )
  .action(() =>
    withDatabase(async (db) => {
      const { written } = await writeDigests(db, new Date());
      out(`Wrote ${written} digest${written === 1 ? '' : 's'}.`);
    }).catch(fail),
  );

program
  .command('remind-events')
  .description(
    'tell everyone going to an event that starts within a day, each once (the server does this every 15 minutes)',
  )
  .action(() =>
    withDatabase(async (db) => {
      out(`Reminded ${await remindEvents(db)} people of events.`);
    }).catch(fail),
  );

program
  .command('seed-demo')
  .description('add a demo program: five villages, their producer groups and products, and an account per role')
  .action(() =>
    withDatabase(async (db, config) => {
      const passwords = { demo: reportDemo(await seedDemoWith(db, config)) };
      showPasswords(passwords, savePasswordsFile(config, passwords));
    }).catch(fail),
  );

const users = program.command('users').description('manage accounts');
users
  .command('create')
  .description('create an account (prints a generated password when none is given)')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .option('--password <password>', 'at least 10 characters, not easy to guess')
  .option('--admin', 'make the account a platform admin', false)
  .option('--locale <locale>', 'id, en or ja', 'id')
  .action((opts: { email: string; name: string; password?: string; admin: boolean; locale: string }) =>
    withDatabase(async (db, config) => {
      const password = opts.password ?? randomBytes(18).toString('base64url');
      const { record: user } = await createUser(
        systemContext(db, {
          requestId: 'cli',
          cipher: new PersonalDataCipher(config.secret),
          files: fileStorageFor(config),
        }),
        {
          email: opts.email.toLowerCase(),
          name: opts.name,
          password,
          isAdmin: opts.admin,
          locale: opts.locale as 'id',
        },
      );
      out(`Created ${user.email} (${user.id})${opts.password ? '' : ` with password: ${password}`}`);
    }).catch(fail),
  );

await program.parseAsync(process.argv);

import { parse } from 'csv-parse/sync';
import { inOneTransaction, type Database } from '../../db/database.js';
import { systemActor, type Ctx } from '../../http/context.js';
import { invalid, ruleBroken, type FieldError } from '../../http/errors.js';
import { hasPack, loadPack, type LoadedPack } from '../../packs/index.js';
import {
  areasOfCountry,
  importAreas,
  parseAreasCsv,
  readIndonesiaAreas,
  setAreaNames,
  type AreaInput,
} from '../geography/index.js';
import { recordAudit } from '../platform/index.js';
import { createProgram } from '../programs/index.js';
import { createScheme, schemeTemplateId } from '../quality/index.js';
import { countriesRepository } from './countries.repository.js';

/** Who an install is recorded as: the CLI's system actor, or the admin on the admin screens. */
type AuditBy = Pick<Ctx, 'actor' | 'requestId'>;

/** What installing a pack changes, or changed: shown by `ovop country add XX [--dry-run]`. */
export interface PackPlan {
  country: string;
  version: string;
  /** The version installed before, or null for a first install. */
  installedVersion: string | null;
  /** The installed pack is this one, file for file, and every area is as the pack has it. */
  upToDate: boolean;
  areas: {
    added: number;
    renamed: { code: string; from: string; to: string }[];
    /** Placed under another parent or at another level. */
    moved: number;
    /** Areas whose names in other languages change. */
    translated: number;
    unchanged: number;
    /** Areas of the country the pack does not list: kept (records may point at them). */
    notInPack: number;
  };
  currency: string;
  locales: string[];
  nationalIdRule: string;
  chartAccounts: number;
  kinds: string[];
  templates: string[];
  unverified: string[];
}

const unknownPack = (country: string) =>
  ruleBroken('country-pack-missing', `There is no country pack for ${country}.`, undefined, undefined, { country });

/** The pack's areas: its CSV, or Indonesia's from the idn-area-data package. */
function packAreas(loaded: LoadedPack): AreaInput[] {
  const { areas } = loaded.pack;
  if (!areas.file) return readIndonesiaAreas();
  const { rows, errors } = parseAreasCsv(loaded.read(areas.file));
  if (errors.length) throw invalid(errors, `packs/${loaded.pack.country}/${areas.file} has errors.`);
  return rows;
}

/** The names in other languages, by area code: `{ TH-10: { en: 'Bangkok' } }`. */
function packNames(loaded: LoadedPack): Map<string, Record<string, string>> {
  const names = new Map<string, Record<string, string>>();
  for (const [locale, file] of Object.entries(loaded.pack.areas.names ?? {})) {
    const records: { code: string; name: string }[] = parse(loaded.read(file), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
    for (const r of records) names.set(r.code, { ...names.get(r.code), [locale]: r.name });
  }
  return names;
}

const sameNames = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * Installs or upgrades a country's pack, or with `dryRun` only says what that would change. Only
 * the country's own areas and its pack record are written, in one transaction: a pack never touches
 * another country's rows (its codes are refused when another country holds them). Running it again
 * changes nothing.
 */
export async function installPack(
  db: Database,
  country: string,
  { dryRun = false, by = { actor: systemActor, requestId: null } }: { dryRun?: boolean; by?: AuditBy } = {},
): Promise<PackPlan> {
  if (!hasPack(country)) throw unknownPack(country);
  const loaded = loadPack(country);
  const { pack } = loaded;
  const rows = packAreas(loaded);
  const names = packNames(loaded);
  return inOneTransaction(db, async (tx) => {
    const before = new Map((await areasOfCountry(tx, country)).map((a) => [a.code, a]));
    const changed: AreaInput[] = [];
    const translated: { code: string; names: Record<string, string> }[] = [];
    const areas: PackPlan['areas'] = { added: 0, renamed: [], moved: 0, translated: 0, unchanged: 0, notInPack: 0 };
    for (const row of rows) {
      const was = before.get(row.code);
      const wanted = names.get(row.code) ?? {};
      if (!sameNames(wanted, was?.names ?? {})) translated.push({ code: row.code, names: wanted });
      if (!was) areas.added++;
      else if (was.parent_code !== row.parentCode || was.level !== row.level) areas.moved++;
      else if (was.name !== row.name) areas.renamed.push({ code: row.code, from: was.name, to: row.name });
      else {
        areas.unchanged++;
        continue;
      }
      changed.push(row);
    }
    const listed = new Set(rows.map((r) => r.code));
    areas.notInPack = [...before.keys()].filter((code) => !listed.has(code)).length;
    areas.translated = translated.length;
    const installed = await countriesRepository.installed(tx, country);
    const plan: PackPlan = {
      country,
      version: pack.version,
      installedVersion: installed?.version ?? null,
      upToDate: installed?.digest === loaded.digest && changed.length === 0 && translated.length === 0,
      areas,
      currency: pack.currency.code,
      locales: pack.locales,
      nationalIdRule: pack.nationalId.rule,
      chartAccounts: loaded.chart.length,
      kinds: pack.certificationKinds.map((k) => k.kind),
      templates: pack.ratingTemplates.map((t) => t.key),
      unverified: pack.unverified,
    };
    if (dryRun || plan.upToDate) return plan;
    // Only what changes goes through the import (its parents are checked against what is stored).
    if (changed.length) await importAreas(tx, country, changed);
    if (translated.length) await setAreaNames(tx, country, translated);
    await countriesRepository.record(tx, country, pack.version, loaded.digest, pack);
    await recordAudit(tx, by, {
      action: 'country_pack.install',
      entity: 'country',
      entityId: country,
      ...(installed ? { before: { version: installed.version } } : {}),
      after: {
        version: pack.version,
        added: areas.added,
        renamed: areas.renamed.length,
        moved: areas.moved,
        translated: areas.translated,
      },
    });
    return plan;
  });
}

export interface ProgramFromPack {
  country: string;
  code: string;
  name: string;
  startedOn: string;
  /** A rating-scheme template key the pack lists; its default one when left out. */
  template?: string | undefined;
}

/**
 * Starts a program from an installed pack: its currency, locales (the default one first) and product
 * categories, and a copy of one of its rating-scheme templates. Groups' books then open on the pack's chart and
 * members are checked by its national id rule, both by the program's country.
 */
export async function createProgramFromPack(ctx: Ctx, input: ProgramFromPack) {
  if (!hasPack(input.country)) throw unknownPack(input.country);
  const { pack } = loadPack(input.country);
  const key = input.template ?? pack.ratingTemplates.find((t) => t.default)!.key;
  const templateId = pack.ratingTemplates.some((t) => t.key === key) ? schemeTemplateId(key) : undefined;
  if (!templateId) {
    const errors: FieldError[] = [
      {
        path: 'template',
        code: 'unknown_reference',
        message: `is not a template of the ${input.country} pack (${pack.ratingTemplates.map((t) => t.key).join(', ')})`,
      },
    ];
    throw invalid(errors);
  }
  return inOneTransaction(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    if (!(await countriesRepository.installed(db, input.country)))
      throw ruleBroken(
        'country-pack-not-installed',
        `Install the ${input.country} pack first: ovop country add ${input.country}.`,
        undefined,
        undefined,
        { country: input.country },
      );
    const locales = [pack.defaultLocale, ...pack.locales.filter((l) => l !== pack.defaultLocale)];
    const { record: program } = await createProgram(tx, {
      code: input.code,
      name: input.name,
      country: input.country,
      currency: pack.currency.code,
      locales,
      startedOn: input.startedOn,
      categories: pack.categories,
    });
    const { record: scheme } = await createScheme(tx, { programId: program.id, templateId });
    return { program, scheme: { id: scheme.id, template: key } };
  });
}

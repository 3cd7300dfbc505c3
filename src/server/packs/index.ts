import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minorDigits } from '../../shared/money.js';
import { countryPack, packChart, type CountryPack, type PackChartAccount } from './pack.schema.js';

export type { CountryPack, NationalIdRule, PackChartAccount } from './pack.schema.js';

/** The repository's packs folder: three levels up from src/server/packs and from dist/server/packs alike. */
const PACKS_DIR = fileURLToPath(new URL('../../../packs/', import.meta.url));

export interface LoadedPack {
  pack: CountryPack;
  dir: string;
  chart: PackChartAccount[];
  /** The cooperative chart, when the pack ships one (`chart.cooperativeFile`). */
  cooperativeChart?: PackChartAccount[];
  /** sha-256 over the pack's files: the same digest installs nothing new. */
  digest: string;
  read: (file: string) => string;
}

export class PackError extends Error {}

const loaded = new Map<string, LoadedPack>();

/** The countries with a pack in the repository, in code order. */
let countries: string[] | undefined;
export function packCountries(): string[] {
  countries ??= readdirSync(PACKS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[A-Z]{2}$/.test(d.name) && existsSync(join(PACKS_DIR, d.name, 'pack.json')))
    .map((d) => d.name)
    .sort();
  return countries;
}

/** Whether the repository has a pack for the country. */
export const hasPack = (country: string): boolean => packCountries().includes(country);

/**
 * A country's pack, read and checked once per process: the schema, the files it names, and that
 * its currency's minor units agree with the ones amounts are stored in. Throws PackError.
 */
export function loadPack(country: string): LoadedPack {
  const cached = loaded.get(country);
  if (cached) return cached;
  if (!/^[A-Z]{2}$/.test(country) || !hasPack(country)) throw new PackError(`There is no pack for ${country}.`);
  const dir = join(PACKS_DIR, country);
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const raw = read('pack.json');
  const parsed = countryPack.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new PackError(`packs/${country}/pack.json is not a valid pack:\n${lines.join('\n')}`);
  }
  const pack = parsed.data;
  if (pack.country !== country) throw new PackError(`packs/${country}/pack.json is the pack of ${pack.country}.`);
  if (pack.currency.minorUnits !== minorDigits(pack.currency.code))
    throw new PackError(
      `packs/${country}: ${pack.currency.code} has ${minorDigits(pack.currency.code)} minor units (ISO 4217), not ${pack.currency.minorUnits}.`,
    );
  const chartFile = (file: string) => {
    const text = read(file);
    const chart = packChart.safeParse(JSON.parse(text));
    if (!chart.success) throw new PackError(`packs/${country}/${file} is not a chart: ${chart.error.message}`);
    hash.update(text);
    return chart.data;
  };
  const hash = createHash('sha256').update(raw);
  const chart = chartFile(pack.chart.file);
  const cooperativeChart = pack.chart.cooperativeFile ? chartFile(pack.chart.cooperativeFile) : undefined;
  for (const file of [pack.areas.file, ...Object.values(pack.areas.names ?? {})]) if (file) hash.update(read(file));
  const result = { pack, dir, chart, ...(cooperativeChart && { cooperativeChart }), digest: hash.digest('hex'), read };
  loaded.set(country, result);
  return result;
}

/** The pack of a country when the repository has one (what runs in a program there). */
export const packOf = (country: string): LoadedPack | undefined => (hasPack(country) ? loadPack(country) : undefined);

/** A certificate kind as the pack that brings it describes it (the first pack naming it), if any. */
export function packKind(kind: string): CountryPack['certificationKinds'][number] | undefined {
  for (const country of packCountries()) {
    const found = loadPack(country).pack.certificationKinds.find((k) => k.kind === kind);
    if (found) return found;
  }
  return undefined;
}

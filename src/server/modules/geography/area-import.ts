import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FieldError } from '../../http/errors.js';
import { areaCode } from './geography.schemas.js';
import type { AreaInput } from './geography.schemas.js';

export interface PlannedArea {
  code: string;
  parent_code: string | null;
  level: string;
  depth: number;
  name: string;
  path: string;
}

export interface ExistingArea {
  country: string;
  path: string;
  depth: number;
}

/**
 * Checks a whole file before anything is written and orders it parents-first with materialised
 * paths. Every problem is reported with its line: unknown parents, duplicate codes, cycles, bad
 * codes, empty names or levels, and codes that another country already uses.
 */
export function planAreaImport(
  inputs: AreaInput[],
  country: string,
  existing: Map<string, ExistingArea>,
): { areas: PlannedArea[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const byCode = new Map<string, AreaInput>();
  for (const row of inputs) {
    const at = `line ${row.line}`;
    if (!areaCode.safeParse(row.code).success)
      errors.push({
        path: `${at}.code`,
        code: 'area_code_invalid',
        params: { code: row.code },
        message: `"${row.code}" is not a valid area code`,
      });
    if (row.parentCode !== null && !areaCode.safeParse(row.parentCode).success) {
      errors.push({
        path: `${at}.parent_code`,
        code: 'area_code_invalid',
        params: { code: row.parentCode },
        message: `"${row.parentCode}" is not a valid area code`,
      });
    }
    if (!row.level) errors.push({ path: `${at}.level`, code: 'required', message: 'is empty' });
    if (!row.name) errors.push({ path: `${at}.name`, code: 'required', message: 'is empty' });
    if (row.name.length > 200)
      errors.push({
        path: `${at}.name`,
        code: 'too_big_string',
        params: { maximum: 200 },
        message: 'is longer than 200 characters',
      });
    const first = byCode.get(row.code);
    if (first)
      errors.push({
        path: `${at}.code`,
        code: 'duplicate_line',
        params: { line: first.line },
        message: `duplicates the code on line ${first.line}`,
      });
    else byCode.set(row.code, row);
    const other = existing.get(row.code);
    if (other && other.country !== country) {
      errors.push({
        path: `${at}.code`,
        code: 'area_other_country',
        params: { code: row.code, country: other.country },
        message: `"${row.code}" already belongs to country ${other.country}`,
      });
    }
  }
  for (const row of byCode.values()) {
    if (row.parentCode === null || byCode.has(row.parentCode)) continue;
    const parent = existing.get(row.parentCode);
    if (!parent)
      errors.push({
        path: `line ${row.line}.parent_code`,
        code: 'unknown_parent',
        params: { code: row.parentCode },
        message: `unknown parent "${row.parentCode}"`,
      });
    else if (parent.country !== country) {
      errors.push({
        path: `line ${row.line}.parent_code`,
        code: 'area_other_country',
        params: { code: row.parentCode, country: parent.country },
        message: `parent "${row.parentCode}" belongs to country ${parent.country}`,
      });
    }
  }
  if (errors.length > 0) return { areas: [], errors };

  // Walk down from the roots (areas placed by nothing in the file); what is never reached is a cycle,
  // including an area moved below one of its own existing descendants.
  const children = new Map<string, { row: AreaInput; anchor: Anchor }[]>();
  const areas: PlannedArea[] = [];
  const queue: PlannedArea[] = [];
  for (const row of byCode.values()) {
    const anchor = anchorOf(row, byCode, existing);
    if (anchor.code === null) queue.push(plan(row, anchor.suffix, anchor.depth));
    else {
      const list = children.get(anchor.code) ?? [];
      list.push({ row, anchor });
      children.set(anchor.code, list);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const area = queue[i]!;
    areas.push(area);
    for (const { row, anchor } of children.get(area.code) ?? []) {
      queue.push(plan(row, area.path + anchor.suffix, area.depth + anchor.depth));
    }
  }
  if (areas.length < byCode.size) {
    const placed = new Set(areas.map((a) => a.code));
    for (const row of byCode.values()) {
      if (!placed.has(row.code))
        errors.push({
          path: `line ${row.line}.parent_code`,
          code: 'area_cycle',
          params: { code: row.code },
          message: `"${row.code}" is part of a cycle`,
        });
    }
    return { areas: [], errors };
  }
  return { areas, errors };
}

/** The row's path is `suffix` below the planned path of the file's area `code` (or absolute when null). */
interface Anchor {
  code: string | null;
  suffix: string;
  depth: number;
}

/**
 * Where a row lands after the import: below its parent when the file has it. Otherwise below its
 * existing parent, which moves along when the file re-places one of that parent's ancestors, so the
 * row hangs (through the parent's unchanged path) below the deepest such ancestor.
 */
function anchorOf(row: AreaInput, byCode: Map<string, AreaInput>, existing: Map<string, ExistingArea>): Anchor {
  if (row.parentCode === null) return { code: null, suffix: '/', depth: 0 };
  if (byCode.has(row.parentCode)) return { code: row.parentCode, suffix: '', depth: 1 };
  const parent = existing.get(row.parentCode)!;
  const ancestor = parent.path
    .split('/')
    .filter((code) => code !== '' && code !== row.parentCode)
    .findLast((code) => byCode.has(code));
  const at = ancestor === undefined ? undefined : existing.get(ancestor);
  if (ancestor === undefined || !at) return { code: null, suffix: parent.path, depth: parent.depth + 1 };
  return { code: ancestor, suffix: parent.path.slice(at.path.length), depth: parent.depth - at.depth + 1 };
}

function plan(row: AreaInput, parentPath: string, depth: number): PlannedArea {
  return {
    code: row.code,
    parent_code: row.parentCode,
    level: row.level,
    depth,
    name: row.name,
    path: `${parentPath}${row.code}/`,
  };
}

/** Reads `code,parent_code,level,name` (a header line is required). Line numbers count the header as 1. */
export function parseAreasCsv(text: string): { rows: AreaInput[]; errors: FieldError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    return {
      rows: [],
      errors: [{ path: 'file', code: 'csv_invalid', message: `is not valid CSV: ${(error as Error).message}` }],
    };
  }
  const header = records[0]?.map((h) => h.toLowerCase());
  if (!header || header.join(',') !== 'code,parent_code,level,name') {
    return {
      rows: [],
      errors: [{ path: 'line 1', code: 'csv_header', message: 'the header must be code,parent_code,level,name' }],
    };
  }
  const rows: AreaInput[] = [];
  const errors: FieldError[] = [];
  records.slice(1).forEach((r, i) => {
    const line = i + 2;
    if (r.length !== 4) {
      errors.push({
        path: `line ${line}`,
        code: 'csv_columns',
        params: { count: r.length },
        message: `has ${r.length} columns, expected 4`,
      });
      return;
    }
    const [code, parent, level, name] = r as [string, string, string, string];
    rows.push({ line, code, parentCode: parent === '' ? null : parent, level, name });
  });
  return { rows, errors };
}

const INDONESIA_LEVELS = [
  { file: 'provinces.csv', level: 'province', parentColumn: null },
  { file: 'regencies.csv', level: 'regency', parentColumn: 'province_code' },
  { file: 'districts.csv', level: 'district', parentColumn: 'regency_code' },
  { file: 'villages.csv', level: 'village', parentColumn: 'district_code' },
] as const;

/**
 * Indonesia's areas as published by the `idn-area-data` package (Kemendagri codes; ODbL).
 * `provinces` limits the load to some provinces' subtrees (used by tests and demos).
 */
export function readIndonesiaAreas(provinces?: string[]): AreaInput[] {
  const require = createRequire(import.meta.url);
  const dataDir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
  const keep = (code: string) => !provinces || provinces.includes(code.split('.')[0]!);
  const rows: AreaInput[] = [];
  for (const { file, level, parentColumn } of INDONESIA_LEVELS) {
    const records: Record<string, string>[] = parse(readFileSync(join(dataDir, file), 'utf8'), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
    });
    records.forEach((r, i) => {
      const code = r.code!;
      if (!keep(code)) return;
      rows.push({ line: i + 2, code, parentCode: parentColumn ? r[parentColumn]! : null, level, name: r.name!.trim() });
    });
  }
  return rows;
}

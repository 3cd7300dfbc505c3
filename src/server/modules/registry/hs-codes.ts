import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Ctx } from '../../http/context.js';
import type { FieldError } from '../../http/errors.js';
import { requireUser } from '../platform/index.js';
import type { HsCodePage, HsCodeQuery } from './registry.schemas.js';

/**
 * The Harmonized System 2022 nomenclature (WCO; as published by UN Comtrade, public domain:
 * hs/README.md), read once on first use. Chapters (2 digits), headings (4) and subheadings (6),
 * English descriptions only. Comtrade's own "not specified according to kind" rows (99, 9999,
 * 999999) are not HS codes and are left out.
 */
export interface HsEntry {
  code: string;
  description: string;
  level: 2 | 4 | 6;
}

const SOURCE = new URL('./hs/hs2022.csv', import.meta.url);

let nomenclature: Map<string, HsEntry> | undefined;

function hs2022(): Map<string, HsEntry> {
  if (nomenclature) return nomenclature;
  const records: Record<string, string>[] = parse(readFileSync(SOURCE, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
  nomenclature = new Map();
  for (const r of records) {
    if (r.section === 'TOTAL') continue;
    const level = Number(r.level);
    if (level !== 2 && level !== 4 && level !== 6) continue;
    nomenclature.set(r.hscode!, { code: r.hscode!, description: r.description!, level });
  }
  return nomenclature;
}

/**
 * HS chapters a product of a program category may be classed in. Categories not listed here are
 * not checked. Food and drink: chapters 01–24 (animal and vegetable products, prepared
 * foodstuffs); basketry: 46 (plaiting), or 94 for baskets made into lamps or furniture; batik and
 * cloth: 50–63 (textiles).
 */
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const FOOD_CHAPTERS = range(1, 24);
const TEXTILE_CHAPTERS = range(50, 63);
export const CATEGORY_CHAPTERS: Readonly<Record<string, readonly number[]>> = {
  food: FOOD_CHAPTERS,
  beverage: FOOD_CHAPTERS,
  beverages: FOOD_CHAPTERS,
  drink: FOOD_CHAPTERS,
  food_beverage: FOOD_CHAPTERS,
  makanan: FOOD_CHAPTERS,
  minuman: FOOD_CHAPTERS,
  honey: FOOD_CHAPTERS,
  basketry: [46, 94],
  anyaman: [46, 94],
  batik: TEXTILE_CHAPTERS,
  textile: TEXTILE_CHAPTERS,
  woven_cloth: TEXTILE_CHAPTERS,
  tenun: TEXTILE_CHAPTERS,
};

const digitsOf = (code: string) => code.replace(/\D/g, '');

/**
 * An HS code given for a product, checked against HS 2022: a real 6-digit subheading (a national
 * 8- or 10-digit line is taken when its first six digits are one), whose chapter fits the
 * product's category. Returns the field errors, none when it passes.
 */
export function hsCodeErrors(code: string, category: string, path = 'hsCode'): FieldError[] {
  const digits = digitsOf(code);
  const known = hs2022();
  if (digits.length === 4 && known.get(digits)?.level === 4)
    return [
      {
        path,
        code: 'hs_code_needs_subheading',
        params: { code },
        message: `is a heading (${code}): a 6-digit subheading is needed, e.g. ${digits}.xx`,
      },
    ];
  if (digits.length < 6 || known.get(digits.slice(0, 6))?.level !== 6)
    return [{ path, code: 'hs_code_unknown', params: { code }, message: `${code} is not an HS 2022 subheading` }];
  return categoryErrors(code, category, path);
}

/** The chapter of a code against the category's chapters (any code, even one stored before the list was checked). */
export function categoryErrors(code: string, category: string, path = 'hsCode'): FieldError[] {
  const chapters = CATEGORY_CHAPTERS[category];
  const chapter = Number(digitsOf(code).slice(0, 2));
  if (!chapters || chapters.includes(chapter)) return [];
  return [
    {
      path,
      code: 'hs_code_category_mismatch',
      params: { chapter: String(chapter).padStart(2, '0'), category },
      message: `is in HS chapter ${String(chapter).padStart(2, '0')}, which does not fit the category ${category}`,
    },
  ];
}

/**
 * Subheadings for a picker: by code prefix when the query is digits, else by every word of the
 * query in the English description; at most `limit`, in code order.
 */
export function searchHsCodes(q: string, limit: number): HsEntry[] {
  const query = q.trim().toLowerCase();
  const digits = digitsOf(query);
  const byCode = digits.length > 0 && /^[\d.\s]+$/.test(query);
  const words = query.split(/\s+/).filter(Boolean);
  const found: HsEntry[] = [];
  for (const entry of hs2022().values()) {
    if (entry.level !== 6) continue;
    const hit = byCode
      ? entry.code.startsWith(digits)
      : words.every((w) => entry.description.toLowerCase().includes(w));
    if (hit) found.push(entry);
    if (found.length === limit) break;
  }
  return found;
}

/** GET /hs-codes: subheadings for the product form's picker, for any signed-in user. */
export function findHsCodes(ctx: Ctx, query: HsCodeQuery): HsCodePage {
  requireUser(ctx.actor);
  const items = searchHsCodes(query.q, query.limit).map((e) => ({
    code: `${e.code.slice(0, 4)}.${e.code.slice(4)}`,
    description: e.description,
  }));
  return { items, descriptionLocale: 'en' };
}

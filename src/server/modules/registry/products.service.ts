import { lockRow } from '../../db/sql.js';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { forbidden, invalid, notFound, ruleBroken, type FieldError } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion } from '../../http/versioning.js';
import { dateIn } from '../../../shared/dates.js';
import { fromMinor, minorDigits, toMinor, type Money } from '../../../shared/money.js';
import { abilities, authorize, can, recordAudit, requireUser, scopeOf } from '../platform/index.js';
import { programById } from '../programs/index.js';
import { groupsRepository } from './groups.repository.js';
import { categoryErrors, hsCodeErrors } from './hs-codes.js';
import {
  productsRepository,
  type Localized,
  type PhotoRow,
  type ProductRow,
  type ProductValues,
} from './products.repository.js';
import type { ExportReadinessQuestion, RegistryDeps } from './registry.deps.js';
import { groupPolicy, groupTarget, ofGroupTarget, productPolicy } from './registry.policy.js';
import type { Allergen, CreateProductBody, ListProductsQuery, PatchProductBody } from './registry.schemas.js';
import { pathOf } from './villages.service.js';

export function presentPhoto(photo: PhotoRow) {
  return {
    id: photo.id,
    url: `/media/${photo.storage_key}`,
    thumbnailUrl: `/media/${photo.thumbnail_key}`,
    contentType: photo.content_type,
    width: photo.width,
    height: photo.height,
    byteSize: photo.byte_size,
  };
}

/** The star badge while it is valid on `today`: a lapsed badge shows as none, with no write needed. */
function badgeOn(row: ProductRow, today: string) {
  const valid = row.stars !== null && (row.stars_valid_until === null || row.stars_valid_until >= today);
  return valid ? { stars: row.stars, starsValidUntil: row.stars_valid_until } : { stars: null, starsValidUntil: null };
}

/** A product as recorded (and audited), its badge as shown on `today`. */
export function presentProduct(row: ProductRow, photos: PhotoRow[], today: string) {
  return {
    id: row.id,
    programId: row.program_id,
    groupId: row.group_id,
    ...fieldsOf(row),
    ...badgeOn(row, today),
    photos: photos.map(presentPhoto),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A product as the actor gets it: with what they may do with it. */
export function productAnswer(ctx: Ctx | TxCtx, row: ProductRow, photos: PhotoRow[]) {
  return {
    ...presentProduct(row, photos, dateIn(ctx.clock.now())),
    abilities: abilities(ctx.actor, productPolicy, ofGroupTarget(row)),
  };
}
type ProductAnswer = ReturnType<typeof productAnswer>;

/** Every language's text, lower-cased, for catalog search. */
export function searchText(...texts: Localized[]): string {
  return texts
    .flatMap((t) => Object.values(t))
    .join(' \n ')
    .toLowerCase();
}

/** A product the actor may read, or 404; on the pool or inside the caller's transaction. */
export async function readProduct(ctx: Pick<Ctx | TxCtx, 'actor' | 'db'>, id: string): Promise<ProductRow> {
  const row = await productsRepository.byId(ctx.db, id);
  if (!row) throw notFound('Product');
  authorize(ctx.actor, productPolicy, 'read', ofGroupTarget(row));
  return row;
}

export async function getProduct(ctx: Ctx, id: string): Promise<ProductAnswer> {
  const row = await readProduct(ctx, id);
  return productAnswer(ctx, row, await productsRepository.photos(ctx.db, [row.id]));
}

export async function listProducts(ctx: Ctx, query: ListProductsQuery) {
  requireUser(ctx.actor);
  const scope = scopeOf(ctx.actor, productPolicy, 'read', {
    program: 'p.program_id',
    path: 'p.area_path',
    group: 'p.group_id',
  });
  const areaPath = query.area ? await pathOf(ctx.db, query.area, 'query.area') : undefined;
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await productsRepository.list(ctx.db, scope, { ...query, areaPath, after });
  const photos = await productsRepository.photos(
    ctx.db,
    rows.map((r) => r.id),
  );
  return toPage(
    rows,
    query.limit,
    (r) =>
      productAnswer(
        ctx,
        r,
        photos.filter((p) => p.product_id === r.id),
      ),
    (r) => [r.id],
  );
}

interface ProductFields {
  name: Localized;
  description: Localized;
  story: Localized;
  category: string;
  unit: string;
  price: Money;
  capacityPerMonth: number | null;
  hsCode: string | null;
  status: ProductRow['status'];
  shelfLifeDays: number | null;
  ingredients: Localized;
  allergens: Allergen[] | null;
  netQuantity: { amount: number; unit: NonNullable<ProductRow['net_unit']> } | null;
  storage: Localized;
}

/**
 * Rules a schema cannot check alone: the category is one of the program's, the price is in the
 * program's currency with no more decimals than it has, and each status has what it promises —
 * a product "ready to sell" has a description; an export-ready one also an English name and an
 * HS code (export paperwork needs both).
 */
function toValues(
  fields: ProductFields,
  program: { currency: string; categories: { code: string }[]; locales: string[] },
  sent: { hsCode: boolean; category: boolean },
): ProductValues {
  const errors: FieldError[] = [];
  // a text may be in any BCP 47 language the program declares (a Thai program's th), no other
  for (const field of ['name', 'description', 'story', 'ingredients', 'storage'] as const)
    for (const language of Object.keys(fields[field]))
      if (!program.locales.includes(language))
        errors.push({
          path: `${field}.${language}`,
          code: 'locale_not_declared',
          params: { locales: program.locales.join(', ') },
          message: `is in a language the program does not declare (${program.locales.join(', ')})`,
        });
  if (!program.categories.some((c) => c.code === fields.category)) {
    errors.push({
      path: 'category',
      code: 'invalid_value',
      params: { values: program.categories.map((c) => c.code).join(', ') },
      message: `is not one of the program's categories (${program.categories.map((c) => c.code).join(', ')})`,
    });
  }
  if (fields.price.currency !== program.currency)
    errors.push({
      path: 'price.currency',
      code: 'wrong_currency',
      params: { currency: program.currency },
      message: `must be ${program.currency}`,
    });
  const minor = toMinor(fields.price.amount, fields.price.currency);
  if (minor === undefined)
    errors.push({
      path: 'price.amount',
      code: 'money_decimals',
      params: { currency: fields.price.currency, decimals: minorDigits(fields.price.currency) },
      message: `has more decimals than ${fields.price.currency} allows`,
    });
  errors.push(...hsErrors(fields, sent));
  if (errors.length) throw invalid(errors);
  const ruleErrors: FieldError[] = [];
  if (fields.status !== 'draft' && Object.keys(fields.description).length === 0) {
    ruleErrors.push({
      path: 'description',
      code: 'needed_to_sell',
      message: 'is needed before a product is ready to sell',
    });
  }
  if (fields.status === 'export_ready') {
    if (!fields.name.en)
      ruleErrors.push({ path: 'name.en', code: 'needed_for_export', message: 'is needed for export' });
    if (!fields.hsCode) ruleErrors.push({ path: 'hsCode', code: 'needed_for_export', message: 'is needed for export' });
  }
  if (ruleErrors.length) throw ruleBroken('product-not-ready', `A product cannot be ${fields.status} yet.`, ruleErrors);
  return {
    name: fields.name,
    description: fields.description,
    story: fields.story,
    category: fields.category,
    unit: fields.unit,
    price_minor: minor!.toString(),
    currency: fields.price.currency,
    capacity_per_month: fields.capacityPerMonth,
    hs_code: fields.hsCode,
    status: fields.status,
    shelf_life_days: fields.shelfLifeDays,
    ingredients: fields.ingredients,
    allergens: fields.allergens,
    net_amount: fields.netQuantity ? String(fields.netQuantity.amount) : null,
    net_unit: fields.netQuantity?.unit ?? null,
    storage: fields.storage,
    search_text: searchText(fields.name, fields.description, fields.story),
  };
}

/**
 * An HS code sent is checked against HS 2022 and the category; a code stored before these checks
 * stays as it is until it is sent again, but a new category must still fit its chapter.
 */
function hsErrors(fields: ProductFields, sent: { hsCode: boolean; category: boolean }): FieldError[] {
  if (!fields.hsCode) return [];
  if (sent.hsCode) return hsCodeErrors(fields.hsCode, fields.category);
  return sent.category ? categoryErrors(fields.hsCode, fields.category) : [];
}

/** The product's facts in the shape of its fields, price as stored (for replays and edits). */
function fieldsOf(row: ProductRow): ProductFields {
  return {
    name: row.name,
    description: row.description,
    story: row.story,
    category: row.category,
    unit: row.unit,
    price: fromMinor(row.price_minor, row.currency),
    capacityPerMonth: row.capacity_per_month,
    hsCode: row.hs_code,
    status: row.status,
    shelfLifeDays: row.shelf_life_days,
    ingredients: row.ingredients,
    allergens: row.allergens as Allergen[] | null,
    netQuantity:
      row.net_amount !== null && row.net_unit ? { amount: Number(row.net_amount), unit: row.net_unit } : null,
    storage: row.storage,
  };
}

export async function createProduct(
  ctx: Ctx,
  deps: RegistryDeps,
  input: CreateProductBody,
): Promise<Created<ProductAnswer>> {
  requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const group = await groupsRepository.byId(tx.db, input.groupId);
    if (!group || !can(tx.actor, groupPolicy, 'read', groupTarget(group)))
      throw invalid([{ path: 'groupId', code: 'unknown_reference', message: 'no such producer group' }]);
    if (!can(tx.actor, groupPolicy, 'addProduct', groupTarget(group)))
      throw forbidden('You may not add products to this group.');
    const fields: ProductFields = {
      name: input.name,
      description: input.description ?? {},
      story: input.story ?? {},
      category: input.category,
      unit: input.unit,
      price: input.price,
      capacityPerMonth: input.capacityPerMonth ?? null,
      hsCode: input.hsCode ?? null,
      status: input.status,
      shelfLifeDays: input.shelfLifeDays ?? null,
      ingredients: input.ingredients ?? {},
      allergens: input.allergens ?? null,
      netQuantity: input.netQuantity ?? null,
      storage: input.storage ?? {},
    };
    return createOnce(tx.db, {
      id: input.id,
      find: (id) => productsRepository.byId(tx.db, id),
      existing: { kind: 'product', among: (ids) => productsRepository.existing(tx.db, ids) },
      visible: (row) => can(tx.actor, productPolicy, 'read', ofGroupTarget(row)),
      stored: (row) => ({ groupId: row.group_id, ...fieldsOf(row) }),
      input: {
        groupId: input.groupId,
        ...fields,
        // As stored: an amount with more decimals than the currency has never equals a stored one.
        price: fromMinor(toMinor(fields.price.amount, fields.price.currency) ?? -1n, fields.price.currency),
      },
      present: async (row) => productAnswer(tx, row, await productsRepository.photos(tx.db, [row.id])),
      create: async (id) => {
        const program = (await programById(tx.db, group.program_id))!;
        const values = toValues(fields, program, { hsCode: true, category: true });
        if (values.status === 'export_ready')
          await assertExportReady(tx, deps, null, { programId: group.program_id, groupId: group.id }, fields);
        const row = await productsRepository.insert(tx.db, {
          id,
          program_id: group.program_id,
          group_id: group.id,
          area_path: group.area_path,
          ...values,
        });
        await recordAudit(tx.db, tx, {
          action: 'product.create',
          entity: 'product',
          entityId: id,
          after: presentProduct(row, [], dateIn(tx.clock.now())),
        });
        return productAnswer(tx, row, []);
      },
    });
  });
}

export async function patchProduct(
  ctx: Ctx,
  deps: RegistryDeps,
  id: string,
  base: number,
  input: PatchProductBody,
): Promise<ProductAnswer> {
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'products', id);
    const current = await productsRepository.byId(tx.db, id);
    if (!current) throw notFound('Product');
    authorize(tx.actor, productPolicy, 'update', ofGroupTarget(current));
    const photos = await productsRepository.photos(tx.db, [id]);
    assertVersion(current, base, () => productAnswer(tx, current, photos));
    const { version: _version, ingredients, storage, ...changes } = input;
    const fields: ProductFields = {
      ...fieldsOf(current),
      ...changes,
      ...(ingredients !== undefined && { ingredients: ingredients ?? {} }),
      ...(storage !== undefined && { storage: storage ?? {} }),
    };
    const owner = { programId: current.program_id, groupId: current.group_id };
    // A product asked to become export-ready must pass; one that merely stays export-ready while
    // a certificate it relied on has lapsed falls back to ready with this write.
    if (fields.status === 'export_ready' && changes.status !== 'export_ready') {
      if ((await exportReadinessErrors(tx, deps, id, owner, fields)).length) fields.status = 'ready';
    }
    const program = (await programById(tx.db, current.program_id))!;
    const values = toValues(fields, program, {
      hsCode: changes.hsCode !== undefined,
      category: changes.category !== undefined,
    });
    if (changes.status === 'export_ready') await assertExportReady(tx, deps, id, owner, fields);
    const row = await productsRepository.update(tx.db, id, values);
    const today = dateIn(tx.clock.now());
    await recordAudit(tx.db, tx, {
      action: 'product.update',
      entity: 'product',
      entityId: id,
      before: presentProduct(current, photos, today),
      after: presentProduct(row, photos, today),
    });
    return productAnswer(tx, row, photos);
  });
}

/** What the export checklists read of a product. */
function readinessQuestion(
  id: string | null,
  programId: string,
  groupId: string,
  fields: ProductFields,
): ExportReadinessQuestion {
  return {
    id,
    groupId,
    programId,
    category: fields.category,
    name: fields.name,
    hsCode: fields.hsCode,
    label: {
      ingredients: fields.ingredients,
      allergens: fields.allergens,
      netQuantity: fields.netQuantity,
      shelfLifeDays: fields.shelfLifeDays,
      storage: fields.storage,
    },
  };
}

/** A stored product as the export checklists read it (for modules that re-judge products). */
export const productReadinessQuestion = (row: ProductRow) =>
  readinessQuestion(row.id, row.program_id, row.group_id, fieldsOf(row));

/** The quality module's failed checks for the product's facts, on the command's day. */
function exportReadinessErrors(
  tx: TxCtx,
  deps: RegistryDeps,
  id: string | null,
  owner: { programId: string; groupId: string },
  fields: ProductFields,
): Promise<FieldError[]> {
  const question = readinessQuestion(id, owner.programId, owner.groupId, fields);
  return deps.exportReadiness(tx.db, question, dateIn(tx.clock.now()));
}

/** Export-ready only when ready for at least one target market (the quality module's checklists). */
async function assertExportReady(
  tx: TxCtx,
  deps: RegistryDeps,
  id: string | null,
  owner: { programId: string; groupId: string },
  fields: ProductFields,
) {
  const errors = await exportReadinessErrors(tx, deps, id, owner, fields);
  if (errors.length) throw ruleBroken('product-not-ready', 'The product is not ready for any export market.', errors);
}

import { v7 as uuidv7 } from 'uuid';
import { lockRow } from '../../db/sql.js';
import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { forbidden, invalid, notFound, ruleBroken, type FieldError } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion, idInUse, replayOrConflict } from '../../http/versioning.js';
import { fromMinor, toMinor, type Money } from '../../../shared/money.js';
import { reaches, recordAudit, requireUser, scopeCondition } from '../platform/index.js';
import { programsRepository } from '../programs/index.js';
import { groupsRepository } from './groups.repository.js';
import { groupTarget } from './groups.service.js';
import {
  productsRepository,
  type Localized,
  type PhotoRow,
  type ProductRow,
  type ProductValues,
} from './products.repository.js';
import { exportReadinessErrors } from './export-readiness.hook.js';
import { assertMayRead, assertMayWrite, ROLES } from './registry.policy.js';
import type { CreateProductBody, ListProductsQuery, PatchProductBody } from './registry.schemas.js';
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

export function presentProduct(row: ProductRow, photos: PhotoRow[] = []) {
  return {
    id: row.id,
    programId: row.program_id,
    groupId: row.group_id,
    name: row.name,
    description: row.description,
    story: row.story,
    category: row.category,
    unit: row.unit,
    price: fromMinor(row.price_minor, row.currency),
    capacityPerMonth: row.capacity_per_month,
    hsCode: row.hs_code,
    status: row.status,
    stars: row.stars,
    photos: photos.map(presentPhoto),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
type PresentedProduct = ReturnType<typeof presentProduct>;

export const productTarget = (row: Pick<ProductRow, 'program_id' | 'area_path' | 'group_id'>) => ({
  programId: row.program_id,
  areaPath: row.area_path,
  groupId: row.group_id,
});

const content = (p: PresentedProduct) => ({
  groupId: p.groupId,
  name: p.name,
  description: p.description,
  story: p.story,
  category: p.category,
  unit: p.unit,
  price: p.price,
  capacityPerMonth: p.capacityPerMonth,
  hsCode: p.hsCode,
  status: p.status,
});

/** Every language's text, lower-cased, for catalog search. */
export function searchText(...texts: Localized[]): string {
  return texts
    .flatMap((t) => Object.values(t))
    .join(' \n ')
    .toLowerCase();
}

/** A product the actor may read, or 404. */
export async function readProduct(ctx: Pick<Ctx, 'actor'> & { db: Queryable }, id: string): Promise<ProductRow> {
  const row = await productsRepository.byId(ctx.db, id);
  if (!row) throw notFound('Product');
  assertMayRead(ctx.actor, productTarget(row), ROLES.readGroup, 'Product');
  return row;
}

export async function getProduct(ctx: Ctx, id: string): Promise<PresentedProduct> {
  const row = await readProduct(ctx, id);
  return presentProduct(row, await productsRepository.photos(ctx.db, [row.id]));
}

export async function listProducts(ctx: Ctx, query: ListProductsQuery) {
  requireUser(ctx.actor);
  const params: unknown[] = [];
  const scope = scopeCondition(
    ctx.actor,
    ROLES.readGroup,
    { program: 'p.program_id', path: 'p.area_path', group: 'p.group_id' },
    params,
  );
  const areaPath = query.area ? await pathOf(ctx.db, query.area, 'query.area') : undefined;
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await productsRepository.list(ctx.db, scope, params, { ...query, areaPath, after });
  const photos = await productsRepository.photos(
    ctx.db,
    rows.map((r) => r.id),
  );
  return toPage(
    rows,
    query.limit,
    (r) =>
      presentProduct(
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
}

/**
 * Rules a schema cannot check alone: the category is one of the program's, the price is in the
 * program's currency with no more decimals than it has, and each status has what it promises —
 * a product "ready to sell" has a description; an export-ready one also an English name and an
 * HS code (export paperwork needs both).
 */
function toValues(fields: ProductFields, program: { currency: string; categories: { code: string }[] }): ProductValues {
  const errors: FieldError[] = [];
  if (!program.categories.some((c) => c.code === fields.category)) {
    errors.push({
      path: 'category',
      message: `is not one of the program's categories (${program.categories.map((c) => c.code).join(', ')})`,
    });
  }
  if (fields.price.currency !== program.currency)
    errors.push({ path: 'price.currency', message: `must be ${program.currency}` });
  const minor = toMinor(fields.price.amount, fields.price.currency);
  if (minor === undefined)
    errors.push({ path: 'price.amount', message: `has more decimals than ${fields.price.currency} allows` });
  if (errors.length) throw invalid(errors);
  const ruleErrors: FieldError[] = [];
  if (fields.status !== 'draft' && Object.keys(fields.description).length === 0) {
    ruleErrors.push({ path: 'description', message: 'is needed before a product is ready to sell' });
  }
  if (fields.status === 'export_ready') {
    if (!fields.name.en) ruleErrors.push({ path: 'name.en', message: 'is needed for export' });
    if (!fields.hsCode) ruleErrors.push({ path: 'hsCode', message: 'is needed for export' });
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
    search_text: searchText(fields.name, fields.description, fields.story),
  };
}

export async function createProduct(
  ctx: Ctx,
  input: CreateProductBody,
): Promise<{ product: PresentedProduct; created: boolean }> {
  requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const group = await groupsRepository.byId(tx, input.groupId);
    if (!group || !reaches(ctx.actor, groupTarget(group), ROLES.readGroup))
      throw invalid([{ path: 'groupId', message: 'no such producer group' }]);
    if (!reaches(ctx.actor, groupTarget(group), ROLES.writeGroup))
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
    };
    if (input.id) {
      const existing = await productsRepository.byId(tx, input.id);
      if (existing && !reaches(ctx.actor, productTarget(existing), ROLES.readGroup)) throw idInUse();
      if (existing) {
        const current = presentProduct(existing, await productsRepository.photos(tx, [existing.id]));
        const incoming = {
          groupId: input.groupId,
          ...fields,
          price: fromMinor(toMinor(fields.price.amount, fields.price.currency) ?? -1n, fields.price.currency),
        };
        return { product: replayOrConflict(content(current), incoming, () => current), created: false };
      }
    }
    const program = (await programsRepository.byId(tx, group.program_id))!;
    const values = toValues(fields, program);
    if (values.status === 'export_ready') await assertExportReady(tx, null, group.id, fields);
    const id = input.id ?? uuidv7();
    await productsRepository.insert(tx, {
      id,
      program_id: group.program_id,
      group_id: group.id,
      area_path: group.area_path,
      ...values,
    });
    const product = presentProduct((await productsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, { action: 'product.create', entity: 'product', entityId: id, after: product });
    return { product, created: true };
  });
}

export async function patchProduct(
  ctx: Ctx,
  id: string,
  base: number,
  input: PatchProductBody,
): Promise<PresentedProduct> {
  return ctx.db.transaction(async (tx) => {
    await lockRow(tx, 'products', id);
    const current = await productsRepository.byId(tx, id);
    if (!current) throw notFound('Product');
    assertMayWrite(ctx.actor, productTarget(current), ROLES.readGroup, ROLES.writeGroup, 'Product');
    const photos = await productsRepository.photos(tx, [id]);
    const before = presentProduct(current, photos);
    assertVersion(current, base, () => before);
    const { version: _version, ...changes } = input;
    const fields: ProductFields = { ...content(before), ...changes };
    // A product asked to become export-ready must pass; one that merely stays export-ready while
    // a certificate it relied on has lapsed falls back to ready with this write.
    if (fields.status === 'export_ready' && changes.status !== 'export_ready') {
      const facts = { ...fields, groupId: current.group_id };
      if ((await exportReadinessErrors(tx, { id, ...facts })).length) fields.status = 'ready';
    }
    const program = (await programsRepository.byId(tx, current.program_id))!;
    const values = toValues(fields, program);
    if (changes.status === 'export_ready') await assertExportReady(tx, id, current.group_id, fields);
    await productsRepository.update(tx, id, values);
    const after = presentProduct((await productsRepository.byId(tx, id))!, photos);
    await recordAudit(tx, ctx, { action: 'product.update', entity: 'product', entityId: id, before, after });
    return after;
  });
}

/** Export-ready only when ready for at least one target market (the quality module's checklists). */
async function assertExportReady(db: Queryable, id: string | null, groupId: string, fields: ProductFields) {
  const errors = await exportReadinessErrors(db, { id, groupId, ...fields });
  if (errors.length) throw ruleBroken('product-not-ready', 'The product is not ready for any export market.', errors);
}

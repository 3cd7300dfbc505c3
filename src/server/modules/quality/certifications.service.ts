import { v7 as uuidv7 } from 'uuid';
import { lockRow } from '../../db/sql.js';
import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion, replayOrConflict } from '../../http/versioning.js';
import type { FileStorage } from '../../storage/file-storage.js';
import { reaches, recordAudit, requireUser, scopeCondition } from '../platform/index.js';
import { groupsRepository, groupTarget, productsRepository, productTarget } from '../registry/index.js';
import { attachmentType } from './attachments.js';
import { checkCertification } from './certification-rules.js';
import { certificationsRepository, type CertificationRow } from './certifications.repository.js';
import { assertRole, ROLES } from './quality.policy.js';
import type { CreateCertificationBody, ListCertificationsQuery, PatchCertificationBody } from './quality.schemas.js';
import { settleExportStatus } from './readiness.service.js';
import { addDays, today } from './scoring.js';

export function presentCertification(row: CertificationRow) {
  return {
    id: row.id,
    programId: row.program_id,
    groupId: row.group_id,
    productId: row.product_id,
    kind: row.kind,
    number: row.number,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    document: row.document_key
      ? { url: `/media/${row.document_key}`, contentType: row.document_type, byteSize: row.document_size }
      : null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
type PresentedCertification = ReturnType<typeof presentCertification>;

const target = (row: CertificationRow) => ({
  programId: row.program_id,
  areaPath: row.area_path,
  groupId: row.group_id,
});

const content = (c: PresentedCertification) => ({
  groupId: c.groupId,
  productId: c.productId,
  kind: c.kind,
  number: c.number,
  issuer: c.issuer,
  issuedOn: c.issuedOn,
  expiresOn: c.expiresOn,
});

async function readCertification(ctx: Pick<Ctx, 'actor'> & { db: Queryable }, id: string) {
  const row = await certificationsRepository.byId(ctx.db, id);
  requireUser(ctx.actor);
  if (!row || !reaches(ctx.actor, target(row), [...ROLES.readProduct, 'assessor'])) throw notFound('Certification');
  return row;
}

export async function getCertification(ctx: Ctx, id: string): Promise<PresentedCertification> {
  return presentCertification(await readCertification(ctx, id));
}

/** Certificates in the actor's scope; `expiringWithinDays` lists those that expire from today to N days ahead. */
export async function listCertifications(ctx: Ctx, query: ListCertificationsQuery) {
  requireUser(ctx.actor);
  const params: unknown[] = [];
  const scope = scopeCondition(
    ctx.actor,
    [...ROLES.readProduct, 'assessor'],
    { program: 'c.program_id', path: 'c.area_path', group: 'c.group_id' },
    params,
  );
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const from = today();
  const rows = await certificationsRepository.list(ctx.db, scope, params, {
    ...query,
    expiringBetween:
      query.expiringWithinDays === undefined ? undefined : [from, addDays(from, query.expiringWithinDays)],
    after,
  });
  return toPage(rows, query.limit, presentCertification, (r) => [r.id]);
}

/** Where a certificate attaches: a product (and so its group) or a whole producer group. */
async function holderOf(
  ctx: Ctx,
  tx: Queryable,
  input: { productId?: string | undefined; groupId?: string | undefined },
) {
  if (input.productId) {
    const product = await productsRepository.byId(tx, input.productId);
    if (!product || !reaches(ctx.actor, productTarget(product), ROLES.readProduct))
      throw invalid([{ path: 'productId', message: 'no such product' }]);
    if (input.groupId && input.groupId !== product.group_id)
      throw invalid([{ path: 'groupId', message: "is not the product's group" }]);
    return { target: productTarget(product), productId: product.id };
  }
  const group = await groupsRepository.byId(tx, input.groupId!);
  if (!group || !reaches(ctx.actor, groupTarget(group), ROLES.readProduct))
    throw invalid([{ path: 'groupId', message: 'no such producer group' }]);
  return { target: groupTarget(group), productId: null };
}

export async function createCertification(
  ctx: Ctx,
  input: CreateCertificationBody,
): Promise<{ certification: PresentedCertification; created: boolean }> {
  requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const holder = await holderOf(ctx, tx, input);
    assertRole(ctx.actor, holder.target, ROLES.enterProduct, 'record certificates here');
    const { errors, expiresOn } = checkCertification(input);
    if (errors.length) throw invalid(errors);
    if (input.id) {
      const existing = await certificationsRepository.byId(tx, input.id);
      if (existing) {
        const current = presentCertification(existing);
        const incoming = {
          groupId: holder.target.groupId,
          productId: holder.productId,
          kind: input.kind,
          number: input.number,
          issuer: input.issuer,
          issuedOn: input.issuedOn,
          expiresOn,
        };
        return { certification: replayOrConflict(content(current), incoming, () => current), created: false };
      }
    }
    const id = input.id ?? uuidv7();
    await certificationsRepository.insert(tx, {
      id,
      program_id: holder.target.programId,
      group_id: holder.target.groupId!,
      product_id: holder.productId,
      area_path: holder.target.areaPath,
      kind: input.kind,
      number: input.number,
      issuer: input.issuer,
      issued_on: input.issuedOn,
      expires_on: expiresOn,
    });
    const certification = presentCertification((await certificationsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'certification.create',
      entity: 'certification',
      entityId: id,
      after: certification,
    });
    return { certification, created: true };
  });
}

async function writable(ctx: Ctx, tx: Queryable, id: string) {
  const row = await readCertification({ actor: ctx.actor, db: tx }, id);
  if (!reaches(ctx.actor, target(row), ROLES.enterProduct)) throw forbidden('You may not change this certification.');
  return row;
}

/** Export-ready products this certificate covered fall back to ready when they no longer pass anywhere. */
async function settleCovered(ctx: Ctx, tx: Queryable, row: CertificationRow) {
  const ids = await certificationsRepository.exportReadyProductsCovered(tx, row.group_id, row.product_id);
  const products = (await Promise.all(ids.map((pid) => productsRepository.byId(tx, pid)))).filter(
    (p) => p !== undefined,
  );
  await settleExportStatus(
    tx,
    ctx,
    products.map((p) => ({ id: p.id, groupId: p.group_id, category: p.category, name: p.name, hsCode: p.hs_code })),
    today(),
  );
}

export async function patchCertification(
  ctx: Ctx,
  id: string,
  base: number,
  input: PatchCertificationBody,
): Promise<PresentedCertification> {
  return ctx.db.transaction(async (tx) => {
    await lockRow(tx, 'certifications', id);
    const current = await writable(ctx, tx, id);
    const before = presentCertification(current);
    assertVersion(current, base, () => before);
    const fields = {
      kind: current.kind,
      number: input.number ?? current.number,
      issuer: input.issuer ?? current.issuer,
      issuedOn: input.issuedOn ?? current.issued_on,
      // An FDA registration's expiry follows its issue date; recompute unless one is sent.
      expiresOn:
        input.expiresOn !== undefined || current.kind === 'fda_registration' ? input.expiresOn : current.expires_on,
    };
    const { errors, expiresOn } = checkCertification(fields);
    if (errors.length) throw invalid(errors);
    await certificationsRepository.update(tx, id, {
      number: fields.number,
      issuer: fields.issuer,
      issued_on: fields.issuedOn,
      expires_on: expiresOn,
    });
    const after = presentCertification((await certificationsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'certification.update',
      entity: 'certification',
      entityId: id,
      before,
      after,
    });
    await settleCovered(ctx, tx, current);
    return after;
  });
}

export async function deleteCertification(ctx: Ctx, files: FileStorage, id: string): Promise<void> {
  const row = await ctx.db.transaction(async (tx) => {
    const current = await writable(ctx, tx, id);
    await certificationsRepository.delete(tx, id);
    await recordAudit(tx, ctx, {
      action: 'certification.delete',
      entity: 'certification',
      entityId: id,
      before: presentCertification(current),
    });
    await settleCovered(ctx, tx, current);
    return current;
  });
  if (row.document_key) await files.delete(row.document_key);
}

/** Attaches (or replaces) the scanned certificate: a PDF, JPEG or PNG. */
export async function attachCertificationDocument(ctx: Ctx, files: FileStorage, id: string, data: Buffer) {
  const current = await writable(ctx, ctx.db, id);
  const { type, ext } = attachmentType(data, 'document');
  const key = `certifications/${id}/${uuidv7()}.${ext}`;
  // File first: a crash leaves at worst an unreferenced file, never a row pointing at nothing.
  await files.put(key, data);
  const after = await ctx.db.transaction(async (tx) => {
    await certificationsRepository.setDocument(tx, id, { key, type, size: data.length });
    const after = presentCertification((await certificationsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'certification.document',
      entity: 'certification',
      entityId: id,
      before: presentCertification(current),
      after,
    });
    return after;
  });
  if (current.document_key) await files.delete(current.document_key);
  return after;
}

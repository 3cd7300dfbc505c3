import { v7 as uuidv7 } from 'uuid';
import { lockRow } from '../../db/sql.js';
import type { Queryable } from '../../db/database.js';
import { inTransaction, type Ctx, type TxCtx, type UserActor } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion } from '../../http/versioning.js';
import { addDays, dateIn } from '../../../shared/dates.js';
import { abilities, authorize, can, recordAudit, requireUser, scopeOf } from '../platform/index.js';
import {
  exportReadyProductIds,
  groupById,
  groupTarget,
  productById,
  productReadinessQuestion,
  productTarget,
} from '../registry/index.js';
import { mediaUrl, recordIdOf, type LinkSigner } from '../../storage/media-links.js';
import { attachmentType } from './attachments.js';
import { checkCertification } from './certification-rules.js';
import { certificationsRepository, type CertificationRow } from './certifications.repository.js';
import { certificationPolicy, holderPolicy } from './quality.policy.js';
import type { CreateCertificationBody, ListCertificationsQuery, PatchCertificationBody } from './quality.schemas.js';
import { settleExportStatus } from './readiness.service.js';

const target = (row: CertificationRow) => ({
  programId: row.program_id,
  areaPath: row.area_path,
  groupId: row.group_id,
});

/** A certificate as the audit log keeps it: where its document is stored, never a link. */
function certificationFacts(row: CertificationRow) {
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
      ? { key: row.document_key, contentType: row.document_type, byteSize: row.document_size }
      : null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * A certificate as answered: its facts, its document as a link that opens it for the caller for a
 * few minutes, and what the actor may do with it (the list's edit/delete buttons).
 */
function presentCertification(row: CertificationRow, signer: LinkSigner) {
  const { document, ...facts } = certificationFacts(row);
  return {
    ...facts,
    document: document && {
      url: mediaUrl(signer, document.key),
      contentType: document.contentType,
      byteSize: document.byteSize,
    },
    abilities: abilities(signer.actor, certificationPolicy, target(row)),
  };
}
type PresentedCertification = ReturnType<typeof presentCertification>;

/** A certificate the actor may see and do `action` on: 404 when they may not see it, 403 when they may not act. */
async function readCertification(
  ctx: Ctx | TxCtx,
  id: string,
  action: 'read' | 'update' | 'delete' | 'attachDocument' = 'read',
) {
  requireUser(ctx.actor);
  const row = await certificationsRepository.byId(ctx.db, id);
  if (!row) throw notFound('Certification');
  authorize(ctx.actor, certificationPolicy, action, target(row));
  return row;
}

export async function getCertification(ctx: Ctx, id: string): Promise<PresentedCertification> {
  return presentCertification(await readCertification(ctx, id), ctx);
}

/** Certificates in the actor's scope; `expiringWithinDays` lists those that expire from today to N days ahead. */
export async function listCertifications(ctx: Ctx, query: ListCertificationsQuery) {
  requireUser(ctx.actor);
  const scope = scopeOf(ctx.actor, certificationPolicy, 'read', {
    program: 'c.program_id',
    path: 'c.area_path',
    group: 'c.group_id',
  });
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const from = dateIn(ctx.clock.now());
  const rows = await certificationsRepository.list(ctx.db, scope, {
    ...query,
    expiringBetween:
      query.expiringWithinDays === undefined ? undefined : [from, addDays(from, query.expiringWithinDays)],
    after,
  });
  return toPage(
    rows,
    query.limit,
    (r) => presentCertification(r, ctx),
    (r) => [r.id],
  );
}

/** Where a certificate attaches: a product (and so its group) or a whole producer group. */
async function holderOf(tx: TxCtx, input: { productId?: string | undefined; groupId?: string | undefined }) {
  if (input.productId) {
    const product = await productById(tx.db, input.productId);
    if (!product || !can(tx.actor, holderPolicy, 'read', productTarget(product)))
      throw invalid([{ path: 'productId', code: 'unknown_reference', message: 'no such product' }]);
    if (input.groupId && input.groupId !== product.group_id)
      throw invalid([{ path: 'groupId', code: 'not_allowed_here', message: "is not the product's group" }]);
    return { target: productTarget(product), productId: product.id };
  }
  const group = await groupById(tx.db, input.groupId!);
  if (!group || !can(tx.actor, holderPolicy, 'read', groupTarget(group)))
    throw invalid([{ path: 'groupId', code: 'unknown_reference', message: 'no such producer group' }]);
  return { target: groupTarget(group), productId: null };
}

export async function createCertification(
  ctx: Ctx,
  input: CreateCertificationBody,
): Promise<Created<PresentedCertification>> {
  requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const holder = await holderOf(tx, input);
    authorize(tx.actor, holderPolicy, 'certify', holder.target);
    const { errors, expiresOn } = checkCertification(input);
    if (errors.length) throw invalid(errors);
    return createOnce(tx.db, {
      id: input.id,
      find: (id) => certificationsRepository.byId(tx.db, id),
      visible: (row) => can(tx.actor, certificationPolicy, 'read', target(row)),
      stored: (row) => ({
        groupId: row.group_id,
        productId: row.product_id,
        kind: row.kind,
        number: row.number,
        issuer: row.issuer,
        issuedOn: row.issued_on,
        expiresOn: row.expires_on,
      }),
      input: {
        groupId: holder.target.groupId,
        productId: holder.productId,
        kind: input.kind,
        number: input.number,
        issuer: input.issuer,
        issuedOn: input.issuedOn,
        expiresOn,
      },
      present: (row) => presentCertification(row, tx),
      create: async (id) => {
        const row = await certificationsRepository.insert(tx.db, {
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
        await recordAudit(tx.db, tx, {
          action: 'certification.create',
          entity: 'certification',
          entityId: id,
          after: certificationFacts(row),
        });
        return presentCertification(row, tx);
      },
    });
  });
}

/** Export-ready products this certificate covered fall back to ready when they no longer pass anywhere. */
async function settleCovered(tx: TxCtx, row: CertificationRow) {
  const ids = await exportReadyProductIds(tx.db, row.group_id, row.product_id);
  const products = (await Promise.all(ids.map((pid) => productById(tx.db, pid)))).filter((p) => p !== undefined);
  await settleExportStatus(
    tx,
    products.map((p) => ({ ...productReadinessQuestion(p), id: p.id })),
  );
}

export async function patchCertification(
  ctx: Ctx,
  id: string,
  base: number,
  input: PatchCertificationBody,
): Promise<PresentedCertification> {
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'certifications', id);
    const current = await readCertification(tx, id, 'update');
    assertVersion(current, base, () => presentCertification(current, tx));
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
    const row = await certificationsRepository.update(tx.db, id, {
      number: fields.number,
      issuer: fields.issuer,
      issued_on: fields.issuedOn,
      expires_on: expiresOn,
    });
    await recordAudit(tx.db, tx, {
      action: 'certification.update',
      entity: 'certification',
      entityId: id,
      before: certificationFacts(current),
      after: certificationFacts(row),
    });
    await settleCovered(tx, current);
    return presentCertification(row, tx);
  });
}

export async function deleteCertification(ctx: Ctx, id: string): Promise<void> {
  const row = await inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'certifications', id);
    const current = await readCertification(tx, id, 'delete');
    await certificationsRepository.delete(tx.db, id);
    await recordAudit(tx.db, tx, {
      action: 'certification.delete',
      entity: 'certification',
      entityId: id,
      before: certificationFacts(current),
    });
    await settleCovered(tx, current);
    return current;
  });
  if (row.document_key) await ctx.files.delete(row.document_key);
}

/** Attaches (or replaces) the scanned certificate: a PDF, JPEG or PNG. */
export async function attachCertificationDocument(ctx: Ctx, id: string, data: Buffer) {
  // Refused early, before a file is stored; checked again under the certificate's lock below.
  await readCertification(ctx, id, 'attachDocument');
  const { type, ext } = attachmentType(data, 'document');
  const key = `certifications/${id}/${uuidv7()}.${ext}`;
  // File first: a crash leaves at worst an unreferenced file, never a row pointing at nothing.
  await ctx.files.put(key, data);
  let replaced: string | null;
  let after: PresentedCertification;
  try {
    ({ replaced, after } = await inTransaction(ctx, async (tx) => {
      await lockRow(tx.db, 'certifications', id);
      const current = await readCertification(tx, id, 'attachDocument');
      const row = await certificationsRepository.setDocument(tx.db, id, { key, type, size: data.length });
      await recordAudit(tx.db, tx, {
        action: 'certification.document',
        entity: 'certification',
        entityId: id,
        before: certificationFacts(current),
        after: certificationFacts(row),
      });
      return { replaced: current.document_key, after: presentCertification(row, tx) };
    }));
  } catch (error) {
    await ctx.files.delete(key);
    throw error;
  }
  if (replaced) await ctx.files.delete(replaced);
  return after;
}

/** Whether the reader may open a certificate's document: it is the current one, and they may read the certificate. */
export async function mayReadCertificationDocument(
  reader: { db: Queryable; actor: UserActor },
  key: string,
): Promise<boolean> {
  const id = recordIdOf(key, 'certifications');
  const row = id === undefined ? undefined : await certificationsRepository.byId(reader.db, id);
  return !!row && row.document_key === key && can(reader.actor, certificationPolicy, 'read', target(row));
}

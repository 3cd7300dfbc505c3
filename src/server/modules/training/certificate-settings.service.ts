import { v7 as uuidv7 } from 'uuid';
import type { CertificateSettingsAnswer, CertificateSettingsBody } from '../../../shared/schemas/training.js';
import { inTransaction, type Actor, type Ctx } from '../../http/context.js';
import { invalid, notFound, tooLarge } from '../../http/errors.js';
import { assertVersion } from '../../http/versioning.js';
import { loadSharp } from '../../storage/photo-encoding.js';
import { abilities, authorize, programTarget, recordAudit } from '../platform/index.js';
import { certificatesRepository, type CertificateSettingsRow } from './certificates.repository.js';
import { trainingProgramPolicy } from './training.policy.js';

/** A signature image: at most 1 MB sent; stored as a PNG at most 600 × 200, its margins cut off. */
export const SIGNATURE_LIMITS = { maxBytes: 1024 * 1024, width: 600, height: 200 } as const;

function present(actor: Actor, programId: string, row: CertificateSettingsRow | undefined): CertificateSettingsAnswer {
  return {
    programId,
    issuer: row?.issuer ?? null,
    signerName: row?.signer_name ?? null,
    signerTitle: row?.signer_title ?? null,
    hasSignature: Boolean(row?.signature_key),
    version: row?.version ?? 0,
    abilities: abilities(actor, trainingProgramPolicy, programTarget(programId)),
  };
}

async function programFor(ctx: Ctx, programId: string, action: 'readCertificateSettings' | 'setCertificateSettings') {
  if (!(await certificatesRepository.programExists(ctx.db, programId))) throw notFound('Program');
  authorize(ctx.actor, trainingProgramPolicy, action, programTarget(programId));
}

/** Who issues and signs the program's training certificates. */
export async function getCertificateSettings(ctx: Ctx, programId: string) {
  await programFor(ctx, programId, 'readCertificateSettings');
  return present(ctx.actor, programId, await certificatesRepository.settings(ctx.db, programId));
}

/**
 * Sets the issuer and the signing officer; certificates issued from now on print them (those
 * issued before keep what they printed). With `version`, a stale edit is a 409.
 */
export async function setCertificateSettings(ctx: Ctx, programId: string, input: CertificateSettingsBody) {
  await programFor(ctx, programId, 'setCertificateSettings');
  return inTransaction(ctx, async (tx) => {
    const before = await certificatesRepository.settings(tx.db, programId);
    if (input.version !== undefined)
      assertVersion({ version: before?.version ?? 0 }, input.version, () => present(tx.actor, programId, before));
    const after = await certificatesRepository.saveSettings(tx.db, programId, {
      issuer: input.issuer,
      signer_name: input.signerName,
      signer_title: input.signerTitle,
    });
    await recordAudit(tx.db, tx, {
      action: 'certificate_settings.update',
      entity: 'program',
      entityId: programId,
      before: before ? present(tx.actor, programId, before) : null,
      after: present(tx.actor, programId, after),
    });
    return present(tx.actor, programId, after);
  });
}

/**
 * Stores the signing officer's signature: a JPEG, PNG or WebP (checked by decoding), its white
 * margins trimmed, fitted in 600 × 200 and kept as a PNG in private storage. Replaces the one
 * before (issued certificates keep theirs: the old file stays for them).
 */
export async function setSignature(
  ctx: Ctx,
  programId: string,
  { data, mimetype }: { data: Buffer; mimetype: string },
) {
  await programFor(ctx, programId, 'setCertificateSettings');
  if (data.length > SIGNATURE_LIMITS.maxBytes)
    throw tooLarge('A signature image may be at most 1 MB.', { code: 'too-large', params: { maxMegabytes: 1 } });
  const sharp = await loadSharp();
  let png: Buffer;
  try {
    const upright = await sharp(data, { limitInputPixels: 40_000_000 })
      .rotate()
      .flatten({ background: '#ffffff' })
      .png()
      .toBuffer();
    // An image of one colour has no margin to trim (sharp refuses it): it is kept whole.
    const trimmed = await sharp(upright)
      .trim({ threshold: 20 })
      .toBuffer()
      .catch(() => upright);
    png = await sharp(trimmed)
      .resize({
        width: SIGNATURE_LIMITS.width,
        height: SIGNATURE_LIMITS.height,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .png()
      .toBuffer();
  } catch {
    throw invalid([
      {
        path: 'signature',
        code: 'file_type_photo',
        params: { got: mimetype },
        message: `must be a JPEG, PNG or WebP image (got ${mimetype})`,
      },
    ]);
  }
  const key = `signatures/${programId}/${uuidv7()}.png`;
  await ctx.files.put(key, png);
  try {
    return await inTransaction(ctx, async (tx) => {
      const after = await certificatesRepository.saveSettings(tx.db, programId, { signature_key: key });
      await recordAudit(tx.db, tx, {
        action: 'certificate_settings.signature',
        entity: 'program',
        entityId: programId,
        after: { signatureKey: key },
      });
      return present(tx.actor, programId, after);
    });
  } catch (error) {
    await ctx.files.delete(key);
    throw error;
  }
}

/** The current signature image, for the program manager to check what certificates will print. */
export async function signatureImage(ctx: Ctx, programId: string): Promise<Buffer> {
  await programFor(ctx, programId, 'readCertificateSettings');
  const key = (await certificatesRepository.settings(ctx.db, programId))?.signature_key;
  const png = key ? await ctx.files.get(key) : undefined;
  if (!png) throw notFound('Signature');
  return png;
}

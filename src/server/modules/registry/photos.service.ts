import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../http/context.js';
import { invalid, notFound, Problem, ruleBroken } from '../../http/errors.js';
import type { FileStorage } from '../../storage/file-storage.js';
import { recordAudit } from '../platform/index.js';
import { productsRepository } from './products.repository.js';
import { presentPhoto, productTarget } from './products.service.js';
import { assertMayWrite, ROLES } from './registry.policy.js';

export const PHOTO_LIMITS = {
  maxBytes: 8 * 1024 * 1024,
  perProduct: 10,
  types: ['image/jpeg', 'image/png', 'image/webp'],
  /** Longest side of the stored photo and of its thumbnail, in pixels. */
  fullSize: 1600,
  thumbnailSize: 400,
} as const;

const FORMATS: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * Stores a product photo: the bytes must really be a JPEG, PNG or WebP (checked by decoding, not
 * by the declared type); it is turned upright, re-encoded as WebP without its metadata (no GPS
 * position of a producer's home leaks) and given a thumbnail for cheap phones.
 */
export async function addPhoto(
  ctx: Ctx,
  files: FileStorage,
  productId: string,
  upload: { data: Buffer; mimetype: string },
) {
  const product = await productsRepository.byId(ctx.db, productId);
  if (!product) throw notFound('Product');
  assertMayWrite(ctx.actor, productTarget(product), ROLES.readGroup, ROLES.writeGroup, 'Product');
  if (upload.data.length > PHOTO_LIMITS.maxBytes) {
    throw new Problem(
      413,
      'too-large',
      'Payload too large',
      `A photo may be at most ${PHOTO_LIMITS.maxBytes / 1024 / 1024} MB.`,
    );
  }
  const meta = await sharp(upload.data)
    .metadata()
    .catch(() => undefined);
  const type = meta?.format ? FORMATS[meta.format] : undefined;
  if (!type || !meta?.width || !meta.height) {
    throw invalid([{ path: 'photo', message: `must be a JPEG, PNG or WebP image (got ${upload.mimetype})` }]);
  }
  if ((await productsRepository.countPhotos(ctx.db, productId)) >= PHOTO_LIMITS.perProduct) {
    throw ruleBroken('too-many-photos', `A product may have at most ${PHOTO_LIMITS.perProduct} photos.`);
  }
  const id = uuidv7();
  const resize = (size: number) =>
    sharp(upload.data)
      .rotate()
      .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 });
  const full = await resize(PHOTO_LIMITS.fullSize).toBuffer({ resolveWithObject: true });
  const thumbnail = await resize(PHOTO_LIMITS.thumbnailSize).toBuffer();
  const photo = {
    id,
    product_id: productId,
    position: 0,
    content_type: 'image/webp',
    byte_size: full.data.length,
    width: full.info.width,
    height: full.info.height,
    storage_key: `products/${productId}/${id}.webp`,
    thumbnail_key: `products/${productId}/${id}-thumb.webp`,
  };
  // Files first: a crash leaves at worst an unreferenced file, never a row pointing at nothing.
  await files.put(photo.storage_key, full.data);
  await files.put(photo.thumbnail_key, thumbnail);
  return ctx.db.transaction(async (tx) => {
    await productsRepository.insertPhoto(tx, photo);
    const stored = (await productsRepository.photoById(tx, id))!;
    await recordAudit(tx, ctx, {
      action: 'product.photo_add',
      entity: 'product',
      entityId: productId,
      after: presentPhoto(stored),
    });
    return presentPhoto(stored);
  });
}

export async function removePhoto(ctx: Ctx, files: FileStorage, productId: string, photoId: string): Promise<void> {
  const product = await productsRepository.byId(ctx.db, productId);
  if (!product) throw notFound('Product');
  assertMayWrite(ctx.actor, productTarget(product), ROLES.readGroup, ROLES.writeGroup, 'Product');
  const photo = await ctx.db.transaction(async (tx) => {
    const row = await productsRepository.photoById(tx, photoId);
    if (!row || row.product_id !== productId) throw notFound('Photo');
    await productsRepository.deletePhoto(tx, photoId);
    await recordAudit(tx, ctx, {
      action: 'product.photo_remove',
      entity: 'product',
      entityId: productId,
      before: presentPhoto(row),
    });
    return row;
  });
  await files.delete(photo.storage_key);
  await files.delete(photo.thumbnail_key);
}

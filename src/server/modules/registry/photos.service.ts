import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import { lockRow } from '../../db/sql.js';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { createOnce } from '../../http/create-once.js';
import { invalid, notFound, ruleBroken, tooLarge } from '../../http/errors.js';
import { authorize, recordAudit } from '../platform/index.js';
import { productsRepository } from './products.repository.js';
import { PHOTO_MAX_BYTES } from '../../../shared/schemas/registry.js';
import { presentPhoto } from './products.service.js';
import { ofGroupTarget, productPolicy } from './registry.policy.js';

export const PHOTO_LIMITS = {
  maxBytes: PHOTO_MAX_BYTES,
  perProduct: 10,
  types: ['image/jpeg', 'image/png', 'image/webp'],
  /** Longest side of the stored photo and of its thumbnail, in pixels. */
  fullSize: 1600,
  thumbnailSize: 400,
  /**
   * Most pixels an upload may declare (40 MP, more than any phone camera takes): decoding costs
   * memory by the declared size, so a few hundred bytes declaring 16,000 × 16,000 are refused from
   * the header, before any decoding.
   */
  maxPixels: 40_000_000,
} as const;

// Each upload is decoded once: libvips' operation cache (up to 50 MB, process-wide) would only keep
// memory resident between uploads (the demo's photos on the first start).
sharp.cache(false);

const FORMATS: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** The product, once the actor may do `action` with its photos. */
async function productFor(ctx: Ctx | TxCtx, productId: string, action: 'addPhoto' | 'removePhoto') {
  const product = await productsRepository.byId(ctx.db, productId);
  if (!product) throw notFound('Product');
  authorize(ctx.actor, productPolicy, action, ofGroupTarget(product));
  return product;
}

/**
 * Stores a product photo: the bytes must really be a JPEG, PNG or WebP (checked by decoding, not
 * by the declared type); it is turned upright, re-encoded as WebP without its metadata (no GPS
 * position of a producer's home leaks) and given a thumbnail for cheap phones. Under a client id
 * (`clientId`), a photo sent again to the same product is that photo (200), never a second one.
 */
export async function addPhoto(
  ctx: Ctx,
  productId: string,
  upload: { data: Buffer; mimetype: string },
  clientId?: string,
) {
  await productFor(ctx, productId, 'addPhoto');
  if (upload.data.length > PHOTO_LIMITS.maxBytes) {
    throw tooLarge(`A photo may be at most ${PHOTO_LIMITS.maxBytes / 1024 / 1024} MB.`, {
      code: 'photo-too-large',
      params: { maxMegabytes: PHOTO_LIMITS.maxBytes / 1024 / 1024 },
    });
  }
  const notAnImage = () =>
    invalid([
      {
        path: 'photo',
        code: 'file_type_photo',
        params: { got: upload.mimetype },
        message: `must be a JPEG, PNG or WebP image (got ${upload.mimetype})`,
      },
    ]);
  // The header alone: `metadata()` decodes no pixels.
  const meta = await sharp(upload.data)
    .metadata()
    .catch(() => undefined);
  const type = meta?.format ? FORMATS[meta.format] : undefined;
  if (!type || !meta?.width || !meta.height) throw notAnImage();
  if (meta.width * meta.height > PHOTO_LIMITS.maxPixels) {
    throw tooLarge(
      `A photo may have at most ${PHOTO_LIMITS.maxPixels / 1_000_000} megapixels.`,
      { code: 'photo-too-many-pixels', params: { maxMegapixels: PHOTO_LIMITS.maxPixels / 1_000_000 } },
      [
        {
          path: 'photo',
          code: 'photo_pixels',
          params: { width: meta.width, height: meta.height, maxMegapixels: PHOTO_LIMITS.maxPixels / 1_000_000 },
          message: `is ${meta.width} × ${meta.height} pixels`,
        },
      ],
    );
  }
  // A cheap early refusal (not for a replay, which adds nothing); the count that counts is taken
  // again at commit, below.
  if (!clientId || !(await productsRepository.photoById(ctx.db, clientId))) await assertRoomForPhoto(ctx, productId);
  const id = clientId ?? uuidv7();
  const resize = (size: number) =>
    sharp(upload.data, { limitInputPixels: PHOTO_LIMITS.maxPixels })
      .rotate()
      .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 });
  // A header that reads well over pixels that do not (a cut or corrupt file) is still the client's file.
  const full = await resize(PHOTO_LIMITS.fullSize)
    .toBuffer({ resolveWithObject: true })
    .catch(() => Promise.reject(notAnImage()));
  const thumbnail = await resize(PHOTO_LIMITS.thumbnailSize).toBuffer();
  const photo = {
    id,
    product_id: productId,
    content_type: 'image/webp',
    byte_size: full.data.length,
    width: full.info.width,
    height: full.info.height,
    storage_key: `products/${productId}/${id}.webp`,
    thumbnail_key: `products/${productId}/${id}-thumb.webp`,
  };
  return inTransaction(ctx, async (tx) => {
    // The product is held so that two uploads racing for the last place cannot both pass the count.
    await lockRow(tx.db, 'products', productId);
    return createOnce(tx.db, {
      id: clientId,
      find: (photoId) => productsRepository.photoById(tx.db, photoId),
      // A photo's bytes are re-encoded, so a replay is the same id on the same product.
      visible: (row) => row.product_id === productId,
      stored: (row) => ({ productId: row.product_id }),
      input: { productId },
      present: presentPhoto,
      create: async () => {
        await assertRoomForPhoto(tx, productId);
        // Files before the row: a crash leaves at worst an unreferenced file, never a row pointing at nothing.
        await tx.files.put(photo.storage_key, full.data);
        await tx.files.put(photo.thumbnail_key, thumbnail);
        const stored = await productsRepository.insertPhoto(tx.db, photo);
        await recordAudit(tx.db, tx, {
          action: 'product.photo_add',
          entity: 'product',
          entityId: productId,
          after: presentPhoto(stored),
        });
        return presentPhoto(stored);
      },
    });
  });
}

async function assertRoomForPhoto(ctx: Ctx | TxCtx, productId: string): Promise<void> {
  if ((await productsRepository.countPhotos(ctx.db, productId)) >= PHOTO_LIMITS.perProduct) {
    throw ruleBroken(
      'too-many-photos',
      `A product may have at most ${PHOTO_LIMITS.perProduct} photos.`,
      undefined,
      undefined,
      {
        maximum: PHOTO_LIMITS.perProduct,
      },
    );
  }
}

export async function removePhoto(ctx: Ctx, productId: string, photoId: string): Promise<void> {
  const photo = await inTransaction(ctx, async (tx) => {
    await productFor(tx, productId, 'removePhoto');
    const row = await productsRepository.photoById(tx.db, photoId);
    if (!row || row.product_id !== productId) throw notFound('Photo');
    await productsRepository.deletePhoto(tx.db, photoId);
    await recordAudit(tx.db, tx, {
      action: 'product.photo_remove',
      entity: 'product',
      entityId: productId,
      before: presentPhoto(row),
    });
    return row;
  });
  // After the commit: a failed delete leaves an unreferenced file, never a row without its file.
  await ctx.files.delete(photo.storage_key);
  await ctx.files.delete(photo.thumbnail_key);
}

import { lockRow } from '../../db/sql.js';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { createOnce } from '../../http/create-once.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { deletePhotoFiles, preparePhoto, PHOTO_LIMITS as STORED_PHOTO_LIMITS } from '../../storage/photo-encoding.js';
import { authorize, recordAudit } from '../platform/index.js';
import { productsRepository } from './products.repository.js';
import { presentPhoto } from './products.service.js';
import { ofGroupTarget, productPolicy } from './registry.policy.js';

/** The storage's photo limits, and how many photos a product may have. */
export const PHOTO_LIMITS = { ...STORED_PHOTO_LIMITS, perProduct: 10 } as const;

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
  const prepared = await preparePhoto(upload, 'products', productId, clientId);
  // A cheap early refusal (not for a replay, which adds nothing); the count that counts is taken
  // again at commit, below.
  if (!clientId || !(await productsRepository.photoById(ctx.db, clientId))) await assertRoomForPhoto(ctx, productId);
  const photo = { ...prepared.fields, product_id: productId };
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
        await prepared.write(tx.files);
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
  await deletePhotoFiles(ctx.files, photo);
}

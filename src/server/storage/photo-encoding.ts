import type Sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import { invalid, tooLarge } from '../http/errors.js';
import { PHOTO_MAX_BYTES } from '../../shared/schemas/registry.js';
import type { FileStorage } from './file-storage.js';

let loaded: Promise<typeof Sharp> | undefined;

/**
 * sharp (libvips), loaded the first time a picture is read or made, not at start: loaded, it holds
 * about 28 MiB resident (a bare Node process 39 → 67 MiB), which a server that takes no photo never
 * needs. Each upload is decoded once: libvips' operation cache (up to 50 MB, process-wide) would only
 * keep memory resident between uploads (the demo's photos on the first start), so it is off.
 */
export function loadSharp(): Promise<typeof Sharp> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    return sharp;
  });
  return loaded;
}

/** The limits every uploaded photo keeps (products, success stories, community posts). */
export const PHOTO_LIMITS = {
  maxBytes: PHOTO_MAX_BYTES,
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

const FORMATS: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** A photo as stored: WebP, upright, without metadata, with a thumbnail. */
export interface EncodedPhoto {
  full: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

/** Refuses what is too large or not really a JPEG, PNG or WebP (read from the header, before any decoding). */
export async function checkPhoto(upload: { data: Buffer; mimetype: string }): Promise<void> {
  if (upload.data.length > PHOTO_LIMITS.maxBytes) {
    throw tooLarge(`A photo may be at most ${PHOTO_LIMITS.maxBytes / 1024 / 1024} MB.`, {
      code: 'photo-too-large',
      params: { maxMegabytes: PHOTO_LIMITS.maxBytes / 1024 / 1024 },
    });
  }
  // The header alone: `metadata()` decodes no pixels.
  const sharp = await loadSharp();
  const meta = await sharp(upload.data)
    .metadata()
    .catch(() => undefined);
  const type = meta?.format ? FORMATS[meta.format] : undefined;
  if (!type || !meta?.width || !meta.height) throw notAnImage(upload.mimetype);
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
}

const notAnImage = (got: string) =>
  invalid([
    {
      path: 'photo',
      code: 'file_type_photo',
      params: { got },
      message: `must be a JPEG, PNG or WebP image (got ${got})`,
    },
  ]);

/**
 * A checked upload turned upright and re-encoded as WebP without its metadata (no GPS position of a
 * producer's home leaks), with a thumbnail for cheap phones.
 */
export async function encodePhoto(upload: { data: Buffer; mimetype: string }): Promise<EncodedPhoto> {
  const sharp = await loadSharp();
  const resize = (size: number) =>
    sharp(upload.data, { limitInputPixels: PHOTO_LIMITS.maxPixels })
      .rotate()
      .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 });
  // A header that reads well over pixels that do not (a cut or corrupt file) is still the client's file.
  const full = await resize(PHOTO_LIMITS.fullSize)
    .toBuffer({ resolveWithObject: true })
    .catch(() => Promise.reject(notAnImage(upload.mimetype)));
  const thumbnail = await resize(PHOTO_LIMITS.thumbnailSize).toBuffer();
  return { full: full.data, thumbnail, width: full.info.width, height: full.info.height };
}

/** A stored photo's row, as each module keeps it beside its own record's id. */
export interface PhotoFields {
  id: string;
  content_type: string;
  byte_size: number;
  width: number;
  height: number;
  storage_key: string;
  thumbnail_key: string;
}

/** An upload checked and encoded, named, not yet written. */
export interface PreparedPhoto {
  fields: PhotoFields;
  /** Puts both files: before the row, so a crash leaves at worst an unreferenced file, never a row pointing at nothing. */
  write(files: FileStorage): Promise<void>;
}

/**
 * An upload checked and encoded (before any transaction: decoding is slow), named
 * `<folder>/<record id>/<photo id>.webp` and `…-thumb.webp`: the one path every module's photos take.
 */
export async function preparePhoto(
  upload: { data: Buffer; mimetype: string },
  folder: string,
  recordId: string,
  id: string = uuidv7(),
): Promise<PreparedPhoto> {
  await checkPhoto(upload);
  const encoded = await encodePhoto(upload);
  const fields: PhotoFields = {
    id,
    content_type: 'image/webp',
    byte_size: encoded.full.length,
    width: encoded.width,
    height: encoded.height,
    storage_key: `${folder}/${recordId}/${id}.webp`,
    thumbnail_key: `${folder}/${recordId}/${id}-thumb.webp`,
  };
  return {
    fields,
    async write(files) {
      await files.put(fields.storage_key, encoded.full);
      await files.put(fields.thumbnail_key, encoded.thumbnail);
    },
  };
}

/** Deletes a photo's files: after its row's removal committed (a failure leaves unreferenced files, never a row without its file). */
export async function deletePhotoFiles(
  files: FileStorage,
  photo: Pick<PhotoFields, 'storage_key' | 'thumbnail_key'>,
): Promise<void> {
  await files.delete(photo.storage_key);
  await files.delete(photo.thumbnail_key);
}

/**
 * Phone photos shrunk in the browser before upload: a camera's 8–12 MB JPEG becomes a few hundred
 * KB at most 2048 px on its long side (the server keeps 1600 px), so it fits the server's limit and
 * a 2G connection. Nothing is sent when a photo cannot be read and is over the limit.
 */
export const PHOTO_LONG_SIDE = 2048;
const QUALITIES = [0.85, 0.7, 0.55];

export class PhotoTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`The photo is ${bytes} bytes and could not be made smaller.`);
  }
}

async function encode(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/**
 * The photo to send: as chosen when it is small already; else redrawn at most `PHOTO_LONG_SIDE`
 * px long as JPEG, lowering the quality until it fits `maxBytes`. Throws `PhotoTooLarge` when
 * it cannot be made to fit (a format the browser cannot draw, such as HEIC on some phones).
 */
export async function shrinkPhoto(file: File, maxBytes: number): Promise<File> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    if (file.size <= maxBytes) return file;
    throw new PhotoTooLarge(file.size);
  }
  try {
    const scale = Math.min(1, PHOTO_LONG_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size <= maxBytes) return file;
    const width = Math.round(bitmap.width * scale);
    const height = Math.round(bitmap.height * scale);
    for (const quality of QUALITIES) {
      const blob = await encode(bitmap, width, height, quality);
      if (blob && blob.size <= maxBytes) {
        const name = file.name.replace(/\.[^.]*$/, '') || 'photo';
        return new File([blob], `${name}.jpg`, { type: 'image/jpeg' });
      }
    }
    throw new PhotoTooLarge(file.size);
  } finally {
    bitmap.close();
  }
}

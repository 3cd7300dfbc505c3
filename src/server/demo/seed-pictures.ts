/**
 * The demo products' photos: each drawing (picture-drawings.ts) rendered once as a JPEG, as a
 * phone would send it, for the seed to store through the registry's own upload path (`addPhoto`),
 * so its stored size, WebP re-encoding and thumbnail are those of any photo a group adds.
 */
import type { FileStorage } from '../storage/file-storage.js';
import { loadSharp } from '../storage/photo-encoding.js';
import { drawDemoPicture, type DemoPicture } from './picture-drawings.js';

/**
 * Wide enough for the story page's cover on a desktop (the page is at most 960 px wide; flat
 * drawings scale up well); the seed's time goes mostly to the upload path's WebP encoding, which
 * grows with the pixels (9 photos: about 0.4 s at 800 px, 0.55 s at 960 px on two busy cores).
 */
const WIDTH = 800;

/** The pictures as JPEG, rendered side by side (sharp works off the event loop). */
export async function renderDemoPictures(pictures: DemoPicture[]): Promise<Map<DemoPicture, Buffer>> {
  const unique = [...new Set(pictures)];
  const sharp = await loadSharp();
  const rendered = await Promise.all(
    unique.map((p) =>
      sharp(Buffer.from(drawDemoPicture(p, WIDTH)))
        .jpeg({ quality: 88 })
        .toBuffer(),
    ),
  );
  return new Map(unique.map((p, i) => [p, rendered[i]!]));
}

/**
 * A file storage that remembers what it wrote, so that a demo rolled back can take its photos'
 * files with it (the rows that pointed at them are gone).
 */
export function rememberingWrites(files: FileStorage): { files: FileStorage; removeWritten: () => Promise<void> } {
  const written: string[] = [];
  return {
    files: {
      put: async (key, data) => {
        written.push(key);
        await files.put(key, data);
      },
      get: (key) => files.get(key),
      delete: (key) => files.delete(key),
    },
    removeWritten: async () => {
      for (const key of written.splice(0)) await files.delete(key);
    },
  };
}

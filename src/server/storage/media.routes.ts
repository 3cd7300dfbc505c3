import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../http/errors.js';
import { isStorageKey } from './file-storage.js';

/** The largest upload the HTTP layer accepts; each kind of upload may set a lower limit. */
export const PHOTO_UPLOAD_LIMIT = 8 * 1024 * 1024;

const TYPES: Record<string, string> = {
  webp: 'image/webp',
  png: 'image/png',
  jpg: 'image/jpeg',
  pdf: 'application/pdf',
};

/**
 * Uploaded media by key. Keys hold a random UUID, are never listed, and the files never change
 * (a new upload gets a new key), so they are cached for a year.
 */
export async function mediaRoutes(app: FastifyInstance): Promise<void> {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/media/*',
      { schema: { params: z.object({ '*': z.string().max(300) }), hide: true }, config: { access: 'public' } },
      async (req, reply) => {
        const key = req.params['*'];
        const data = isStorageKey(key) ? await req.server.files.get(key) : undefined;
        if (!data) throw notFound('File');
        return reply
          .type(TYPES[key.split('.').pop()!] ?? 'application/octet-stream')
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(data);
      },
    );
}

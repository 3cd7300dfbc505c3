import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Queryable } from '../db/database.js';
import type { Clock, UserActor } from '../http/context.js';
import { forbidden, notFound } from '../http/errors.js';
import { isStorageKey } from './file-storage.js';
import { checkLink, folderOf, isPublicKey, type LinkTerms } from './media-links.js';

/** The largest upload the HTTP layer accepts; each kind of upload may set a lower limit. */
export const PHOTO_UPLOAD_LIMIT = 8 * 1024 * 1024;

const TYPES: Record<string, string> = {
  webp: 'image/webp',
  png: 'image/png',
  jpg: 'image/jpeg',
  pdf: 'application/pdf',
};

/**
 * Whether the actor may read the record a private file belongs to, asked of the module that owns
 * the file's folder (through its policy); false also when no record holds the key (any more).
 */
export type PrivateFileReader = (
  reader: { db: Queryable; actor: UserActor; clock: Clock },
  key: string,
) => Promise<boolean>;

export interface MediaOptions {
  /** Each private folder with the reader of its owning module; a folder neither public nor listed is never served. */
  privateFolders: Record<string, PrivateFileReader>;
  /** The account a link was signed for, with its grants as they stand now; undefined when disabled or gone. */
  accountActor: (db: Queryable, id: string) => Promise<UserActor | undefined>;
}

const linkTerms = z.object({
  expires: z.string().max(20).optional(),
  account: z.string().max(64).optional(),
  signature: z.string().max(100).optional(),
});

/**
 * Uploaded media by key. Public photos: keys hold a random UUID, are never listed, and the files
 * never change (a new upload gets a new key), so they are cached for a year. Private files: only
 * for a reader the owning module admits, never cached, and a 404 to anyone else.
 */
export async function mediaRoutes(app: FastifyInstance, options: MediaOptions): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/media/*',
    {
      schema: { params: z.object({ '*': z.string().max(300) }), querystring: linkTerms, hide: true },
      config: { access: 'public' },
    },
    async (req, reply) => {
      const key = req.params['*'];
      if (!isStorageKey(key)) throw notFound('File');
      if (isPublicKey(key)) return send(reply, key, 'public, max-age=31536000, immutable');
      const mayRead = options.privateFolders[folderOf(key)];
      const reader = await readerOf(req, key, req.query, options);
      if (!mayRead || !(await mayRead({ db: req.server.db, actor: reader, clock: req.server.clock }, key)))
        throw notFound('File');
      return send(reply, key, 'private, no-store');
    },
  );
}

/**
 * Who reads a private file: the account a valid link was signed for (its grants read afresh, so a
 * revoked role shuts even a fresh link), else the signed-in caller (the web's own session opens a
 * link that lapsed while its page stayed open). Without either: 404 when no link was given, 403
 * for a lapsed or altered one.
 */
async function readerOf(req: FastifyRequest, key: string, terms: LinkTerms, options: MediaOptions) {
  const link = checkLink(req.server.cipher, req.server.clock.now(), key, terms);
  if (typeof link === 'object') {
    const actor = await options.accountActor(req.server.db, link.account);
    if (actor) return actor;
  }
  if (req.actor.kind === 'user') return req.actor;
  if (link === 'absent') throw notFound('File');
  throw forbidden(
    link === 'expired' ? 'The link has expired; open the record again for a new one.' : 'The link is not valid.',
  );
}

async function send(reply: FastifyReply, key: string, cacheControl: string) {
  const data = await reply.server.files.get(key);
  if (!data) throw notFound('File');
  return reply
    .type(TYPES[key.split('.').pop()!] ?? 'application/octet-stream')
    .header('cache-control', cacheControl)
    .send(data);
}

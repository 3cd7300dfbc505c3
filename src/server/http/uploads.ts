import type { FastifyRequest } from 'fastify';
import { invalid } from './errors.js';

export interface UploadedFile {
  data: Buffer;
  filename: string;
  mimetype: string;
}

/**
 * The one file of a multipart request, read into memory up to `maxBytes` (past it the multipart
 * plugin answers 413), or a 400 naming the missing field. What the bytes are is for the caller to
 * check from their content, never from the name or type the client claims.
 */
export async function uploadedFile(req: FastifyRequest, field: string, maxBytes: number): Promise<UploadedFile> {
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw invalid([{ path: field, message: `is required (multipart field "${field}")` }]);
  return { data: await file.toBuffer(), filename: file.filename, mimetype: file.mimetype };
}

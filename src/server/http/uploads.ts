import type { MultipartFields } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { invalid, Problem } from './errors.js';
import { refuseUnstorableParts } from './storable-text.js';

export interface UploadedFile {
  data: Buffer;
  filename: string;
  mimetype: string;
}

/**
 * The one file of a multipart request, read into memory up to `maxBytes` (past it the multipart
 * plugin answers 413), or a 400 naming the field when it is missing, empty, unreadable (no
 * boundary, truncated, not multipart at all) or named with text that cannot be stored. What the
 * bytes are is for the caller to check from their content, never from the name or type the client
 * claims.
 */
export async function uploadedFile(req: FastifyRequest, field: string, maxBytes: number): Promise<UploadedFile> {
  const { file, data } = await readFile(req, field, maxBytes);
  if (data.length === 0) throw invalid([{ path: field, message: 'is empty' }]);
  refuseUnstorableParts({ [`${field}.filename`]: file.filename, ...textFields(file.fields) });
  return { data, filename: file.filename, mimetype: file.mimetype };
}

async function readFile(req: FastifyRequest, field: string, maxBytes: number) {
  try {
    const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!file) throw invalid([{ path: field, message: `is required (multipart field "${field}")` }]);
    return { file, data: await file.toBuffer() };
  } catch (error) {
    // A size limit keeps its own answer (413); any other failure to parse is the client's body.
    if (error instanceof Problem || (error as { statusCode?: unknown }).statusCode === 413) throw error;
    throw invalid([{ path: field, message: 'is not a readable multipart/form-data upload' }]);
  }
}

/** The form's text fields, by name, as far as they came before the file. */
function textFields(fields: MultipartFields): Record<string, string> {
  return Object.fromEntries(
    Object.values(fields)
      .flatMap((part) => (Array.isArray(part) ? part : part ? [part] : []))
      .flatMap((part) =>
        part.type === 'field' && typeof part.value === 'string' ? [[part.fieldname, part.value]] : [],
      ),
  );
}

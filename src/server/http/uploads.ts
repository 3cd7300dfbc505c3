import type { MultipartFields } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { invalid, Problem, tooLarge } from './errors.js';
import { refuseUnstorableParts } from './storable-text.js';

export interface UploadedFile {
  data: Buffer;
  filename: string;
  mimetype: string;
}

/**
 * The one file of a multipart request, read into memory: a 413 naming the field when it is even
 * one byte over `maxBytes`, or a 400 naming the field when it is missing, empty, unreadable (no
 * boundary, truncated, not multipart at all) or named with text that cannot be stored. What the
 * bytes are is for the caller to check from their content, never from the name or type the client
 * claims.
 */
export async function uploadedFile(req: FastifyRequest, field: string, maxBytes: number): Promise<UploadedFile> {
  const { file, data } = await readFile(req, field, maxBytes);
  if (data.length === 0) throw invalid([{ path: field, code: 'required', message: 'is empty' }]);
  refuseUnstorableParts({ [`${field}.filename`]: file.filename, ...textFields(file.fields) });
  return { data, filename: file.filename, mimetype: file.mimetype };
}

const overLimit = (field: string, maxBytes: number) =>
  tooLarge(
    `A file may be at most ${maxBytes} bytes.`,
    { code: 'too-large', params: { maxMegabytes: megabytes(maxBytes) } },
    [
      {
        path: field,
        code: 'file_too_large',
        params: { maxMegabytes: megabytes(maxBytes) },
        message: `is larger than ${maxBytes} bytes`,
      },
    ],
  );

/** A limit as people state it: 8388608 bytes → 8, 1.5 MiB → 1.5. */
const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * Reads the file to its end. The parser stops passing bytes at the limit and marks the stream
 * `truncated`; the plugin's own `toBuffer()` checks that mark only as each piece arrives, so a
 * limit falling between two pieces of the body came back as a file cut to the limit. The mark is
 * read here once the stream has ended, whatever the pieces were.
 */
async function readFile(req: FastifyRequest, field: string, maxBytes: number) {
  try {
    const file = await req.file({ limits: { fileSize: maxBytes, files: 1 }, throwFileSizeLimit: false });
    if (!file)
      throw invalid([{ path: field, code: 'file_missing', message: `is required (multipart field "${field}")` }]);
    const chunks: Buffer[] = [];
    for await (const chunk of file.file as AsyncIterable<Buffer>) chunks.push(chunk);
    const data = Buffer.concat(chunks);
    if (file.file.truncated || data.length > maxBytes) throw overLimit(field, maxBytes);
    return { file, data };
  } catch (error) {
    if (error instanceof Problem) throw error;
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw overLimit(field, maxBytes);
    // The plugin's other limits (more files or parts than allowed) keep their own 413.
    if ((error as { statusCode?: unknown }).statusCode === 413) throw error;
    throw invalid([{ path: field, code: 'not_multipart', message: 'is not a readable multipart/form-data upload' }]);
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

import { invalid, tooLarge } from '../../http/errors.js';

/** Evidence and certificate documents: PDF, JPEG or PNG, at most 8 MB, stored as uploaded. */
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;

const SIGNATURES: { type: string; ext: string; magic: number[] }[] = [
  { type: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The file's real type, judged by its first bytes rather than by the type the client declared. */
export function attachmentType(data: Buffer, field: string): { type: string; ext: string } {
  if (data.length > ATTACHMENT_MAX_BYTES) {
    throw tooLarge(`A file may be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`, {
      code: 'too-large',
      params: { maxMegabytes: ATTACHMENT_MAX_BYTES / 1024 / 1024 },
    });
  }
  const match = SIGNATURES.find((s) => s.magic.every((byte, i) => data[i] === byte));
  if (!match) throw invalid([{ path: field, code: 'file_type_document', message: 'must be a PDF, JPEG or PNG file' }]);
  return match;
}

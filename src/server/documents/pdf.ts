import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/**
 * One way to write a PDF (certificates, reports, batch labels): pdfkit, with a Unicode font when
 * the machine has one. PDF's built-in Helvetica covers Latin-1 only, so Japanese text needs an
 * embedded font; Noto Sans CJK covers Latin, Indonesian and Japanese alike. `OVOP_PDF_FONT` may
 * point at any TrueType/OpenType file (a .ttc is read as its Japanese face).
 */
const FONT_CANDIDATES = [
  process.env.OVOP_PDF_FONT,
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
].filter((p): p is string => !!p);

const unicodeFont = FONT_CANDIDATES.find((path) => existsSync(path));
/** The font file, read once: a CJK collection is tens of megabytes. */
let fontBytes: Buffer | undefined;
const unicodeFontBytes = () => (fontBytes ??= readFileSync(unicodeFont!));

export interface PdfFonts {
  regular: string;
  bold: string;
  /** Whether text outside Latin-1 (e.g. Japanese) can be drawn. */
  unicode: boolean;
}

export type PdfDoc = PDFKit.PDFDocument;

export interface PdfOptions {
  title: string;
  size?: string | [number, number];
  margin?: number;
  layout?: 'portrait' | 'landscape';
}

/** Draws a document and returns its bytes. */
export async function renderPdf(
  options: PdfOptions,
  draw: (doc: PdfDoc, fonts: PdfFonts) => void | Promise<void>,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    margin: options.margin ?? 48,
    layout: options.layout ?? 'portrait',
    info: { Title: options.title, Creator: 'OVOP', Producer: 'OVOP' },
    bufferPages: true,
  });
  const fonts: PdfFonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', unicode: false };
  if (unicodeFont) {
    const face = unicodeFont.endsWith('.ttc') ? 'NotoSansCJKjp-Regular' : undefined;
    doc.registerFont('body', unicodeFontBytes(), face);
    fonts.regular = 'body';
    fonts.bold = 'body';
    fonts.unicode = true;
  }
  doc.font(fonts.regular);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await draw(doc, fonts);
  doc.end();
  return done;
}

const LATIN_1 = /^[\t\n\r\u0020-\u00ff]*$/;

/**
 * The text of a localized value in the wanted locale, falling back to Indonesian, English, then any
 * locale — and, when the PDF has no Unicode font, to the first locale whose text it can draw.
 */
export function localizedForPdf(
  text: Record<string, string | undefined>,
  locale: string,
  fonts: Pick<PdfFonts, 'unicode'>,
): string {
  const order = [locale, 'id', 'en', ...Object.keys(text)];
  const candidates = order.map((l) => text[l]).filter((t): t is string => !!t);
  if (fonts.unicode) return candidates[0] ?? '';
  return candidates.find((t) => LATIN_1.test(t)) ?? (candidates[0] ?? '').replace(/[^\t\n\r\u0020-\u00ff]/g, '?');
}

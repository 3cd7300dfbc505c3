import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * Noto Sans Thai (SIL OFL 1.1, decision 033) from its npm package: the CJK collection has no Thai
 * glyphs. It carries Latin and digits too, so a Thai name with a number in it draws in one face.
 * Vietnamese needs nothing more: Noto Sans CJK draws its diacritics (ạ, ơ, ư, đ…).
 */
const THAI_FONT = createRequire(import.meta.url).resolve(
  '@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf',
);
let thaiBytes: Buffer | undefined;
const thaiFontBytes = () => (thaiBytes ??= readFileSync(THAI_FONT));
const THAI_FACE = 'thai';
const THAI_SCRIPT = /[\u0e00-\u0e7f]/;

type FontState = Pick<PdfDoc, never> & { _font: unknown; _fontSource: unknown; _fontFamily: unknown };

/**
 * pdfkit draws a string in one font and has no fallback, so a string in Thai script is drawn and
 * measured in the Thai face whatever font the document is in, and the font is put back afterwards:
 * every document draws a Thai group's or product's name without knowing it.
 */
function drawThaiInThaiFace(doc: PdfDoc) {
  doc.registerFont(THAI_FACE, thaiFontBytes());
  const state = doc as unknown as FontState;
  const inThai =
    <A extends unknown[], R>(draw: (this: PdfDoc, text: unknown, ...rest: A) => R) =>
    (text: unknown, ...rest: A): R => {
      if (typeof text !== 'string' || !THAI_SCRIPT.test(text)) return draw.call(doc, text, ...rest);
      const { _font, _fontSource, _fontFamily } = state;
      doc.font(THAI_FACE);
      try {
        return draw.call(doc, text, ...rest);
      } finally {
        Object.assign(state, { _font, _fontSource, _fontFamily });
      }
    };
  doc.text = inThai(doc.text as (this: PdfDoc, text: unknown, ...rest: unknown[]) => PdfDoc) as PdfDoc['text'];
  doc.widthOfString = inThai(
    doc.widthOfString as (this: PdfDoc, text: unknown, ...rest: unknown[]) => number,
  ) as PdfDoc['widthOfString'];
  doc.heightOfString = inThai(
    doc.heightOfString as (this: PdfDoc, text: unknown, ...rest: unknown[]) => number,
  ) as PdfDoc['heightOfString'];
}

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
  drawThaiInThaiFace(doc);
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

/** What a PDF draws without the CJK font: Latin-1, and Thai (its own face is always there). */
const LATIN_1 = /^[\t\n\r\u0020-\u00ff\u0e00-\u0e7f]*$/;

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
  return (
    candidates.find((t) => LATIN_1.test(t)) ??
    (candidates[0] ?? '').replace(/[^\t\n\r\u0020-\u00ff\u0e00-\u0e7f]/g, '?')
  );
}

import type { UiLocale } from '../../../shared/locales.js';
import { localizedForPdf, printedDay, qrPng, renderPdf, type DocLang } from '../../documents/index.js';
import type { BatchRow } from './batches.repository.js';

/**
 * The URL a batch's QR code carries: its public provenance page on this server, in the label's
 * language when it has one (a Japanese label opens the Japanese page on any phone).
 */
export const provenanceUrl = (origin: string, batchId: string, locale?: UiLocale) =>
  `${origin}/b/${batchId}${locale ? `?lang=${locale}` : ''}`;

/** The label's words; the Indonesian ones as BPOM labelling has them. */
const WORDS: Record<DocLang, { lot: string; produced: string; expires: string; scan: string }> = {
  id: {
    lot: 'Lot',
    produced: 'Tanggal produksi',
    expires: 'Baik digunakan sebelum',
    scan: 'Pindai untuk melihat asal-usul produk',
  },
  en: {
    lot: 'Lot',
    produced: 'Produced on',
    expires: 'Best before',
    scan: 'Scan to see where this product comes from',
  },
  ja: { lot: 'ロット', produced: '製造日', expires: '賞味期限', scan: '産地・生産履歴はQRコードで' },
};

/** A PNG of the batch's QR code, for label printers and packaging designs; in `locale` when given. */
export const batchLabelPng = (origin: string, batch: Pick<BatchRow, 'id'>, locale?: UiLocale) =>
  qrPng(provenanceUrl(origin, batch.id, locale), 600);

/** The largest size from `largest` down to `smallest` at which `fits` holds (the smallest when none does). */
function fittingSize(largest: number, smallest: number, fits: (size: number) => boolean): number {
  for (let size = largest; size > smallest; size -= 0.5) if (fits(size)) return size;
  return smallest;
}

const LABEL = { columns: 2, rows: 5, width: 265, height: 150, gap: 10, qr: 110 } as const;
const LABELS_PER_PAGE = LABEL.columns * LABEL.rows;

/**
 * A printable A4 sheet of labels (2 × 5 per page, cut along the borders): product name, lot code,
 * production and expiry dates, and the QR code that opens the provenance page.
 */
export async function batchLabelPdf(origin: string, batch: BatchRow, locale: UiLocale, count: number): Promise<Buffer> {
  const url = provenanceUrl(origin, batch.id, locale);
  const qr = await qrPng(url, 330);
  return renderPdf({ title: `${batch.lot_code} labels`, margin: 28 }, (doc, fonts) => {
    // printed documents speak id, en and ja (a Thai or Vietnamese label is in English; its QR code opens the page in the label's language)
    const lang: DocLang =
      (fonts.unicode || locale !== 'ja') && (locale === 'id' || locale === 'en' || locale === 'ja') ? locale : 'en';
    const words = WORDS[lang];
    const name = localizedForPdf(batch.product_name, locale, fonts);
    for (let i = 0; i < count; i++) {
      const slot = i % LABELS_PER_PAGE;
      if (i > 0 && slot === 0) doc.addPage();
      const x = 28 + (slot % LABEL.columns) * (LABEL.width + LABEL.gap);
      const y = 28 + Math.floor(slot / LABEL.columns) * (LABEL.height + LABEL.gap);
      doc.save().lineWidth(0.5).dash(3, { space: 3 }).rect(x, y, LABEL.width, LABEL.height).stroke('#999999').restore();
      doc.image(qr, x + 8, y + (LABEL.height - LABEL.qr) / 2, { width: LABEL.qr });
      const textX = x + LABEL.qr + 16;
      const textWidth = LABEL.width - LABEL.qr - 24;
      // The whole name and the whole URL, always: smaller type when long, never cut.
      doc.fillColor('#000000').font(fonts.bold);
      const nameSize = fittingSize(
        12,
        6,
        (size) => doc.fontSize(size).heightOfString(name, { width: textWidth }) <= 36,
      );
      doc.fontSize(nameSize).text(name, textX, y + 10, { width: textWidth });
      doc.font(fonts.regular).fontSize(8);
      doc.text(`${words.lot}: ${batch.lot_code}`, textX, y + 50, { width: textWidth });
      // Day, month (in words) and year, as the reader writes them: BPOM labels put the day first,
      // and a month in words is never read the other way round.
      doc.text(`${words.produced}: ${printedDay(batch.produced_on, lang)}`, textX, y + 62, { width: textWidth });
      if (batch.expires_on)
        doc.text(`${words.expires}: ${printedDay(batch.expires_on, lang)}`, textX, y + 74, { width: textWidth });
      doc
        .fillColor('#555555')
        .fontSize(7)
        .text(words.scan, textX, y + 98, { width: textWidth });
      // On one line when it fits at 5 pt or more, else wrapped on two (a long server name).
      const urlSize = fittingSize(7, 5, (size) => doc.fontSize(size).widthOfString(url) <= textWidth);
      doc.fontSize(urlSize).text(url, textX, y + 122, { width: textWidth });
    }
  });
}

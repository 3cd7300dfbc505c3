import type { UiLocale } from '../../../shared/locales.js';
import { localizedForPdf, qrPng, renderPdf } from '../../documents/index.js';
import type { BatchRow } from './batches.repository.js';

/** The URL a batch's QR code carries: its public provenance page on this server. */
export const provenanceUrl = (origin: string, batchId: string) => `${origin}/b/${batchId}`;

const WORDS: Record<UiLocale, { lot: string; produced: string; expires: string; scan: string }> = {
  id: { lot: 'Lot', produced: 'Diproduksi', expires: 'Baik sebelum', scan: 'Pindai untuk asal-usul' },
  en: { lot: 'Lot', produced: 'Produced', expires: 'Best before', scan: 'Scan for its origin' },
  ja: { lot: 'ロット', produced: '製造日', expires: '賞味期限', scan: '産地はQRで' },
};

/** A PNG of the batch's QR code, for label printers and packaging designs. */
export const batchLabelPng = (origin: string, batch: Pick<BatchRow, 'id'>) =>
  qrPng(provenanceUrl(origin, batch.id), 600);

const LABEL = { columns: 2, rows: 5, width: 265, height: 150, gap: 10, qr: 110 } as const;
const LABELS_PER_PAGE = LABEL.columns * LABEL.rows;

/**
 * A printable A4 sheet of labels (2 × 5 per page, cut along the borders): product name, lot code,
 * production and expiry dates, and the QR code that opens the provenance page.
 */
export async function batchLabelPdf(origin: string, batch: BatchRow, locale: UiLocale, count: number): Promise<Buffer> {
  const url = provenanceUrl(origin, batch.id);
  const qr = await qrPng(url, 330);
  return renderPdf({ title: `${batch.lot_code} labels`, margin: 28 }, (doc, fonts) => {
    const words = fonts.unicode || locale !== 'ja' ? WORDS[locale] : WORDS.en;
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
      doc
        .fillColor('#000000')
        .font(fonts.bold)
        .fontSize(12)
        .text(name, textX, y + 14, { width: textWidth, height: 34, ellipsis: true });
      doc.font(fonts.regular).fontSize(9);
      doc.text(`${words.lot}: ${batch.lot_code}`, textX, y + 54, { width: textWidth });
      doc.text(`${words.produced}: ${batch.produced_on}`, textX, y + 70, { width: textWidth });
      if (batch.expires_on) doc.text(`${words.expires}: ${batch.expires_on}`, textX, y + 86, { width: textWidth });
      doc
        .fillColor('#555555')
        .fontSize(7)
        .text(words.scan, textX, y + 112, { width: textWidth });
      doc.text(url, textX, y + 122, { width: textWidth, height: 20, ellipsis: true });
    }
  });
}

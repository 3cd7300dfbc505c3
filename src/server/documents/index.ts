/** Documents the platform prints: PDFs, spreadsheets and QR codes, written one way for every module. */
export { renderPdf, localizedForPdf, type PdfDoc, type PdfFonts } from './pdf.js';
export { qrPng } from './qr.js';
export { newWorkbook } from './xlsx.js';
export { DOC_LOCALE_TAG, localizedLabels, printedDay, type DocLang } from './labels.js';

import { describe, expect, it } from 'vitest';
import { pdfQrCodes, pdfText, pngQrCode } from '../../../test/documents.js';
import { localizedForPdf, qrPng, renderPdf } from './index.js';

describe('documents', () => {
  it('writes a PDF whose text and QR code read back', async () => {
    const url = 'https://ovop.example/verify/0190a8b0-0000-7000-8000-000000000001';
    const png = await qrPng(url, 200);
    const pdf = await renderPdf({ title: 'Sertifikat' }, (doc, fonts) => {
      doc.font(fonts.bold).fontSize(20).text('Sertifikat Pelatihan');
      doc
        .font(fonts.regular)
        .fontSize(12)
        .text(localizedForPdf({ id: 'Pengemasan', ja: '包装' }, 'ja', fonts));
      doc.image(png, { width: 120 });
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('Sertifikat Pelatihan');
    expect(await pdfQrCodes(pdf)).toEqual([url]);
  });

  it('draws Thai in the embedded Thai face, and Vietnamese, whatever font the document is in', async () => {
    const pdf = await renderPdf({ title: 'ใบรับรอง' }, (doc, fonts) => {
      doc.font(fonts.bold).fontSize(18).text('กลุ่มทอผ้าบ้านเหมืองกุง 2 ผืน');
      const width = doc.widthOfString('ผ้าไหมมัดหมี่');
      doc.font(fonts.regular).fontSize(12).text('Hợp tác xã mây tre đan Phú Vinh', { continued: true });
      doc.text(` ${width > 0 ? 'ผ้าไหมมัดหมี่' : ''}`);
      doc.text('Sertifikat Pelatihan');
    });
    const { text } = await pdfText(pdf);
    for (const shown of [
      'กลุ่มทอผ้าบ้านเหมืองกุง 2 ผืน',
      'Hợp tác xã mây tre đan Phú Vinh',
      'ผ้าไหมมัดหมี่',
      'Sertifikat Pelatihan',
    ])
      expect(text).toContain(shown);
    // The Thai face is embedded (a subset, named by its PostScript name).
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansThai-Regular/);
  });

  it('encodes a URL in a PNG label a scanner can read', async () => {
    const url = 'http://localhost:3000/b/0190a8b0-0000-7000-8000-000000000002';
    expect(await pngQrCode(await qrPng(url))).toBe(url);
  });

  it('falls back to a locale the PDF can draw when it has no Unicode font', () => {
    expect(localizedForPdf({ id: 'Pengemasan', ja: '包装' }, 'ja', { unicode: false })).toBe('Pengemasan');
    expect(localizedForPdf({ id: 'Pengemasan', ja: '包装' }, 'ja', { unicode: true })).toBe('包装');
    expect(localizedForPdf({ ja: '包装' }, 'en', { unicode: false })).toBe('??');
    // Thai has its own face, which every PDF has.
    expect(localizedForPdf({ ja: '包装', th: 'บรรจุภัณฑ์' }, 'th', { unicode: false })).toBe('บรรจุภัณฑ์');
  });
});

import { describe, expect, it } from 'vitest';
import { pdfQrCodes, pdfText } from '../../../../test/documents.js';
import { batchLabelPdf } from './batch-labels.js';
import type { BatchRow } from './batches.repository.js';

const longName = {
  id: 'Keripik salak pondoh Sibetan rasa original tanpa pengawet dengan gula aren asli Karangasem',
  ja: 'シベタン村のサラク・ポンドゥのチップス、保存料不使用、カランガスム産ヤシ砂糖の素朴な甘さ',
};
const batch = {
  id: '0190f0d2-7c1e-7000-8000-000000000001',
  lot_code: 'KRP-2026-11',
  produced_on: '2026-11-02',
  expires_on: '2027-05-02',
  product_name: longName,
} as unknown as BatchRow;

describe('batch labels', () => {
  it.each(['id', 'ja'] as const)(
    'print a long name whole, and the whole URL in the label’s language (%s)',
    async (locale) => {
      const origin = 'https://ovop.pemerintah-kabupaten-karangasem.example.go.id';
      const pdf = await batchLabelPdf(origin, batch, locale, 2);
      const { text } = await pdfText(pdf);
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain(longName[locale].replace(/\s+/g, ''));
      expect(flat).toContain(`${origin}/b/${batch.id}?lang=${locale}`);
      expect(new Set(await pdfQrCodes(pdf))).toEqual(new Set([`${origin}/b/${batch.id}?lang=${locale}`]));
    },
  );
});

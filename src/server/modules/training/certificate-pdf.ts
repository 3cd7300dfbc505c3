import type { Ctx } from '../../http/context.js';
import { localizedForPdf, printedDay, qrPng, renderPdf } from '../../documents/index.js';
import { certificateNumber } from '../../../shared/certificate-number.js';
import type { CertificateRow } from './certificates.repository.js';
import { issuedOn, readCertificate } from './certificates.service.js';

interface Headings {
  title: string;
  /** The sentence around the name and the course: before the name, after it (before the course). */
  awarded: string;
  completed: string;
  hours: (hours: number) => string;
  dates: string;
  trainer: string;
  number: string;
  verify: string;
}

const HEADINGS: Record<'id' | 'en' | 'ja', Headings> = {
  id: {
    title: 'Sertifikat Pelatihan',
    awarded: 'Diberikan kepada',
    completed: 'yang telah menyelesaikan pelatihan',
    hours: (h) => `selama ${h} jam pelajaran`,
    dates: 'Tanggal pelatihan',
    trainer: 'Pelatih',
    number: 'Nomor sertifikat',
    verify: 'Periksa keaslian sertifikat ini dengan nomornya atau kode QR di',
  },
  en: {
    title: 'Training Certificate',
    awarded: 'Awarded to',
    completed: 'for completing the course',
    hours: (h) => `of ${h} hours`,
    dates: 'Course dates',
    trainer: 'Trainer',
    number: 'Certificate number',
    verify: 'Check this certificate by its number or the QR code at',
  },
  ja: {
    title: '研修修了証',
    awarded: '',
    completed: '殿は、次の研修を修了したことを証します。',
    hours: (h) => `（${h}時間）`,
    dates: '研修期間',
    trainer: '講師',
    number: '証書番号',
    verify: 'この証書は番号またはQRコードで確認できます：',
  },
};

/** The public address printed in the QR code: the page that confirms the certificate. */
export const verificationUrl = (origin: string, id: string) => `${origin}/verify/${id}`;

/**
 * The certificate as a one-page A4 landscape PDF: issuer and program, participant, course and its
 * hours, dates, trainer; the place and date of issue over the signing officer's signature and name;
 * the certificate number and a QR code with the public verification address. Japanese only with a
 * font that has it (else English).
 */
export async function drawCertificate(
  row: CertificateRow,
  origin: string,
  wanted: string,
  signature?: Buffer,
): Promise<Buffer> {
  const url = verificationUrl(origin, row.id);
  const number = certificateNumber(row.verification_code);
  const qr = await qrPng(url, 240);
  return renderPdf({ title: `Certificate ${number} — ${row.participant_name}`, layout: 'landscape' }, (doc, fonts) => {
    const locale = wanted === 'ja' ? (fonts.unicode ? 'ja' : 'en') : wanted === 'en' ? 'en' : 'id';
    const h = HEADINGS[locale];
    const width = doc.page.width - 96;
    const center = { align: 'center' as const, width };
    doc.font(fonts.bold).fontSize(13).fillColor('#555');
    if (row.issuer) doc.text(row.issuer, center);
    doc.text(row.program_name, center);
    doc.moveDown(1);
    doc.font(fonts.bold).fontSize(28).fillColor('#1b4332').text(h.title, center);
    doc.moveDown(0.8);
    if (h.awarded) doc.font(fonts.regular).fontSize(13).fillColor('#333').text(h.awarded, center);
    doc.font(fonts.bold).fontSize(24).fillColor('#000').text(row.participant_name, center);
    doc.moveDown(0.3);
    doc.font(fonts.regular).fontSize(13).fillColor('#333').text(h.completed, center);
    doc
      .font(fonts.bold)
      .fontSize(19)
      .fillColor('#000')
      .text(localizedForPdf(row.course_title, locale, fonts), center);
    if (row.hours) doc.font(fonts.regular).fontSize(13).fillColor('#333').text(h.hours(row.hours), center);
    doc.moveDown(0.6);
    doc.font(fonts.regular).fontSize(11).fillColor('#333');
    doc.text(`${h.dates}: ${printedDay(row.starts_on, locale)} – ${printedDay(row.ends_on, locale)}`, center);
    doc.text(`${h.trainer}: ${row.trainer_name}`, center);

    // The foot: QR and number on the left, place, date and signature on the right.
    const bottom = doc.page.height - 48;
    const top = bottom - 130;
    doc.image(qr, 48, top, { width: 110 });
    doc
      .fontSize(10)
      .fillColor('#555')
      .text(`${h.number}:`, 168, top + 8, { width: 300 })
      .font(fonts.bold)
      .fontSize(15)
      .fillColor('#000')
      .text(number, { width: 300 })
      .font(fonts.regular)
      .fontSize(9)
      .fillColor('#555')
      .text(h.verify, { width: 300 })
      .text(`${origin}/verify`, { width: 300 });

    const right = doc.page.width - 48 - 260;
    const issued = printedDay(issuedOn(row), locale);
    doc
      .font(fonts.regular)
      .fontSize(11)
      .fillColor('#333')
      .text(row.place ? `${row.place}, ${issued}` : issued, right, top - 4, { width: 260, align: 'center' });
    if (signature) doc.image(signature, right + 50, top + 14, { fit: [160, 56], align: 'center', valign: 'center' });
    if (row.signer_name) {
      doc
        .font(fonts.bold)
        .fontSize(11)
        .fillColor('#000')
        .text(row.signer_name, right, top + 76, { width: 260, align: 'center', underline: true });
      if (row.signer_title)
        doc.font(fonts.regular).fontSize(10).fillColor('#333').text(row.signer_title, { width: 260, align: 'center' });
    }
  });
}

/** The PDF of a certificate the caller may see, in their language, with the signature it was issued with. */
export async function certificatePdf(ctx: Ctx, id: string, origin: string) {
  const row = await readCertificate(ctx, id);
  const locale = ctx.actor.kind === 'user' ? ctx.actor.locale : 'id';
  const signature = row.signature_key ? await ctx.files.get(row.signature_key) : undefined;
  return {
    pdf: await drawCertificate(row, origin, locale, signature),
    name: `certificate-${certificateNumber(row.verification_code)}.pdf`,
  };
}

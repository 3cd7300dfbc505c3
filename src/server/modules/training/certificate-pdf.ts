import type { Ctx } from '../../http/context.js';
import { localizedForPdf, qrPng, renderPdf } from '../../documents/index.js';
import type { CertificateRow } from './certificates.repository.js';
import { readCertificate } from './certificates.service.js';

const HEADINGS: Record<
  string,
  { title: string; awarded: string; completed: string; dates: string; trainer: string; verify: string }
> = {
  id: {
    title: 'Sertifikat Pelatihan',
    awarded: 'Diberikan kepada',
    completed: 'telah menyelesaikan pelatihan',
    dates: 'Tanggal',
    trainer: 'Pelatih',
    verify: 'Periksa keaslian sertifikat ini',
  },
  en: {
    title: 'Training Certificate',
    awarded: 'Awarded to',
    completed: 'for completing the course',
    dates: 'Dates',
    trainer: 'Trainer',
    verify: 'Check this certificate',
  },
};

/** The public address printed in the QR code: the page that confirms the certificate. */
export const verificationUrl = (origin: string, id: string) => `${origin}/verify/${id}`;

/**
 * The certificate as a one-page A4 landscape PDF: participant, course, dates, trainer, program,
 * and a QR code with the public verification URL. Text in the holder's program language
 * (Indonesian by default) with the course title as the program wrote it.
 */
export async function drawCertificate(row: CertificateRow, origin: string, locale: string): Promise<Buffer> {
  const h = HEADINGS[locale] ?? HEADINGS.id!;
  const url = verificationUrl(origin, row.id);
  const qr = await qrPng(url, 240);
  return renderPdf({ title: `${h.title} — ${row.participant_name}`, layout: 'landscape' }, (doc, fonts) => {
    const width = doc.page.width - 96;
    doc.font(fonts.bold).fontSize(14).fillColor('#555').text(row.program_name, { align: 'center', width });
    doc.moveDown(1.5);
    doc.font(fonts.bold).fontSize(30).fillColor('#1b4332').text(h.title, { align: 'center', width });
    doc.moveDown(1);
    doc.font(fonts.regular).fontSize(13).fillColor('#333').text(h.awarded, { align: 'center', width });
    doc.font(fonts.bold).fontSize(26).fillColor('#000').text(row.participant_name, { align: 'center', width });
    doc.moveDown(0.5);
    doc.font(fonts.regular).fontSize(13).fillColor('#333').text(h.completed, { align: 'center', width });
    doc
      .font(fonts.bold)
      .fontSize(20)
      .fillColor('#000')
      .text(localizedForPdf(row.course_title, locale, fonts), { align: 'center', width });
    doc.moveDown(1);
    doc.font(fonts.regular).fontSize(12).fillColor('#333');
    doc.text(`${h.dates}: ${row.starts_on} – ${row.ends_on}`, { align: 'center', width });
    doc.text(`${h.trainer}: ${row.trainer_name}`, { align: 'center', width });
    const top = doc.page.height - 48 - 130;
    doc.image(qr, 48, top, { width: 120 });
    doc
      .fontSize(10)
      .fillColor('#555')
      .text(`${h.verify}:`, 180, top + 30)
      .text(url)
      .text(`Kode / Code: ${row.verification_code}`);
  });
}

/** The PDF of a certificate the caller may see. */
export async function certificatePdf(ctx: Ctx, id: string, origin: string) {
  const row = await readCertificate(ctx, id);
  const locale = ctx.actor.kind === 'user' && ctx.actor.locale === 'en' ? 'en' : 'id';
  return { pdf: await drawCertificate(row, origin, locale), name: `certificate-${row.verification_code}.pdf` };
}

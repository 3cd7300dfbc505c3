import QRCode from 'qrcode';

/**
 * QR codes for URLs printed on paper (certificates, batch labels). Error correction level M survives
 * a scuffed or slightly folded label; the quiet zone of 4 modules is what scanners expect.
 */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** A PNG of the QR code, `size` pixels wide (a label printer prints it at its own resolution). */
export function qrPng(text: string, size = 300): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...QR_OPTIONS, type: 'png', width: size });
}

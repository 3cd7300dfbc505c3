import jsQRModule from 'jsqr';
import sharp from 'sharp';
import { extractImages, extractText, getDocumentProxy } from 'unpdf';

// jsQR is CommonJS whose exports are the function and also carry it as `default`.
const jsQR = jsQRModule.default;

// PDF.js moves font data with ArrayBuffer.prototype.transferToFixedLength, which Node gained in 21.
// On Node 20 a copy does the same job for a reader that never touches the old buffer again.
const bufferProto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (length?: number) => ArrayBuffer };
bufferProto.transferToFixedLength ??= function (this: ArrayBuffer, length = this.byteLength) {
  const copy = new ArrayBuffer(length);
  new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
  return copy;
};

/** Reads a PDF the way a person would: its text, page by page (parsed by PDF.js). */
export async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(proxy, { mergePages: true });
  return { pages: totalPages, text };
}

/** Every QR code drawn as an image in the PDF, decoded — what a phone camera would read. */
export async function pdfQrCodes(pdf: Buffer): Promise<string[]> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const found: string[] = [];
  for (let page = 1; page <= proxy.numPages; page++) {
    for (const image of await extractImages(proxy, page)) {
      const rgba = await sharp(Buffer.from(image.data), {
        raw: { width: image.width, height: image.height, channels: image.channels },
      })
        .ensureAlpha()
        .raw()
        .toBuffer();
      const code = jsQR(new Uint8ClampedArray(rgba), image.width, image.height);
      if (code) found.push(code.data);
    }
  }
  return found;
}

/** How many images the PDF draws, over all its pages. */
export async function pdfImageCount(pdf: Buffer): Promise<number> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  let count = 0;
  for (let page = 1; page <= proxy.numPages; page++) count += (await extractImages(proxy, page)).length;
  return count;
}

/** Decodes the QR code in a PNG (a printed label). */
export async function pngQrCode(png: Buffer): Promise<string | undefined> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

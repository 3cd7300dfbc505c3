import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';

/** PDF.js as unpdf builds it (decision 007): one module, its worker inlined, so it runs in a page. */
const PDFJS = join(dirname(createRequire(import.meta.url).resolve('unpdf')), 'pdfjs.mjs');
const ORIGIN = 'http://pdf.test';

/** A page that draws the first page of a PDF (base64) onto its canvas, on a white ground. */
const PAGE = `<body style="margin:0"><canvas id="page"></canvas>
<script type="module">
import { getDocument } from '/pdfjs.mjs';
window.renderFirstPage = async (base64, scale) => {
  const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const first = await (await getDocument({ data }).promise).getPage(1);
  const viewport = first.getViewport({ scale });
  const canvas = document.getElementById('page');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  const canvasContext = canvas.getContext('2d');
  canvasContext.fillStyle = '#fff';
  canvasContext.fillRect(0, 0, canvas.width, canvas.height);
  await first.render({ canvasContext, canvas, viewport }).promise;
  return { width: canvas.width, height: canvas.height };
};
</script></body>`;

/**
 * Renders the first page of a PDF onto a canvas in Chromium with PDF.js, as a PDF viewer would
 * draw it (embedded fonts, images, QR codes), and saves the canvas as a PNG at `path`.
 */
export async function renderPdfPage(browser: Browser, pdf: Buffer, path: string, scale = 1.5): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(`${ORIGIN}/**`, (route) =>
    new URL(route.request().url()).pathname === '/pdfjs.mjs'
      ? route.fulfill({ contentType: 'text/javascript', body: readFileSync(PDFJS) })
      : route.fulfill({ contentType: 'text/html', body: PAGE }),
  );
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction('typeof window.renderFirstPage === "function"');
  const size = await page.evaluate<{ width: number; height: number }>(
    `renderFirstPage(${JSON.stringify(pdf.toString('base64'))}, ${scale})`,
  );
  await page.setViewportSize(size);
  await page.locator('#page').screenshot({ path });
  await context.close();
}

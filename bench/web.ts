/**
 * `npx tsx bench/web.ts`: what the public pages (/catalog, /p/{id}, /b/{id}, /verify/{id}) cost a
 * phone on a slow network. The server renders them with their content (src/server/pages), so a page
 * is usable — readable, its links and search form working — from its HTML alone; the app's
 * JavaScript then starts on top of it. Measured: the first contentful paint in Chromium at 400 kbit/s
 * with 400 ms latency, cold cache, 3 loads each; the JavaScript the browser had received by then; and
 * the gzip size of the entry chunk and its static imports (from Vite's manifest) the app loads
 * afterwards. Prints the figures and writes the "Web: public pages" section of docs/benchmarks.md.
 */
import { WEB_SECTION_TITLE, writeSection } from './sections.js';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/browser.js';
import { entryJavaScript } from '../test/e2e/entry-chunk.js';
import { ADMIN, apiSession, demoChips, ROOT, startBuiltServer } from '../test/e2e/server.js';

const WEB = join(ROOT, 'dist/web');
const LOADS = 3;
const NETWORK = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

/** The demo's chips, its newest batch, and a certificate the demo's training issued. */
async function demoIds(url: string): Promise<{ productId: string; batchId: string; certificateId: string }> {
  const admin = await apiSession(url, ADMIN);
  const { chipsId: productId, batchId } = await demoChips(url);
  const programs = await admin<{ items: { id: string }[] }>('GET', '/api/v1/programs?limit=100');
  for (const program of programs.items) {
    const sessions = await admin<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/sessions?programId=${program.id}&limit=100`,
    );
    for (const session of sessions.items) {
      const enrolments = await admin<{ items: { certificateId: string | null }[] }>(
        'GET',
        `/api/v1/sessions/${session.id}/enrolments`,
      );
      const certificateId = enrolments.items.find((e) => e.certificateId)?.certificateId;
      if (certificateId) return { productId, batchId, certificateId };
    }
  }
  throw new Error('the demo issued no certificate');
}

interface Load {
  /** First contentful paint, ms from navigation start. */
  fcp: number;
  /** JavaScript bytes received (as transferred, compressed) before the first contentful paint. */
  jsBeforePaint: number;
  /** The page's main heading was in the HTML, before any script ran. */
  contentInHtml: boolean;
}

async function loads(url: string): Promise<Load[]> {
  const browser = await launchChromium();
  const results: Load[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
      const response = await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      const html = (await response?.text()) ?? '';
      const fcp = await page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        undefined,
        { timeout: 120_000 },
      );
      const at = (await fcp.jsonValue()) as number;
      const jsBeforePaint = await page.evaluate(
        (paint) =>
          (
            performance.getEntriesByType('resource') as unknown as {
              name: string;
              responseEnd: number;
              transferSize: number;
            }[]
          )
            .filter((e) => /\.m?js(\?|$)/.test(e.name) && e.responseEnd <= paint)
            .reduce((sum, e) => sum + e.transferSize, 0),
        at,
      );
      const root = html.slice(html.indexOf('<div id="root">'));
      results.push({ fcp: Math.round(at), jsBeforePaint, contentInHtml: /<h1[^>]*>[^<]+<\/h1>/.test(root) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => (n / 1024).toFixed(1);

const server = await startBuiltServer({ demo: true });
try {
  const ids = await demoIds(server.url);
  const js = entryJavaScript(WEB);
  const pages = [
    { name: '`/catalog`', path: '/catalog' },
    { name: '`/p/{id}`', path: `/p/${ids.productId}` },
    { name: '`/b/{id}`', path: `/b/${ids.batchId}` },
    { name: '`/verify/{id}`', path: `/verify/${ids.certificateId}` },
  ];
  const rows: string[] = [];
  for (const { name, path } of pages) {
    const measured = await loads(`${server.url}${path}`);
    const fcps = measured.map((m) => m.fcp);
    rows.push(
      `| ${name} | ${measured.every((m) => m.contentInHtml) ? 'yes' : 'no'} | ${fcps.join(', ')} | ${median(fcps)} ms | ${kb(Math.max(...measured.map((m) => m.jsBeforePaint)))} KB |`,
    );
  }
  const [load1, load5] = loadavg();
  const section = `${WEB_SECTION_TITLE}

Measured by \`npx tsx bench/web.ts\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (Node ${process.version}, the
built app served by \`node dist/server/main.js serve\` on embedded PGlite with the demo program, Debian's Chromium;
load average ${load1!.toFixed(1)} over 1 minute, ${load5!.toFixed(1)} over 5 — the machine's 2 cores are shared with other work).

The four public pages come from the server with their content (src/server/pages): a page is usable —
readable, its links and its search form working — from its HTML alone, before any script runs. The
app's scripts are module scripts (deferred): they do not hold up the first paint, and the server's
page stays on screen until the app's own page has its data (src/web/main.tsx).

First contentful paint, 360×740 viewport, network throttled to 400 kbit/s down and up with 400 ms
latency (CDP \`Network.emulateNetworkConditions\`), cache disabled, ${LOADS} loads each (goal: median ≤ 1.5 s).
"JS before first paint" is the JavaScript the browser had received (bytes transferred, compressed)
when the first paint came — downloaded alongside, not needed for it; the JavaScript needed before the
page is usable is none:

| page | content in the HTML | loads (ms) | median | JS before first paint (most of ${LOADS}) |
|---|---|---|---|---|
${rows.join('\n')}

JavaScript the app loads to start on a public page, after the first paint (gzip -9, from
\`dist/web/.vite/manifest.json\`):

| what | gzip |
|---|---|
| entry chunk + its static imports (${js.files.length} files; Preact and its React layer are about 11 KB of it, decision 028; the public pages' Indonesian messages are in the entry) | ${kb(js.gzip)} KB (goal 60 KB, budget 100 KB) |
| a visitor who chose English or Japanese also loads that language's public messages before the app renders (Japanese) | ${kb(js.localeGzip)} KB |
| not on public pages: the staff app's messages, loaded with its chunk in the active language only (Indonesian) | ${kb(js.staffGzip)} KB |
`;
  console.log(section);
  writeSection(section);
} finally {
  await server.stop();
}

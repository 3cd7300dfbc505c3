/**
 * `npx tsx bench/web.ts`: what the public catalog and product pages cost a phone on a slow network —
 * the gzip size of the JavaScript they load before first render (from Vite's manifest) and their
 * first contentful paint in Chromium at 400 kbit/s with 400 ms latency, cold cache, 3 loads each.
 * Prints the figures and writes the "Web: public pages" section of docs/benchmarks.md.
 */
import { WEB_SECTION_TITLE, writeSection } from './sections.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/e2e/browser.js';
import { apiSession, FACILITATORS, ROOT, seedProgram, startBuiltServer } from '../test/e2e/server.js';

const WEB = join(ROOT, 'dist/web');
const LOADS = 3;
const NETWORK = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

const gzipBytes = (file: string) => gzipSync(readFileSync(join(WEB, file)), { level: 9 }).length;

/** The entry chunk and everything it imports statically, as the manifest lists them; a language's message chunks. */
function entryJavaScript(): { files: string[]; gzip: number; localeGzip: number; staffGzip: number } {
  const manifest = JSON.parse(readFileSync(join(WEB, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]!.imports ?? []) walk(next);
  };
  walk(entryKey);
  const files = [...seen].map((k) => manifest[k]!.file);
  const chunk = (key: string) => (manifest[key] ? gzipBytes(manifest[key].file) : 0);
  return {
    files,
    gzip: files.reduce((sum, f) => sum + gzipBytes(f), 0),
    localeGzip: chunk('i18n/public/ja.json'),
    staffGzip: chunk('i18n/staff/id.json'),
  };
}

async function seedProduct(url: string): Promise<string> {
  const { programId } = await seedProgram(url);
  const facilitator = await apiSession(url, FACILITATORS.karangasem);
  const village = await facilitator<{ id: string }>('POST', '/api/v1/villages', {
    programId,
    areaCode: '51.07.06.2004',
  });
  const group = await facilitator<{ id: string }>('POST', '/api/v1/groups', {
    programId,
    villageId: village.id,
    name: 'KWT Salak Sibetan Lestari',
    kind: 'women_group',
  });
  const product = await facilitator<{ id: string }>('POST', '/api/v1/products', {
    groupId: group.id,
    name: { id: 'Dodol Salak Sibetan', ja: 'シベタンのサラク・ドドル' },
    description: { id: 'Dodol dari salak gula pasir Sibetan.' },
    story: { id: 'Para ibu di Sibetan mengolah salak sejak panen raya.' },
    category: 'food',
    unit: 'bungkus 250 g',
    price: { amount: '25000', currency: 'IDR' },
    status: 'ready',
  });
  return product.id;
}

async function firstContentfulPaint(url: string): Promise<number[]> {
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      const fcp = await page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        undefined,
        { timeout: 120_000 },
      );
      times.push(Math.round((await fcp.jsonValue()) as number));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await startBuiltServer();
try {
  const productId = await seedProduct(server.url);
  const js = entryJavaScript();
  const catalog = await firstContentfulPaint(`${server.url}/catalog`);
  const product = await firstContentfulPaint(`${server.url}/p/${productId}`);
  const kb = (n: number) => (n / 1024).toFixed(1);
  const section = `${WEB_SECTION_TITLE}

Measured by \`npx tsx bench/web.ts\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, the
built app served by \`node dist/server/main.js serve\` on embedded PGlite, Debian's Chromium).

JavaScript loaded before first render (gzip -9), the same for \`/catalog\` and \`/p/{id}\`:

| what | gzip |
|---|---|
| entry chunk + its static imports (${js.files.length} files, from \`dist/web/.vite/manifest.json\`; the public pages' Indonesian messages are in the entry) | ${kb(js.gzip)} KB (budget 100 KB) |
| a visitor who chose English or Japanese also loads that language's public messages before the first render (Japanese) | ${kb(js.localeGzip)} KB |
| not on public pages: the staff app's messages, loaded with its chunk in the active language only (Indonesian) | ${kb(js.staffGzip)} KB |

First contentful paint, 360×740 viewport, network throttled to 400 kbit/s down and up with 400 ms
latency (CDP \`Network.emulateNetworkConditions\`), cache disabled, ${LOADS} loads each:

| page | loads (ms) | median |
|---|---|---|
| \`/catalog\` | ${catalog.join(', ')} | ${median(catalog)} ms |
| \`/p/{id}\` | ${product.join(', ')} | ${median(product)} ms |
`;
  console.log(section);
  writeSection(section);
} finally {
  await server.stop();
}

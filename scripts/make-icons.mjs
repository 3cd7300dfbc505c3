// Draws the installable app's icons (192, 512 and a maskable 512) into src/web/public/icons.
// Run once after changing the mark or the colour: `node scripts/make-icons.mjs`; the PNGs are committed.
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';

const ACCENT = '#0b6e4f'; // THEME_COLOUR in src/web/lib/theme-colour.ts
const dir = 'src/web/public/icons';
mkdirSync(dir, { recursive: true });

/** A rounded square with the leaf-and-house mark; `safe` shrinks the mark into a maskable icon's safe zone. */
const svg = (size, { maskable }) => {
  const scale = maskable ? 0.62 : 0.82;
  const offset = (size * (1 - scale)) / 2;
  const radius = maskable ? 0 : size * 0.18;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${radius}" fill="${ACCENT}"/>
  <g transform="translate(${offset} ${offset}) scale(${(size * scale) / 100})" fill="#ffffff">
    <path d="M50 12 L88 44 L80 44 L80 86 L20 86 L20 44 L12 44 Z" fill="none" stroke="#ffffff" stroke-width="6" stroke-linejoin="round"/>
    <path d="M50 78 C32 70 32 50 50 38 C68 50 68 70 50 78 Z"/>
    <rect x="48" y="56" width="4" height="26" fill="${ACCENT}"/>
  </g>
</svg>`;
};

for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
]) {
  await sharp(Buffer.from(svg(size, { maskable })))
    .png({ compressionLevel: 9 })
    .toFile(`${dir}/${name}`);
}

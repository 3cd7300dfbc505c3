/**
 * The demo products' pictures, drawn as SVG: a product on a table against a wall, in flat shapes
 * and colours and without any text (a picture reads the same in every language). Every drawing is
 * deterministic: the scattered pieces come from a pseudo-random sequence seeded by the picture's
 * name, so the same name always gives the same bytes.
 */

export const DEMO_PICTURES = [
  'salak-chips',
  'salak-dodol',
  'forest-honey',
  'cocoa-cookies',
  'peanut-cookies',
  'bamboo-basket',
  'bamboo-lampshade',
  'batik-jlamprang',
  'batik-pesisiran',
] as const;
export type DemoPicture = (typeof DEMO_PICTURES)[number];

/** The size the drawings are made for (4:3, as the catalog's cards show them). */
const W = 800;
const H = 600;

/** mulberry32 seeded by the name: the same sequence for the same picture, every run. */
function randomFor(name: string): () => number {
  let seed = 0;
  for (const c of name) seed = (Math.imul(seed, 31) + c.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const n = (x: number) => Math.round(x * 10) / 10;

/** A wall and a table top, with a soft light from the upper left. */
function room(wall: [string, string], table: [string, string], tableTop = 400): string {
  return `<defs>
    <linearGradient id="wall" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${wall[0]}"/><stop offset="1" stop-color="${wall[1]}"/></linearGradient>
    <linearGradient id="table" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${table[0]}"/><stop offset="1" stop-color="${table[1]}"/></linearGradient>
  </defs>
  <rect width="${W}" height="${H}" fill="url(#wall)"/>
  <rect y="${tableTop}" width="${W}" height="${H - tableTop}" fill="url(#table)"/>
  <rect y="${tableTop}" width="${W}" height="4" fill="#000" opacity="0.06"/>`;
}

const shadow = (cx: number, cy: number, rx: number, ry: number, opacity = 0.18) =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="#000" opacity="${opacity}"/>`;

/** A snake fruit: a dark red-brown teardrop covered in scales, with its stalk. */
function salakFruit(x: number, y: number, s: number, angle = 0): string {
  const scales: string[] = [];
  for (let row = -4; row <= 4; row++) {
    const width = 40 - Math.abs(row) * 5;
    for (let col = -width; col <= width; col += 11) {
      const sx = col + (row % 2 ? 5 : 0);
      const sy = row * 12;
      scales.push(`<path d="M${sx - 5} ${sy - 3} L${sx} ${sy + 5} L${sx + 5} ${sy - 3}" />`);
    }
  }
  const body = 'M0 -58 C34 -54 50 -12 46 18 C42 48 22 60 0 60 C-22 60 -42 48 -46 18 C-50 -12 -34 -54 0 -58 Z';
  return `<g transform="translate(${x} ${y}) rotate(${angle}) scale(${s})">
    <path d="${body}" fill="#6e2a1c"/>
    <clipPath id="salak-${x}-${y}"><path d="${body}"/></clipPath>
    <g clip-path="url(#salak-${x}-${y})" fill="none" stroke="#3d130b" stroke-width="2" opacity="0.7">${scales.join('')}</g>
    <path d="M-30 -20 C-28 -40 -14 -50 -4 -52" fill="none" stroke="#b0614a" stroke-width="6" stroke-linecap="round" opacity="0.5"/>
    <path d="M0 -58 L-3 -74 L4 -74 Z" fill="#5b4a24"/>
  </g>`;
}

/** A slice of vacuum-fried salak: a pale, wavy oval with a golden edge. */
function chip(x: number, y: number, r: number, angle: number): string {
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})">
    <path d="M${-r} 0 C${-r} ${-r * 0.7} ${r * 0.2} ${-r * 0.75} ${r} ${-r * 0.1} C${r * 1.05} ${r * 0.5} ${-r * 0.1} ${r * 0.8} ${-r} 0 Z" fill="#f4dda6" stroke="#c9893e" stroke-width="3"/>
    <path d="M${-r * 0.5} ${-r * 0.05} C${-r * 0.2} ${-r * 0.3} ${r * 0.3} ${-r * 0.25} ${r * 0.55} 0" fill="none" stroke="#e0b56a" stroke-width="3" stroke-linecap="round"/>
  </g>`;
}

function salakChips(): string {
  const random = randomFor('salak-chips');
  const chips: string[] = [];
  for (let i = 0; i < 26; i++) {
    const a = random() * Math.PI * 2;
    const d = Math.sqrt(random());
    chips.push(
      chip(450 + Math.cos(a) * d * 150, 405 + Math.sin(a) * d * 48 - (1 - d) * 40, 26 + random() * 10, random() * 360),
    );
  }
  return `${room(['#fbeedd', '#f3d9bf'], ['#c98f5d', '#a9703f'])}
    ${shadow(450, 470, 230, 40)}
    <ellipse cx="450" cy="430" rx="220" ry="62" fill="#fffaf0" stroke="#e4d2b8" stroke-width="4"/>
    <ellipse cx="450" cy="428" rx="170" ry="44" fill="#f1e6d2"/>
    ${chips.join('')}
    ${shadow(150, 505, 70, 14)}
    ${salakFruit(140, 440, 1.05, -12)}
    ${shadow(700, 520, 60, 12)}
    ${salakFruit(700, 465, 0.85, 18)}`;
}

/** A bar of dodol: dark, glossy and sticky. */
function dodolBar(x: number, y: number, angle: number): string {
  return `<g transform="translate(${x} ${y}) rotate(${angle})">
    <rect x="-46" y="-20" width="92" height="40" rx="12" fill="#4b2716"/>
    <rect x="-46" y="-20" width="92" height="14" rx="7" fill="#6d3a20"/>
    <path d="M-34 -12 L22 -12" stroke="#a86a45" stroke-width="4" stroke-linecap="round" opacity="0.7"/>
  </g>`;
}

/** A piece of dodol wrapped in paper with twisted ends. */
function wrapped(x: number, y: number, angle: number, paper: string): string {
  return `<g transform="translate(${x} ${y}) rotate(${angle})">
    <path d="M-40 -16 L-62 -26 L-58 0 L-62 26 L-40 16 Z" fill="${paper}" stroke="#000" stroke-opacity="0.13" stroke-width="2"/>
    <path d="M40 -16 L62 -26 L58 0 L62 26 L40 16 Z" fill="${paper}" stroke="#000" stroke-opacity="0.13" stroke-width="2"/>
    <rect x="-42" y="-20" width="84" height="40" rx="10" fill="${paper}" stroke="#000" stroke-opacity="0.13" stroke-width="2"/>
    <rect x="-30" y="-8" width="60" height="16" rx="6" fill="#4b2716" opacity="0.35"/>
  </g>`;
}

function salakDodol(): string {
  return `${room(['#f7efe0', '#eadcc2'], ['#8fae7a', '#6f9160'])}
    ${shadow(430, 490, 240, 40)}
    <ellipse cx="430" cy="450" rx="230" ry="70" fill="#fdfbf5" stroke="#d9cdb5" stroke-width="4"/>
    <ellipse cx="430" cy="448" rx="180" ry="50" fill="#efe7d6"/>
    ${dodolBar(360, 440, -8)}
    ${dodolBar(470, 455, 6)}
    ${dodolBar(420, 410, 2)}
    ${wrapped(560, 420, -14, '#f6f1e2')}
    ${wrapped(300, 470, 10, '#d7ecc9')}
    ${shadow(130, 500, 64, 12)}
    ${salakFruit(130, 440, 0.95, -8)}
    ${shadow(700, 520, 56, 11)}
    ${salakFruit(700, 468, 0.8, 14)}`;
}

/** Hexagonal comb cells. */
function honeycomb(x0: number, y0: number, cols: number, rows: number, r: number): string {
  const cells: string[] = [];
  const w = r * Math.sqrt(3);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const cx = x0 + col * w + (row % 2 ? w / 2 : 0);
      const cy = y0 + row * r * 1.5;
      const points = Array.from({ length: 6 }, (_, k) => {
        const a = (Math.PI / 3) * k + Math.PI / 6;
        return `${n(cx + Math.cos(a) * r)},${n(cy + Math.sin(a) * r)}`;
      }).join(' ');
      const full = (row * 7 + col * 3) % 5 !== 0;
      cells.push(
        `<polygon points="${points}" fill="${full ? '#f2a81d' : '#f8d77e'}" stroke="#c07a0b" stroke-width="3"/>`,
      );
    }
  }
  return cells.join('');
}

function forestHoney(): string {
  return `${room(['#2f5d3a', '#1d3f27'], ['#7a5230', '#5c3b20'], 430)}
    <g opacity="0.35" fill="#4f8a55">
      <path d="M40 120 C90 60 160 80 170 140 C120 150 70 150 40 120 Z"/>
      <path d="M620 60 C690 20 760 50 770 110 C720 120 660 110 620 60 Z"/>
      <path d="M700 250 C740 200 800 210 800 260 C770 280 730 280 700 250 Z"/>
    </g>
    <g transform="translate(500 300) rotate(-8)" opacity="0.95">${honeycomb(0, 0, 4, 4, 34)}</g>
    ${shadow(330, 520, 110, 18, 0.3)}
    <defs>
      <linearGradient id="honey" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#c96a0a"/><stop offset="0.45" stop-color="#f3a524"/><stop offset="1" stop-color="#b75d07"/></linearGradient>
    </defs>
    <rect x="300" y="150" width="60" height="40" rx="6" fill="#e8e2d3" opacity="0.9"/>
    <rect x="292" y="118" width="76" height="40" rx="8" fill="#5a3a1e"/>
    <path d="M300 190 C300 215 250 225 250 260 L250 490 C250 515 270 525 290 525 L370 525 C390 525 410 515 410 490 L410 260 C410 225 360 215 360 190 Z" fill="url(#honey)" stroke="#fff5dc" stroke-width="4" stroke-opacity="0.6"/>
    <path d="M268 270 L268 480" stroke="#fff" stroke-width="12" stroke-linecap="round" opacity="0.35"/>
    <rect x="262" y="330" width="136" height="110" rx="10" fill="#f4ead2" opacity="0.92"/>
    <g transform="translate(330 385)" fill="#f2a81d" stroke="#a8640a" stroke-width="3">
      <polygon points="0,-30 26,-15 26,15 0,30 -26,15 -26,-15"/>
    </g>
    <g transform="translate(560 505) rotate(-18)">
      ${shadow(0, 22, 120, 10, 0.25)}
      <rect x="-130" y="-6" width="170" height="12" rx="6" fill="#c58c4e"/>
      <g fill="#b27538"><ellipse cx="60" cy="0" rx="34" ry="26"/></g>
      <path d="M32 -20 L32 20 M48 -25 L48 25 M64 -25 L64 25 M80 -20 L80 20" stroke="#8a5523" stroke-width="5"/>
      <path d="M52 24 C54 40 60 44 56 56" stroke="#f2a81d" stroke-width="10" stroke-linecap="round" fill="none"/>
    </g>
    <g transform="translate(170 200)">
      <ellipse cx="0" cy="0" rx="22" ry="14" fill="#f2b01e"/>
      <path d="M-8 -13 L-8 13 M4 -14 L4 14" stroke="#2b1d0e" stroke-width="6"/>
      <ellipse cx="-4" cy="-20" rx="14" ry="9" fill="#e8f4ff" opacity="0.8" transform="rotate(-25)"/>
      <ellipse cx="8" cy="-20" rx="12" ry="8" fill="#e8f4ff" opacity="0.7" transform="rotate(20)"/>
      <circle cx="-22" cy="0" r="7" fill="#2b1d0e"/>
    </g>`;
}

/** A glass jar with a lid, holding a stack of cookies drawn by `cookie`. */
function cookieJar(x: number, y: number, cookie: (cx: number, cy: number) => string): string {
  const inside: string[] = [];
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 3; col++) inside.push(cookie(x - 62 + col * 62 + (row % 2 ? 20 : 0), y + 150 - row * 40));
  }
  return `<g>
    ${shadow(x, y + 208, 120, 16, 0.22)}
    <clipPath id="jar-${x}"><rect x="${x - 110}" y="${y - 10}" width="220" height="215" rx="28"/></clipPath>
    <g clip-path="url(#jar-${x})">${inside.join('')}</g>
    <rect x="${x - 110}" y="${y - 10}" width="220" height="215" rx="28" fill="#dff1f7" opacity="0.25" stroke="#c9e3ec" stroke-width="5"/>
    <path d="M${x - 86} ${y + 20} L${x - 86} ${y + 170}" stroke="#fff" stroke-width="12" stroke-linecap="round" opacity="0.45"/>
    <rect x="${x - 98}" y="${y - 44}" width="196" height="40" rx="10" fill="#b53a2a"/>
    <rect x="${x - 98}" y="${y - 44}" width="196" height="12" rx="6" fill="#d4584a"/>
  </g>`;
}

function cocoaCookie(x: number, y: number, r = 36): string {
  return `<g transform="translate(${x} ${y})">
    <ellipse rx="${r}" ry="${r * 0.55}" fill="#5a3220"/>
    <ellipse rx="${r * 0.85}" ry="${r * 0.42}" cy="-3" fill="#6e3f28"/>
    <circle cx="${-r * 0.3}" cy="-4" r="3" fill="#3b1f12"/><circle cx="${r * 0.25}" cy="-8" r="3" fill="#3b1f12"/><circle cx="${r * 0.1}" cy="4" r="3" fill="#3b1f12"/>
  </g>`;
}

/** A cocoa pod: a ribbed, pointed oval in yellow and orange. */
function cocoaPod(x: number, y: number, angle: number): string {
  return `<g transform="translate(${x} ${y}) rotate(${angle})">
    ${shadow(0, 48, 100, 12)}
    <path d="M-110 0 C-80 -56 80 -56 110 0 C80 56 -80 56 -110 0 Z" fill="#e39a22"/>
    <path d="M-110 0 C-80 -30 80 -30 110 0 M-110 0 C-80 30 80 30 110 0 M-100 0 L100 0" stroke="#c0661a" stroke-width="4" fill="none"/>
    <path d="M-60 -28 C-20 -40 30 -40 60 -30" stroke="#f7cf6d" stroke-width="8" stroke-linecap="round" fill="none" opacity="0.7"/>
    <path d="M110 0 L132 -6" stroke="#6b4b1f" stroke-width="8" stroke-linecap="round"/>
  </g>`;
}

function cocoaCookies(): string {
  return `${room(['#fdf3e4', '#f0dcc2'], ['#d9b98f', '#bd9a6c'])}
    ${cookieJar(250, 230, (x, y) => cocoaCookie(x, y, 34))}
    ${cocoaPod(590, 330, -12)}
    ${shadow(520, 505, 70, 12)}
    ${cocoaCookie(520, 480, 52)}
    ${shadow(660, 525, 64, 12)}
    ${cocoaCookie(660, 505, 46)}
    <g transform="translate(450 520)" fill="#3b1f12"><circle r="7"/><circle cx="20" cy="8" r="6"/><circle cx="-16" cy="10" r="5"/></g>`;
}

function peanutCookie(x: number, y: number, r = 36): string {
  return `<g transform="translate(${x} ${y})">
    <ellipse rx="${r}" ry="${r * 0.55}" fill="#d79c52"/>
    <ellipse rx="${r * 0.86}" ry="${r * 0.44}" cy="-3" fill="#eec27e"/>
    <path d="M${-r * 0.5} -4 L${-r * 0.2} 2 M${r * 0.1} -10 L${r * 0.4} -2" stroke="#c98a44" stroke-width="2.5"/>
    <ellipse cx="${r * 0.05}" cy="-6" rx="${r * 0.28}" ry="${r * 0.16}" fill="#b8743a"/>
  </g>`;
}

/** A peanut in its shell: two lobes with a waist and a net of lines. */
function peanut(x: number, y: number, angle: number): string {
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})">
    <path d="M-34 0 C-34 -18 -14 -20 -4 -12 C4 -18 34 -20 34 0 C34 20 4 18 -4 12 C-14 20 -34 18 -34 0 Z" fill="#dcb27a" stroke="#b98a4e" stroke-width="3"/>
    <path d="M-24 -8 L-14 8 M-16 -10 L-24 6 M14 -10 L24 8 M24 -8 L14 8" stroke="#c49560" stroke-width="2"/>
  </g>`;
}

function peanutCookies(): string {
  const random = randomFor('peanut-cookies');
  const nuts: string[] = [];
  for (let i = 0; i < 7; i++) nuts.push(peanut(470 + random() * 280, 470 + random() * 90, random() * 180));
  return `${room(['#eef4ea', '#d8e6d2'], ['#d8b58a', '#b99266'])}
    ${cookieJar(230, 230, (x, y) => peanutCookie(x, y, 34))}
    ${shadow(560, 445, 80, 14)}
    ${peanutCookie(560, 420, 60)}
    ${shadow(690, 395, 66, 12)}
    ${peanutCookie(690, 375, 50)}
    ${nuts.join('')}`;
}

/** Woven strips in two tones: a bamboo weave, clipped to `clip`. */
function weave(clip: string, id: string, x0: number, y0: number, w: number, h: number): string {
  const cells: string[] = [];
  const size = 22;
  for (let y = y0; y < y0 + h; y += size) {
    for (let x = x0; x < x0 + w; x += size) {
      const even = ((x - x0) / size + (y - y0) / size) % 2 === 0;
      cells.push(
        even
          ? `<rect x="${x}" y="${y + 3}" width="${size}" height="${size - 6}" fill="#e7c88c"/>`
          : `<rect x="${x + 3}" y="${y}" width="${size - 6}" height="${size}" fill="#d1a662"/>`,
      );
    }
  }
  return `<clipPath id="${id}"><path d="${clip}"/></clipPath>
    <g clip-path="url(#${id})"><rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="#a87a3c"/>${cells.join('')}</g>`;
}

function bambooBasket(): string {
  const body = 'M180 250 L620 250 C610 380 560 480 470 500 L330 500 C240 480 190 380 180 250 Z';
  return `${room(['#e6efe4', '#cfe0cd'], ['#b7a58c', '#9c8a70'], 440)}
    ${shadow(400, 510, 220, 24, 0.22)}
    <ellipse cx="400" cy="250" rx="220" ry="48" fill="#7b5428"/>
    ${weave(body, 'basket', 170, 240, 470, 270)}
    <path d="${body}" fill="none" stroke="#8a5d2b" stroke-width="4"/>
    <path d="M200 330 C300 350 500 350 600 330" stroke="#000" stroke-width="14" opacity="0.05" fill="none"/>
    <ellipse cx="400" cy="250" rx="222" ry="48" fill="none" stroke="#8b4f1f" stroke-width="18"/>
    <ellipse cx="400" cy="246" rx="222" ry="46" fill="none" stroke="#b06a31" stroke-width="6"/>
    <g stroke="#6a8f3e" stroke-width="10" stroke-linecap="round" fill="none" opacity="0.8">
      <path d="M690 470 L690 300"/><path d="M690 380 C720 350 750 350 770 360"/>
    </g>
    <g fill="#8cb05a" opacity="0.85"><path d="M690 300 C700 260 740 250 760 260 C740 290 710 300 690 300 Z"/><path d="M690 330 C660 300 630 300 620 310 C640 340 670 340 690 330 Z"/></g>`;
}

function bambooLampshade(): string {
  const lattice: string[] = [];
  for (let k = -8; k <= 8; k++) {
    lattice.push(`<path d="M${400 + k * 24 - 180} 80 L${400 + k * 24 + 180} 440"/>`);
    lattice.push(`<path d="M${400 + k * 24 + 180} 80 L${400 + k * 24 - 180} 440"/>`);
  }
  return `<defs>
      <linearGradient id="night" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2a2340"/><stop offset="1" stop-color="#4a3a58"/></linearGradient>
      <radialGradient id="glow" cx="0.5" cy="0.55" r="0.5"><stop offset="0" stop-color="#fff3c2"/><stop offset="0.6" stop-color="#ffcd6b"/><stop offset="1" stop-color="#e0902e"/></radialGradient>
      <radialGradient id="spill" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#ffd98a" stop-opacity="0.55"/><stop offset="1" stop-color="#ffd98a" stop-opacity="0"/></radialGradient>
      <clipPath id="shade"><circle cx="400" cy="260" r="160"/></clipPath>
    </defs>
    <rect width="${W}" height="${H}" fill="url(#night)"/>
    <circle cx="400" cy="260" r="260" fill="url(#spill)"/>
    <rect y="500" width="${W}" height="100" fill="#3a2c3a"/>
    <ellipse cx="400" cy="520" rx="260" ry="40" fill="url(#spill)"/>
    <path d="M400 0 L400 102" stroke="#1a1420" stroke-width="6"/>
    <circle cx="400" cy="260" r="160" fill="url(#glow)"/>
    <g clip-path="url(#shade)" stroke="#9a6424" stroke-width="9" opacity="0.85">${lattice.join('')}</g>
    <circle cx="400" cy="260" r="160" fill="none" stroke="#8a5420" stroke-width="8"/>
    <ellipse cx="400" cy="104" rx="34" ry="10" fill="#6e431b"/>`;
}

/**
 * A length of cloth hung from a bamboo pole on the wall, and the same cloth folded on the table,
 * its face drawn with `pattern` (a <pattern> id).
 */
function cloth(pattern: string, edge: string): string {
  const hem = 'M150 380 C230 392 300 372 400 384 C500 396 570 376 650 386';
  return `<rect x="110" y="52" width="580" height="14" rx="7" fill="#c9a46a"/>
    <path d="M150 66 L650 66 L650 386 C570 376 500 396 400 384 C300 372 230 392 150 380 Z" fill="url(#${pattern})"/>
    <path d="M150 66 L650 66 L650 84 L150 84 Z" fill="#000" opacity="0.12"/>
    <path d="${hem}" fill="none" stroke="${edge}" stroke-width="6"/>
    <path d="M330 66 L330 380 M500 66 L500 388" stroke="#000" stroke-width="10" opacity="0.05"/>
    ${shadow(420, 548, 250, 20, 0.22)}
    <g>
      <path d="M190 470 L630 470 L660 530 L160 530 Z" fill="url(#${pattern})"/>
      <path d="M160 530 L660 530 L660 548 L160 548 Z" fill="${edge}"/>
      <path d="M160 540 L660 540" stroke="#fff" stroke-width="2" opacity="0.35"/>
      <path d="M190 470 L630 470 L636 482 L184 482 Z" fill="#fff" opacity="0.15"/>
    </g>`;
}

function batikJlamprang(): string {
  const star = Array.from({ length: 8 }, (_, k) => {
    const a = (Math.PI / 4) * k;
    return `<ellipse cx="${n(30 + Math.cos(a) * 11)}" cy="${n(30 + Math.sin(a) * 11)}" rx="7" ry="3.5" transform="rotate(${k * 45} ${n(30 + Math.cos(a) * 11)} ${n(30 + Math.sin(a) * 11)})"/>`;
  }).join('');
  return `${room(['#f6ecd9', '#e9d8b8'], ['#8a5a3a', '#6d4329'], 460)}
    <defs>
      <pattern id="jlamprang" width="60" height="60" patternUnits="userSpaceOnUse">
        <rect width="60" height="60" fill="#23365e"/>
        <circle cx="30" cy="30" r="24" fill="#8b4a1e"/>
        <circle cx="30" cy="30" r="19" fill="#f1e3c2"/>
        <g fill="#23365e">${star}</g>
        <circle cx="30" cy="30" r="5" fill="#8b4a1e"/>
        <circle cx="0" cy="0" r="6" fill="#f1e3c2"/><circle cx="60" cy="0" r="6" fill="#f1e3c2"/><circle cx="0" cy="60" r="6" fill="#f1e3c2"/><circle cx="60" cy="60" r="6" fill="#f1e3c2"/>
      </pattern>
    </defs>
    ${cloth('jlamprang', '#1a2846')}
    <g transform="translate(728 470) rotate(25) scale(0.6)">
      <rect x="-8" y="0" width="16" height="150" rx="6" fill="#c49a5a"/>
      <ellipse cx="0" cy="-12" rx="22" ry="16" fill="#b87333"/>
      <path d="M14 -18 L46 -40" stroke="#b87333" stroke-width="6" stroke-linecap="round"/>
    </g>`;
}

function batikPesisiran(): string {
  const petals = Array.from({ length: 5 }, (_, k) => {
    const a = (360 / 5) * k;
    return `<ellipse cx="40" cy="28" rx="7" ry="14" transform="rotate(${a} 40 40)"/>`;
  }).join('');
  return `${room(['#e8f4f6', '#cde6ea'], ['#b48a62', '#94693f'], 460)}
    <defs>
      <pattern id="pesisiran" width="80" height="80" patternUnits="userSpaceOnUse">
        <rect width="80" height="80" fill="#fbeec1"/>
        <path d="M4 70 C20 56 30 60 40 48" stroke="#3f8f5a" stroke-width="4" fill="none"/>
        <ellipse cx="16" cy="64" rx="10" ry="5" fill="#58a86e" transform="rotate(-30 16 64)"/>
        <g fill="#e8578a">${petals}</g>
        <circle cx="40" cy="40" r="6" fill="#f7b731"/>
        <circle cx="72" cy="12" r="5" fill="#2f7fbf"/><circle cx="8" cy="14" r="3" fill="#e8578a"/>
      </pattern>
    </defs>
    ${cloth('pesisiran', '#c9a85a')}
    <g transform="translate(730 382) scale(0.7)">
      ${shadow(0, 120, 60, 10, 0.15)}
      <rect x="-50" y="50" width="100" height="60" rx="6" fill="#b87333"/>
      <path d="M-40 60 L40 100 M40 60 L-40 100 M0 55 L0 105" stroke="#8a5226" stroke-width="4"/>
      <rect x="-8" y="-30" width="16" height="82" fill="#8a5226"/>
      <rect x="-36" y="-40" width="72" height="18" rx="9" fill="#6d4329"/>
    </g>`;
}

const DRAWINGS: Record<DemoPicture, () => string> = {
  'salak-chips': salakChips,
  'salak-dodol': salakDodol,
  'forest-honey': forestHoney,
  'cocoa-cookies': cocoaCookies,
  'peanut-cookies': peanutCookies,
  'bamboo-basket': bambooBasket,
  'bamboo-lampshade': bambooLampshade,
  'batik-jlamprang': batikJlamprang,
  'batik-pesisiran': batikPesisiran,
};

/** The picture as an SVG document, `width` pixels wide (4:3). */
export function drawDemoPicture(picture: DemoPicture, width: number): string {
  const height = (width * H) / W;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${W} ${H}">${DRAWINGS[picture]()}</svg>`;
}

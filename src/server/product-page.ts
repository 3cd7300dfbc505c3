import type { CatalogProductAnswer } from '../shared/schemas/market.js';
import { DEFAULT_LOCALE, UI_LOCALES, type UiLocale } from '../shared/locales.js';

/** Open Graph's name for each interface language. */
const OG_LOCALES: Record<UiLocale, string> = { id: 'id_ID', en: 'en_US', ja: 'ja_JP', th: 'th_TH', vi: 'vi_VN' };

/**
 * The visitor's language, by the web app's first-locale rule as far as a server can see it: ?lang=,
 * then Accept-Language in its order of preference, else Indonesian. (The app's stored choice lives in
 * the browser; the app applies it when it starts.)
 */
export function pageLocale(lang: unknown, acceptLanguage: string | undefined): UiLocale {
  const known = (tag: string | undefined): UiLocale | undefined => {
    const primary = tag?.trim().toLowerCase().split('-')[0];
    return (UI_LOCALES as readonly string[]).includes(primary ?? '') ? (primary as UiLocale) : undefined;
  };
  if (typeof lang === 'string' && (UI_LOCALES as readonly string[]).includes(lang)) return lang as UiLocale;
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of tags) {
    const locale = known(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON inside a <script>: nothing in it may close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** A price as the visitor reads it ("Rp 25.000", "IDR 25,000", "IDR 25,000"). */
function formatPrice(price: { amount: string; currency: string }, locale: UiLocale): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency }).format(Number(price.amount));
  } catch {
    return `${price.currency} ${price.amount}`;
  }
}

/**
 * The product page as a visitor without JavaScript (a search engine, a link preview) reads it: the
 * web app's shell with the product's title, description, canonical address, Open Graph tags and
 * schema.org Product data in its head, and the product's name, price and village in its root. The
 * app replaces the root's content when it starts (createRoot, not hydration: nothing to mismatch).
 */
export function productPage(shell: string, product: CatalogProductAnswer, locale: UiLocale, origin: string): string {
  const url = `${origin}/p/${product.id}`;
  const price = formatPrice(product.price, locale);
  const place = [product.village.name, ...product.village.ancestors.map((a) => a.name).reverse()].join(', ');
  const description = product.description ?? `${product.name} — ${product.group.name}, ${place}`;
  const image = product.photos[0]?.url ?? product.photo?.url;
  const absolute = (path: string) => (/^https?:/.test(path) ? path : `${origin}${path}`);
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description,
    ...(image ? { image: absolute(image) } : {}),
    url,
    category: product.category,
    brand: { '@type': 'Brand', name: product.group.name },
    manufacturer: { '@type': 'Organization', name: product.group.name },
    countryOfOrigin: 'ID',
    offers: {
      '@type': 'Offer',
      price: product.price.amount,
      priceCurrency: product.price.currency,
      availability: 'https://schema.org/InStock',
      url,
      areaServed: { '@type': 'Place', name: place },
    },
  };
  const head = [
    `<title>${escapeHtml(`${product.name} — OVOP`)}</title>`,
    `<meta name="description" content="${escapeHtml(description)}" />`,
    `<link rel="canonical" href="${escapeHtml(url)}" />`,
    `<meta property="og:type" content="product" />`,
    `<meta property="og:title" content="${escapeHtml(product.name)}" />`,
    `<meta property="og:description" content="${escapeHtml(description)}" />`,
    `<meta property="og:url" content="${escapeHtml(url)}" />`,
    `<meta property="og:locale" content="${OG_LOCALES[locale]}" />`,
    ...(image ? [`<meta property="og:image" content="${escapeHtml(absolute(image))}" />`] : []),
    `<script type="application/ld+json">${scriptJson(jsonLd)}</script>`,
  ].join('\n    ');
  const body = [
    '<main>',
    `<h1>${escapeHtml(product.name)}</h1>`,
    `<p>${escapeHtml(price)} / ${escapeHtml(product.unit)}</p>`,
    `<p>${escapeHtml(place)} · ${escapeHtml(product.group.name)}</p>`,
    ...(product.description ? [`<p>${escapeHtml(product.description)}</p>`] : []),
    '</main>',
  ].join('');
  // A shell without a head (a bare one) gets one.
  const withHead = shell.includes('</head>') ? shell : shell.replace(/(<html[^>]*>)/, '$1<head></head>');
  return withHead
    .replace(/<html lang="[^"]*"/, `<html lang="${locale}"`)
    .replace(/<title>[^<]*<\/title>/, '')
    .replace(/<meta name="description"[^>]*>/, '')
    .replace('</head>', `  ${head}\n  </head>`)
    .replace('<div id="root"></div>', `<div id="root">${body}</div>`);
}

import { catalogQuery, type CatalogItemAnswer, type CatalogQuery } from '../../shared/schemas/market.js';
import { unitName } from '../../shared/formats.js';
import type { UiLocale } from '../../shared/locales.js';
import { absolute, formatPrice, languagePath, markup, pageTitle, translator, type RenderedPage } from './page.js';

/** The app's page of results (src/web/features/market/api/catalog.ts). */
const CATALOG_PAGE = 24;

/** The catalog's filters as the app reads them from the address (CatalogPage's readFilters). */
export interface CatalogFilters {
  q: string;
  area: string;
  minStars: string;
  exportReady: string;
}

/**
 * /catalog: the first page of results for the search in the address, and the search form as a plain
 * GET form with the app's filters (the provinces among them), so both the search and the product
 * links work without JavaScript (the next pages come with the app).
 */
export function catalogPage(
  filters: CatalogFilters,
  items: readonly CatalogItemAnswer[],
  locale: UiLocale,
  origin: string,
  provinces: readonly { code: string; name: string }[] = [],
): RenderedPage {
  const t = translator(locale);
  const search = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const option = (name: keyof CatalogFilters, value: string, label: string) =>
    markup`<option value="${value}"${filters[name] === value ? markup` selected` : null}>${label}</option>`;
  // The app's ProductCard and Stars, as they render.
  const stars = (n: number | null) =>
    n === null
      ? null
      : markup`<span class="stars" role="img" aria-label="${t('catalog.stars', { stars: n })}">${'★'.repeat(n)}<span aria-hidden="true" class="muted">${'★'.repeat(Math.max(0, 5 - n))}</span></span>`;
  const card = (item: CatalogItemAnswer) => {
    const region = item.region.slice(1).reverse().join(', ');
    return markup`<li class="card product-card"><a href="/p/${item.id}" class="card-link">${
      item.photo
        ? markup`<img src="${item.photo.thumbnailUrl}" alt="" width="320" height="240" loading="lazy" />`
        : markup`<div class="no-photo" aria-hidden="true">◇</div>`
    }<span class="card-title">${item.name}</span></a><p class="muted small">${item.village.name}${
      region ? ` · ${region}` : ''
    }</p><p class="price">${formatPrice(item.price, locale)} / <span class="unit">${unitName(item.unit, locale)}</span></p><p class="small">${stars(item.stars)} ${
      item.exportReady ? markup`<span class="badge">${t('catalog.exportReady')}</span>` : null
    }</p></li>`;
  };
  const names = items.slice(0, 3).map((item) => item.name);
  return {
    title: filters.q ? pageTitle(filters.q, t('catalog.title')) : pageTitle(t('catalog.title')),
    description: names.length ? `${t('catalog.intro')} ${names.join(', ')}…` : t('catalog.intro'),
    path: search.size ? `/catalog?${search}` : '/catalog',
    ogType: 'website',
    image: items.find((item) => item.photo)?.photo?.url,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      name: t('catalog.title'),
      itemListElement: items.map((item, i) => ({
        '@type': 'ListItem',
        position: i + 1,
        url: absolute(origin, languagePath(`/p/${item.id}`, locale)),
        name: item.name,
      })),
    },
    body: markup`<main class="page"><h1>${t('catalog.title')}</h1><p class="muted">${t('catalog.intro')}</p><form role="search" class="filters" method="get" action="/catalog"><label class="grow"><span>${t('catalog.search')}</span><input type="search" name="q" value="${filters.q}" placeholder="${t('catalog.searchPlaceholder')}" /></label><label><span>${t('catalog.region')}</span><select name="area">${option('area', '', t('catalog.any'))}${provinces.map(
      (p) => option('area', p.code, p.name),
    )}${
      // an area from a shared link that is not a province (a regency) stays the search's
      filters.area && !provinces.some((p) => p.code === filters.area)
        ? option('area', filters.area, filters.area)
        : null
    }</select></label><label><span>${t('catalog.minStars')}</span><select name="minStars">${option('minStars', '', t('catalog.any'))}${[
      1, 2, 3, 4, 5,
    ].map((n) =>
      option('minStars', String(n), t('catalog.starsAtLeast', { stars: n })),
    )}</select></label><label><span>${t('catalog.market')}</span><select name="exportReady">${option('exportReady', '', t('catalog.any'))}${option('exportReady', 'true', t('catalog.exportReady'))}${option('exportReady', 'false', t('catalog.domestic'))}</select></label><button type="submit">${t('action.search')}</button></form>${
      items.length === 0
        ? markup`<p>${t('catalog.empty')}</p>`
        : markup`<ul class="grid" aria-label="${t('catalog.results')}">${items.map(card)}</ul>`
    }</main>`,
  };
}

/** The first page of a /catalog address's search, as the app asks for it; a filter the search refuses is left out. */
export function catalogQueryOf(filters: CatalogFilters, locale: UiLocale): CatalogQuery {
  const given = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  const query = catalogQuery.safeParse({ ...given, locale, limit: CATALOG_PAGE });
  return query.success ? query.data : catalogQuery.parse({ locale, limit: CATALOG_PAGE });
}

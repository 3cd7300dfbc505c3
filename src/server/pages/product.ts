import type { CatalogProductAnswer } from '../../shared/schemas/market.js';
import { unitName } from '../../shared/formats.js';
import type { UiLocale } from '../../shared/locales.js';
import { formatPrice, markup, pageTitle, type RenderedPage } from './page.js';

/**
 * /p/{id}: the product's title, description and schema.org Product data in the head; its name,
 * price, village, group and description in the root.
 */
export function productPage(product: CatalogProductAnswer, locale: UiLocale, origin: string): RenderedPage {
  const path = `/p/${product.id}`;
  const url = `${origin}${path}`;
  const price = formatPrice(product.price, locale);
  const place = [product.village.name, ...product.village.ancestors.map((a) => a.name).reverse()].join(', ');
  const description = product.description ?? `${product.name} — ${product.group.name}, ${place}`;
  const image = product.photos[0]?.url ?? product.photo?.url;
  const absoluteImage = image && (/^https?:/.test(image) ? image : `${origin}${image}`);
  return {
    title: pageTitle(product.name),
    description,
    path,
    ogType: 'product',
    image,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: product.name,
      description,
      ...(absoluteImage ? { image: absoluteImage } : {}),
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
    },
    body: markup`<main class="page"><h1>${product.name}</h1><p>${price} / ${unitName(product.unit, locale)}</p><p>${place} · ${product.group.name}</p>${
      product.description ? markup`<p>${product.description}</p>` : null
    }</main>`,
  };
}

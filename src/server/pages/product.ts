import { formatDate, formatQuantity, unitName } from '../../shared/formats.js';
import { intlLocale } from '../../shared/languages.js';
import { languageNames, untranslated } from '../../shared/language-names.js';
import type { UiLocale } from '../../shared/locales.js';
import type { CatalogProductAnswer } from '../../shared/schemas/market.js';
import { absolute, formatPrice, languagePath, markup, pageTitle, translator, type RenderedPage } from './page.js';

/**
 * /p/{id}: the product page as the app's ProductStoryPage shows it — its first photo, name, price,
 * badge, description, story, label facts, village and group — with what a buyer needs without
 * JavaScript as well: the certifications valid today, the HS code and a link back to the catalog.
 * Light: the first photo is the only image loaded at once, the others lazily.
 */
export function productPage(
  product: CatalogProductAnswer,
  locale: UiLocale,
  origin: string,
  /** The product's category as its program names it in the page's language (its code where unnamed). */
  categoryName: string = product.category,
): RenderedPage {
  const t = translator(locale);
  const path = `/p/${product.id}`;
  const url = absolute(origin, languagePath(path, locale));
  const price = formatPrice(product.price, locale);
  const place = [product.village.name, ...product.village.ancestors.map((a) => a.name).reverse()].join(', ');
  const region = [...product.village.ancestors].reverse().map((a) => a.name);
  const description = product.description ?? `${product.name} — ${product.group.name}, ${place}`;
  const image = product.photos[0]?.url ?? product.photo?.url;
  const absoluteImage = image && absolute(origin, image);
  const [cover, ...others] = product.photos;
  const { shownIn, rating, netQuantity, ingredients, allergens, shelfLifeDays, storage, hsCode } = product;
  const lang = (language: string | null) => (language ? markup` lang="${language}"` : null);
  const elsewhere = untranslated(shownIn, locale);
  const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 3 });
  const hasFacts = netQuantity || ingredients || allergens || shelfLifeDays !== null || storage || hsCode;
  const badge =
    rating && t('rating.badge', { scheme: rating.scheme.badgeName, stars: rating.stars, year: rating.year });
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
      category: categoryName,
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
    body: markup`<main class="page"><article class="story">${
      cover
        ? markup`<img class="cover" src="${cover.url}" alt="${product.name}" width="${cover.width}" height="${cover.height}" />`
        : null
    }<h1${lang(shownIn.name)}>${product.name}</h1>${
      elsewhere.length
        ? markup`<p class="muted small" role="note">${t('product.shownIn', { languages: languageNames(elsewhere, locale) })}</p>`
        : null
    }<p class="price">${price} / <span class="unit">${unitName(product.unit, locale)}</span></p>${
      rating
        ? markup`<p class="rating-badge"><a href="/ratings/${rating.scheme.id}" aria-label="${badge}"><span aria-hidden="true">${rating.scheme.badgeName} <span class="stars">${'★'.repeat(rating.stars)}</span> ${rating.year}</span></a> <span class="muted small">${t('rating.validUntil', { date: formatDate(rating.validUntil, locale) })}</span></p>`
        : null
    }${product.exportReady ? markup`<p class="badge">${t('catalog.exportReady')}</p>` : null}${
      product.description ? markup`<p${lang(shownIn.description)}>${product.description}</p>` : null
    }${
      product.story
        ? markup`<section aria-labelledby="story-title"><h2 id="story-title">${t('product.story')}</h2>${product.story
            .split(/\n{2,}/)
            .map((paragraph) => markup`<p${lang(shownIn.story)}>${paragraph}</p>`)}</section>`
        : null
    }${
      others.length
        ? markup`<ul class="thumbs" aria-label="${t('product.photos')}">${others.map(
            (photo) =>
              markup`<li><a href="${photo.url}"><img src="${photo.thumbnailUrl}" alt="${t('product.photoOf', { name: product.name })}" loading="lazy" /></a></li>`,
          )}</ul>`
        : null
    }${
      hasFacts
        ? markup`<section aria-labelledby="facts-title" class="panel"><h2 id="facts-title">${t('product.facts')}</h2><dl>${
            netQuantity
              ? markup`<dt>${t('product.netQuantity')}</dt><dd>${number.format(netQuantity.amount)} ${t(`netUnit.${netQuantity.unit}`)}</dd>`
              : null
          }${ingredients ? markup`<dt>${t('product.ingredients')}</dt><dd${lang(shownIn.ingredients)}>${ingredients}</dd>` : null}${
            allergens
              ? markup`<dt>${t('product.allergens')}</dt><dd>${
                  allergens.length
                    ? allergens.map((a) => t(`allergen.${a}`)).join(t('product.listSeparator'))
                    : t('product.allergensNone')
                }</dd>`
              : null
          }${
            shelfLifeDays !== null
              ? markup`<dt>${t('product.shelfLife')}</dt><dd>${t('product.shelfLifeDays', { days: number.format(shelfLifeDays) })}</dd>`
              : null
          }${storage ? markup`<dt>${t('product.storage')}</dt><dd${lang(shownIn.storage)}>${storage}</dd>` : null}${
            hsCode ? markup`<dt>${t('product.hsCode')}</dt><dd>${hsCode}</dd>` : null
          }</dl></section>`
        : null
    }${
      product.certifications.length
        ? markup`<section aria-labelledby="certs-title" class="panel"><h2 id="certs-title">${t('product.certifications')}</h2><ul class="rows">${product.certifications.map(
            (c) =>
              markup`<li class="row-static"><strong>${t(`certKind.${c.kind}`)}</strong><span class="muted small">${c.number} · ${c.issuer}${
                c.validUntil ? ` · ${t('rating.validUntil', { date: formatDate(c.validUntil, locale) })}` : ''
              }</span></li>`,
          )}</ul></section>`
        : null
    }<section aria-labelledby="origin-title" class="panel"><h2 id="origin-title">${t('product.origin')}</h2><dl><dt>${t('product.village')}</dt><dd>${product.village.name}</dd><dt>${t('product.region')}</dt><dd>${region.join(', ')}</dd><dt>${t('product.group')}</dt><dd>${product.group.name} (${t(`groupKind.${product.group.kind}`)})${
      product.group.foundedOn ? ` · ${t('product.since', { date: formatDate(product.group.foundedOn, locale) })}` : ''
    }</dd>${
      product.capacityPerMonth !== null
        ? markup`<dt>${t('product.capacity')}</dt><dd>${formatQuantity(product.capacityPerMonth, product.unit, locale)}</dd>`
        : null
    }</dl></section><p class="muted small">${t('product.languages', { languages: languageNames(product.languages, locale) })}</p><p><a href="/catalog">${t('notFound.home')}</a></p></article></main>`,
  };
}

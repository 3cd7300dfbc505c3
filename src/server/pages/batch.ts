import { countryName, formatQuantity } from '../../shared/formats.js';
import { formatList, languageNames, untranslated } from '../../shared/language-names.js';
import type { UiLocale } from '../../shared/locales.js';
import type { batchProvenance } from '../modules/business/provenance.service.js';
import { formatDate, markup, pageTitle, translator, type RenderedPage } from './page.js';

type Provenance = Awaited<ReturnType<typeof batchProvenance>>;

/**
 * /b/{id}: the page a batch's QR code opens — the product, the batch's dates, its village and group,
 * the certificates valid on its production day and what went into it, as the app's ProvenancePage
 * shows them (the app takes the page over without changing what it says).
 */
export function batchPage(data: Provenance, locale: UiLocale): RenderedPage {
  const t = translator(locale);
  const { batch, product, village, group } = data;
  const place = [village.name, ...village.region].join(', ');
  const lot = t('provenance.lot', { lot: batch.lotCode });
  const lang = (language: string | null) => (language ? markup` lang="${language}"` : null);
  const elsewhere = untranslated(product.shownIn, locale);
  return {
    title: pageTitle(product.name, batch.lotCode),
    description: `${t('provenance.badge')}: ${product.name}, ${group.name}, ${place}. ${t('provenance.producedOn')} ${formatDate(batch.producedOn, locale)}.`,
    path: `/b/${batch.id}`,
    ogType: 'article',
    image: product.photo?.url,
    body: markup`<main class="page"><article class="story provenance">${
      product.photo
        ? markup`<img class="cover" src="${product.photo.url}" alt="${product.name}" width="${product.photo.width}" height="${product.photo.height}" />`
        : null
    }<p class="badge">${t('provenance.badge')}</p><h1${lang(product.shownIn.name)}>${product.name}</h1>${
      elsewhere.length
        ? markup`<p class="muted small" role="note">${t('product.shownIn', { languages: languageNames(elsewhere, locale) })}</p>`
        : null
    }<p class="muted">${lot}</p><section class="panel" aria-labelledby="batch-title"><h2 id="batch-title">${t('provenance.batch')}</h2><dl><dt>${t('provenance.producedOn')}</dt><dd>${formatDate(batch.producedOn, locale)}</dd>${
      batch.expiresOn
        ? markup`<dt>${t('provenance.expiresOn')}</dt><dd>${formatDate(batch.expiresOn, locale)}</dd>`
        : null
    }<dt>${t('product.village')}</dt><dd>${village.name}</dd><dt>${t('product.region')}</dt><dd>${[
      ...village.region,
      countryName(village.country, locale),
    ].join(
      ', ',
    )}</dd><dt>${t('product.group')}</dt><dd>${group.name} (${t(`groupKind.${group.kind}`)})</dd></dl></section><section class="panel" aria-labelledby="certs-title"><h2 id="certs-title">${t('provenance.certifications')}</h2>${
      data.certifications.length === 0 ? markup`<p class="muted">${t('provenance.noCertifications')}</p>` : null
    }<ul class="rows">${data.certifications.map(
      (c) =>
        markup`<li class="row-static"><strong>${t(`certKind.${c.kind}`)}</strong><span class="muted small">${c.number} · ${c.issuer}</span></li>`,
    )}</ul><p class="muted small">${t('provenance.certificationsNote')}</p></section>${
      data.inputs.length
        ? markup`<section class="panel" aria-labelledby="inputs-title"><h2 id="inputs-title">${t('provenance.inputs')}</h2><ul class="rows">${data.inputs.map(
            (i) =>
              markup`<li class="row-static"><strong>${i.product}</strong><span class="muted small">${t('provenance.lot', { lot: i.lotCode })} · ${formatQuantity(i.quantity, i.unit, locale)} · ${i.village} · ${formatDate(i.producedOn, locale)}</span></li>`,
          )}</ul></section>`
        : null
    }${product.description ? markup`<p${lang(product.shownIn.description)}>${product.description}</p>` : null}${
      product.story
        ? markup`<section aria-labelledby="story-title"><h2 id="story-title">${t('product.story')}</h2>${product.story
            .split(/\n{2,}/)
            .map((paragraph) => markup`<p${lang(product.shownIn.story)}>${paragraph}</p>`)}</section>`
        : null
    }${
      village.potentials.length
        ? // Typed by the facilitator, in Indonesian, with no translation: said so to a reader of another language.
          markup`<p class="muted small">${t('provenance.potentials', { list: formatList(village.potentials, locale) })}${
            locale === 'id' ? null : ` (${languageNames(['id'], locale)})`
          }</p>`
        : null
    }${product.public ? markup`<a href="/p/${product.id}" class="button">${t('provenance.seeProduct')}</a>` : null}</article></main>`,
  };
}

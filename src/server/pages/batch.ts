import type { UiLocale } from '../../shared/locales.js';
import type { batchProvenance } from '../modules/business/provenance.service.js';
import { formatDate, markup, translator, type RenderedPage } from './page.js';

type Provenance = Awaited<ReturnType<typeof batchProvenance>>;

/**
 * /b/{id}: the page a batch's QR code opens — the product, the batch's dates, its village and group,
 * the certificates valid on its production day and what went into it.
 */
export function batchPage(data: Provenance, locale: UiLocale): RenderedPage {
  const t = translator(locale);
  const { batch, product, village, group } = data;
  const place = [village.name, ...village.region].join(', ');
  const lot = t('provenance.lot', { lot: batch.lotCode });
  return {
    title: `${product.name} · ${lot} — OVOP`,
    description: `${t('provenance.badge')}: ${product.name}, ${group.name}, ${place}. ${t('provenance.producedOn')} ${formatDate(batch.producedOn, locale)}.`,
    path: `/b/${batch.id}`,
    ogType: 'article',
    image: product.photo?.url,
    body: markup`<main class="page"><p class="badge">${t('provenance.badge')}</p><h1>${product.name}</h1><p class="muted">${lot}</p><h2>${t('provenance.batch')}</h2><dl><dt>${t('provenance.producedOn')}</dt><dd>${formatDate(batch.producedOn, locale)}</dd>${
      batch.expiresOn
        ? markup`<dt>${t('provenance.expiresOn')}</dt><dd>${formatDate(batch.expiresOn, locale)}</dd>`
        : null
    }<dt>${t('product.village')}</dt><dd>${village.name}</dd><dt>${t('product.region')}</dt><dd>${village.region.join(', ')}</dd><dt>${t('product.group')}</dt><dd>${group.name}</dd></dl><h2>${t('provenance.certifications')}</h2>${
      data.certifications.length === 0
        ? markup`<p class="muted">${t('provenance.noCertifications')}</p>`
        : markup`<ul>${data.certifications.map((c) => markup`<li><strong>${t(`certKind.${c.kind}`)}</strong> ${c.number} · ${c.issuer}</li>`)}</ul>`
    }${
      data.inputs.length
        ? markup`<h2>${t('provenance.inputs')}</h2><ul>${data.inputs.map(
            (i) =>
              markup`<li>${i.product} — ${i.village}, ${i.group} (${t('provenance.lot', { lot: i.lotCode })})</li>`,
          )}</ul>`
        : null
    }${product.story ? markup`<h2>${t('product.story')}</h2><p>${product.story}</p>` : null}${
      product.public ? markup`<p><a href="/p/${product.id}">${t('provenance.seeProduct')}</a></p>` : null
    }</main>`,
  };
}

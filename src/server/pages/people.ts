import type { UiLocale } from '../../shared/locales.js';
import { localized } from '../../shared/localized.js';
import type { PublicProfileAnswer } from '../../shared/schemas/community-profiles.js';
import { waMeLink } from '../../shared/wa-me.js';
import { markup, pageTitle, translator, type RenderedPage } from './page.js';

/**
 * /people/{id}: a community member's public page — her name and village, and only the fields she
 * made public, as the app's page shows them; a WhatsApp link when her phone is public. Left out of
 * search engines: it names a person.
 */
export function personPage(person: PublicProfileAnswer, locale: UiLocale): RenderedPage {
  const t = translator(locale);
  const products = person.group?.products ?? [];
  return {
    title: pageTitle(person.name),
    description: [person.area.name, person.business].filter(Boolean).join(' · '),
    path: `/people/${person.id}`,
    ogType: 'website',
    noindex: true,
    body: markup`<main class="page"><section class="panel"><h1>${person.name}</h1><p class="muted">${person.area.name}</p>${
      person.business ? markup`<p><strong>${t('people.business')}</strong>: ${person.business}</p>` : null
    }${
      person.offers ? markup`<h2>${t('people.offers')}</h2><p style="white-space: pre-wrap">${person.offers}</p>` : null
    }${
      person.group
        ? markup`<h2>${person.group.name}</h2>${
            products.length
              ? markup`<ul>${products.map((p) => markup`<li><a href="/p/${p.id}">${localized(p.name, locale)}</a></li>`)}</ul>`
              : null
          }`
        : null
    }${
      person.phone
        ? markup`<p><a href="${waMeLink(t('people.chatHello', { name: person.name }), person.phone)}" rel="noopener noreferrer">${t('people.chat')}</a></p>`
        : null
    }${person.email ? markup`<p><a href="mailto:${person.email}">${person.email}</a></p>` : null}</section></main>`,
  };
}

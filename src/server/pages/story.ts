import { languageNames, untranslated } from '../../shared/language-names.js';
import type { UiLocale } from '../../shared/locales.js';
import { localized, shownLanguage } from '../../shared/localized.js';
import type { PublicStoryAnswer } from '../../shared/schemas/community-stories.js';
import { formatDate, markup, pageTitle, translator, type RenderedPage } from './page.js';

/** The story's words before a search result or a link preview cuts them. */
const DESCRIPTION = 200;

/** A language attribute for text shown in another language than the page's. */
const langOf = (language: string | null, locale: UiLocale) =>
  language && language !== locale ? markup` lang="${language}"` : null;

/**
 * /stories/{id}: a group's published success story — its title, group and day, its paragraphs, its
 * photos, the facts the platform counts and links to the group's products; an Article for search
 * engines, its cover for link previews (a story is shared on WhatsApp more than anywhere).
 */
export function storyPage(story: PublicStoryAnswer, locale: UiLocale, origin: string): RenderedPage {
  const t = translator(locale);
  const shownIn = { title: shownLanguage(story.title, locale), body: shownLanguage(story.body, locale) };
  const title = localized(story.title, locale) ?? '';
  const paragraphs = (localized(story.body, locale) ?? '').split(/\n{2,}/).filter((p) => p.trim() !== '');
  const firstWords = paragraphs.join(' ').replace(/\s+/g, ' ');
  const description =
    firstWords.length > DESCRIPTION ? `${firstWords.slice(0, DESCRIPTION - 1).trimEnd()}…` : firstWords;
  const [cover, ...others] = story.photos;
  const elsewhere = untranslated(shownIn, locale);
  const { facts } = story;
  const path = `/stories/${story.id}`;
  return {
    title: pageTitle(title),
    description: description || story.group.name,
    path,
    ogType: 'article',
    image: cover?.url,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: title,
      inLanguage: shownIn.body ?? locale,
      ...(story.publishedAt ? { datePublished: story.publishedAt } : {}),
      ...(cover ? { image: /^https?:/.test(cover.url) ? cover.url : `${origin}${cover.url}` } : {}),
      author: { '@type': 'Organization', name: story.group.name },
      url: `${origin}${path}`,
    },
    body: markup`<main class="page"><article class="story">${
      cover
        ? markup`<img class="cover" src="${cover.url}" alt="${story.group.name}" width="${cover.width}" height="${cover.height}" />`
        : null
    }<h1${langOf(shownIn.title, locale)}>${title}</h1>${
      elsewhere.length
        ? markup`<p class="muted small" role="note">${t('product.shownIn', { languages: languageNames(elsewhere, locale) })}</p>`
        : null
    }<p class="muted">${story.group.name}${story.publishedAt ? ` · ${formatDate(story.publishedAt, locale)}` : ''}</p>${paragraphs.map(
      (p) => markup`<p${langOf(shownIn.body, locale)}>${p}</p>`,
    )}${
      others.length
        ? markup`<ul class="thumbs" aria-label="${t('story.photos')}">${others.map(
            (photo) =>
              markup`<li><a href="${photo.url}"><img src="${photo.thumbnailUrl}" alt="${t('story.photoOf', { name: story.group.name })}" loading="lazy" /></a></li>`,
          )}</ul>`
        : null
    }<section class="panel"><h2>${t('story.facts')}</h2><dl><dt>${t('story.stars')}</dt><dd>${
      facts.stars ? '★'.repeat(facts.stars) : t('story.noStars')
    }</dd><dt>${t('story.firstExport')}</dt><dd>${
      facts.firstExportOn ? formatDate(facts.firstExportOn, locale) : t('story.noExport')
    }</dd><dt>${t('story.trained')}</dt><dd>${t('story.trainedCount', { count: facts.trainedMembers })}</dd></dl>${
      story.products.length
        ? markup`<h3>${t('story.products')}</h3><ul>${story.products.map(
            (p) => markup`<li><a href="/p/${p.id}">${localized(p.name, locale)}</a></li>`,
          )}</ul>`
        : null
    }</section></article></main>`,
  };
}

/** /stories?program={id}: a program's published stories, newest first, each a link with its cover's thumbnail. */
export function storiesPage(programId: string | null, stories: PublicStoryAnswer[], locale: UiLocale): RenderedPage {
  const t = translator(locale);
  return {
    title: pageTitle(t('story.list')),
    description: stories.length
      ? stories
          .slice(0, 3)
          .map((s) => localized(s.title, locale))
          .join(' · ')
      : t('story.noneYet'),
    path: programId ? `/stories?program=${programId}` : '/stories',
    ogType: 'website',
    image: stories.find((s) => s.photos[0])?.photos[0]?.url,
    body: markup`<main class="page"><section class="panel"><h1>${t('story.list')}</h1>${
      stories.length === 0
        ? markup`<p class="muted">${t('story.noneYet')}</p>`
        : markup`<ul class="stack">${stories.map(
            (s) =>
              markup`<li class="card">${
                s.photos[0] ? markup`<img src="${s.photos[0].thumbnailUrl}" alt="" loading="lazy" width="120" />` : null
              }<a href="/stories/${s.id}"><strong${langOf(shownLanguage(s.title, locale), locale)}>${localized(s.title, locale)}</strong></a><div class="muted">${s.group.name}</div></li>`,
          )}</ul>`
    }</section></main>`,
  };
}

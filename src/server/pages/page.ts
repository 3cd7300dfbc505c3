import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { acceptedLanguages, firstLocale, LOCALE_COOKIE } from '../../shared/first-locale.js';
import { pageTitle } from '../../shared/formats.js';
import { INTERFACE_LANGUAGES, lookupChain } from '../../shared/languages.js';
import { DEFAULT_LOCALE, type UiLocale } from '../../shared/locales.js';

/*
 * What the public pages the server renders (/catalog, /p, /b, /verify) share: the visitor's
 * language, the web app's public messages, escaping, and the head tags and root content put into the
 * app's shell. The app starts on top of it and replaces the root's content (createRoot, not
 * hydration: nothing to mismatch); until then, and without JavaScript, the page is read as is.
 */

/** Open Graph's name for each interface language. */
const OG_LOCALES: Record<UiLocale, string> = { id: 'id_ID', en: 'en_US', ja: 'ja_JP', th: 'th_TH', vi: 'vi_VN' };

/** The visitor's language by the web app's own rule (src/shared/first-locale.ts): ?lang=, the chosen one's cookie, Accept-Language. */
export function pageLocale(request: FastifyRequest<{ Querystring: { lang?: string } }>): UiLocale {
  const lang = typeof request.query.lang === 'string' ? request.query.lang : null;
  return firstLocale(lang, request.cookies[LOCALE_COOKIE], acceptedLanguages(request.headers['accept-language']));
}

/**
 * The web app's public messages (src/web/i18n/public), read where the repository keeps them, from
 * src/ or dist/: a rendered page says what the app's public pages say, in the same words.
 */
const MESSAGES = new URL('../../../src/web/i18n/', import.meta.url);
const messageFiles = new Map<string, Record<string, string>>();

function ownMessages(locale: UiLocale): Record<string, string> {
  let messages = messageFiles.get(locale);
  if (!messages) {
    try {
      messages = JSON.parse(readFileSync(new URL(`public/${locale}.json`, MESSAGES), 'utf8')) as Record<string, string>;
    } catch {
      messages = {};
    }
    messageFiles.set(locale, messages);
  }
  return messages;
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The app's `t` for a page: a key's text in the language, else in its fallback chain's next one (th → en → id). */
export function translator(locale: UiLocale): Translate {
  const chain = lookupChain(locale).map(ownMessages);
  return (key, vars) => {
    const text = chain.map((messages) => messages[key]).find((t) => t !== undefined) ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
  };
}

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Markup made by `markup`: put into another as it is, not escaped again. */
export class Html {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}
type Part = string | number | Html | null | undefined | false | readonly Part[];
const partText = (part: Part): string =>
  Array.isArray(part)
    ? part.map(partText).join('')
    : part instanceof Html
      ? part.text
      : part === null || part === undefined || part === false
        ? ''
        : escapeHtml(String(part));

/**
 * A template tag (not named `html`: a formatter would reflow the markup) that escapes every value put
 * into it (an array's items joined, already-made `Html` kept).
 */
export function markup(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, text, i) => out + text + (i < parts.length ? partText(parts[i]!) : ''), ''));
}

/** JSON inside a <script>: nothing in it may close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Money, dates and titles as the web app writes them (src/shared/formats.ts): a page does not change once the app takes it over. */
export { formatDate, formatMoney as formatPrice, pageTitle } from '../../shared/formats.js';

/** A rendered page: its head's facts and its root's content. */
export interface RenderedPage {
  title: string;
  description: string;
  /** The page's address from the origin on ('/p/…'), in no language: its canonical, og:url and alternates are this in each (languagePath). */
  path: string;
  ogType: 'website' | 'product' | 'article';
  image?: string | null;
  jsonLd?: unknown;
  /** Whether search engines should leave it out (a certificate names a person). */
  noindex?: boolean;
  body: Html;
}

/**
 * A page's address in a language: with `?lang=` (pageLocale's first rule: the language whoever opens
 * it reads, whatever their browser says), but for Indonesian, the default, whose address is the bare
 * one (what a crawler without Accept-Language reads). Its canonical address, its og:url and the
 * target of its hreflang alternate.
 */
export function languagePath(path: string, locale: UiLocale): string {
  const url = new URL(path, 'http://page');
  url.searchParams.delete('lang');
  if (locale !== DEFAULT_LOCALE) url.searchParams.set('lang', locale);
  return `${url.pathname}${url.search}`;
}

/** The languages a page has alternates in: the complete interface languages (id, en, ja). */
const ALTERNATES = INTERFACE_LANGUAGES.filter((language) => language.complete).map((language) => language.code);

/** An address from the site's own origin made absolute, for link previews. */
export const absolute = (origin: string, path: string) => (/^https?:/.test(path) ? path : `${origin}${path}`);

/**
 * The shell with the app's stylesheet inside it (about 4 KB gzip) rather than linked: a rendered page
 * paints from its HTML alone, without another round trip on a slow network. The app's scripts still
 * come as files (deferred: they do not hold up the paint).
 */
export function inlineStylesheets(shell: string, root: string): string {
  return shell.replace(/<link rel="stylesheet"[^>]*href="\/assets\/([\w.-]+\.css)"[^>]*>/g, (tag, file: string) => {
    const path = join(root, 'assets', file);
    return existsSync(path) ? `<style>${readFileSync(path, 'utf8').replace(/<\/style/gi, '<\\/style')}</style>` : tag;
  });
}

/** The web app's shell with the page's head tags, its language and its content in the root. */
export function renderPage(shell: string, page: RenderedPage, locale: UiLocale, origin: string): string {
  const url = absolute(origin, languagePath(page.path, locale));
  const head = [
    markup`<title>${page.title}</title>`,
    markup`<meta name="description" content="${page.description}" />`,
    ...(page.noindex ? [markup`<meta name="robots" content="noindex" />`] : []),
    markup`<link rel="canonical" href="${url}" />`,
    ...ALTERNATES.map(
      (code) =>
        markup`<link rel="alternate" hreflang="${code}" href="${absolute(origin, languagePath(page.path, code))}" />`,
    ),
    markup`<link rel="alternate" hreflang="x-default" href="${absolute(origin, languagePath(page.path, DEFAULT_LOCALE))}" />`,
    markup`<meta property="og:type" content="${page.ogType}" />`,
    markup`<meta property="og:site_name" content="OVOP" />`,
    markup`<meta property="og:title" content="${page.title.replace(/ · OVOP$/, '')}" />`,
    markup`<meta property="og:description" content="${page.description}" />`,
    markup`<meta property="og:url" content="${url}" />`,
    markup`<meta property="og:locale" content="${OG_LOCALES[locale]}" />`,
    ...(page.image ? [markup`<meta property="og:image" content="${absolute(origin, page.image)}" />`] : []),
    ...(page.jsonLd === undefined ? [] : [`<script type="application/ld+json">${scriptJson(page.jsonLd)}</script>`]),
  ].join('\n    ');
  // A shell without a head (a bare one) gets one.
  const withHead = shell.includes('</head>') ? shell : shell.replace(/(<html[^>]*>)/, '$1<head></head>');
  return withHead
    .replace(/<html lang="[^"]*"/, `<html lang="${locale}"`)
    .replace(/<title>[^<]*<\/title>/, '')
    .replace(/<meta name="description"[^>]*>/, '')
    .replace('</head>', () => `  ${head}\n  </head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${page.body.text}</div>`);
}

/** The not-found page of an unknown or unpublished id, in the visitor's language. */
export function notFoundPage(path: string, locale: UiLocale): RenderedPage {
  const t = translator(locale);
  return {
    title: pageTitle(t('notFound.title')),
    description: t('notFound.body'),
    path,
    ogType: 'website',
    noindex: true,
    body: markup`<main class="page"><h1>${t('notFound.title')}</h1><p>${t('notFound.body')}</p><p><a href="/catalog">${t('notFound.home')}</a></p></main>`,
  };
}

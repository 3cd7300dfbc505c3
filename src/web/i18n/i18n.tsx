import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import publicIndonesian from './public/id.json';

import completeness from './completeness.json';
import { firstLocale, LOCALE_COOKIE } from '../../shared/first-locale';
import { LANGUAGE_CODES, interfaceLanguage, lookupChain, type LanguageCode } from '../../shared/languages';

/** The interface languages, from the registry (`src/shared/languages.ts`); Indonesian first: it is the default. */
export const LOCALES = LANGUAGE_CODES;
export type Locale = LanguageCode;
type Messages = Record<string, string>;

const STORAGE_KEY = 'ovop.locale';

/**
 * The messages come in parts, each fetched in the active language only
 * (test/web-messages.test.ts keeps every key in the part its screens load):
 * - `public`: the shell and the public pages (catalog, product story, provenance, certificate check,
 *   invitation, a buyer's inquiry). Indonesian, the default, is in the entry chunk, so most visitors
 *   render without another round trip; English and Japanese are chunks of their own.
 * - `staff`: the staff app's screens. The staff app's chunk is not shown before it (`withMessages`),
 *   so no staff screen ever flashes a key.
 * - `errors`: the error catalogue (`src/shared/messages`, the texts the server also answers with),
 *   fetched after the first render: a screen needs it only once something fails. Until it arrives,
 *   an error shows the server's text, already in the language asked for.
 */
type Part = 'public' | 'staff' | 'errors';

/*
 * Each language's files, found by name (`public/th.json`, `staff/th.json`, `errors.th.ts`): adding a
 * language is adding its files and its registry line. Every file stays a chunk of its own.
 */
const files: Record<Part, Record<string, () => Promise<unknown>>> = {
  public: import.meta.glob(['./public/*.json', '!./public/id.json'], { import: 'default' }),
  staff: import.meta.glob('./staff/*.json', { import: 'default' }),
  errors: import.meta.glob('../../shared/messages/errors.*.ts'),
};
const fileOf: Record<Part, (code: LanguageCode) => string> = {
  public: (code) => `./public/${code}.json`,
  staff: (code) => `./staff/${code}.json`,
  errors: (code) => `../../shared/messages/errors.${code}.ts`,
};

/** One language's own messages of a part (none when it has no file for it yet). */
async function ownMessages(part: Part, code: LanguageCode): Promise<Messages> {
  if (part === 'public' && code === 'id') return publicIndonesian;
  const load = files[part][fileOf[part](code)];
  if (!load) return {};
  const module = await load();
  // an errors module exports its one catalogue under its own name (`errorsTh`)
  return (part === 'errors' ? Object.values(module as Record<string, Messages>)[0] : module) as Messages;
}

/**
 * A part in a language, each missing key taken from the next language of its fallback chain
 * (th → en → id); `from` says which language a key came from where it is not the language itself.
 */
async function catalogue(
  part: Part,
  code: LanguageCode,
): Promise<{ messages: Messages; from: Record<string, LanguageCode> }> {
  const chain = lookupChain(code);
  const texts = await Promise.all(chain.map((language) => ownMessages(part, language)));
  const messages: Messages = {};
  const from: Record<string, LanguageCode> = {};
  chain.forEach((language, index) => {
    for (const [key, text] of Object.entries(texts[index]!)) {
      if (key in messages) continue;
      messages[key] = text;
      if (language !== code) from[key] = language;
    }
  });
  return { messages, from };
}

/** The language menu's label: a partial language says how much of it is there (`ไทย — 62 %`). */
export function languageLabel(code: LanguageCode): string {
  const language = interfaceLanguage(code);
  const percent = (completeness as Record<string, number>)[code];
  return language.complete || percent === undefined ? language.nativeName : `${language.nativeName} — ${percent} %`;
}

function storedLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage may be blocked; the link and the browser still speak
  }
  const linked = new URLSearchParams(location.search).get('lang');
  const locale = firstLocale(linked, stored ?? cookieLocale(), navigator.languages ?? [navigator.language]);
  if (linked === locale) remember(locale);
  return locale;
}

/** The language in the cookie the server reads (set with the stored one; storage may be blocked). */
function cookieLocale(): string | null {
  return new RegExp(`(?:^|; )${LOCALE_COOKIE}=([^;]*)`).exec(document.cookie)?.[1] ?? null;
}

/** The chosen language, for the next visit: in storage, and in a cookie so the server's pages come in it. */
function remember(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // the choice lasts for this visit only
  }
}

/*
 * The messages of the parts loaded so far, in one language: a store outside React, so that a lazy
 * chunk can wait for its part before React shows it.
 */
interface Loaded {
  locale: Locale;
  parts: readonly Part[];
  messages: Messages;
  /** The keys shown from a fallback language, and which one. */
  from: Record<string, Locale>;
}

let loaded: Loaded = { locale: 'id', parts: ['public'], messages: publicIndonesian, from: {} };
const listeners = new Set<() => void>();

function publish(next: Loaded) {
  loaded = next;
  for (const listener of listeners) listener();
}

/** The parts loaded so far, in `locale`; a part loaded meanwhile is fetched in it too before the switch. */
async function switchTo(locale: Locale): Promise<void> {
  for (;;) {
    const parts = loaded.parts;
    const texts = await Promise.all(parts.map((part) => catalogue(part, locale)));
    if (loaded.parts.every((part) => parts.includes(part))) {
      publish({
        locale,
        parts,
        messages: Object.assign({}, ...texts.map((text) => text.messages)) as Messages,
        from: Object.assign({}, ...texts.map((text) => text.from)) as Record<string, Locale>,
      });
      return;
    }
  }
}

/** Adds a part in the current language; when the language changed while it came, fetches it again. */
async function loadPart(part: Part): Promise<void> {
  while (!loaded.parts.includes(part)) {
    const locale = loaded.locale;
    const texts = await catalogue(part, locale);
    if (loaded.locale === locale && !loaded.parts.includes(part))
      publish({
        locale,
        parts: [...loaded.parts, part],
        messages: { ...loaded.messages, ...texts.messages },
        from: { ...loaded.from, ...texts.from },
      });
  }
}

/** The stored language's public messages, before the first render. */
export async function loadStoredLocale(): Promise<void> {
  const locale = storedLocale();
  if (locale !== loaded.locale) await switchTo(locale);
}

/** A lazy chunk that resolves once its part of the messages is there too: `lazy(() => withMessages('staff', import(…)))`. */
export async function withMessages<T>(part: Part, chunk: Promise<T>): Promise<T> {
  const [module] = await Promise.all([chunk, loadPart(part)]);
  return module;
}

async function setLocale(locale: Locale): Promise<void> {
  await switchTo(locale);
  remember(locale);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

interface I18n {
  locale: Locale;
  t: (key: string, vars?: Record<string, string | number>) => string;
  /** The language a key's text is shown in when it is a fallback's, for a `lang=` on its element. */
  langOf: (key: string) => Locale | undefined;
  setLocale: (locale: Locale) => Promise<void>;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { children: ReactNode }) {
  const state = useSyncExternalStore(subscribe, () => loaded);
  useEffect(() => {
    document.documentElement.lang = state.locale;
    document.documentElement.dir = interfaceLanguage(state.locale).direction;
    // offline before the chunk came: errors keep the server's wording, and the next language tries again
    void loadPart('errors').catch(() => undefined);
  }, [state.locale]);
  const value = useMemo<I18n>(
    () => ({
      locale: state.locale,
      setLocale,
      langOf: (key) => state.from[key],
      t: (key, vars) => {
        const text = state.messages[key] ?? key;
        return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
      },
    }),
    [state],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import publicIndonesian from './public/id.json';

/** The interface languages, Indonesian first: it is the default. */
export const LOCALES = ['id', 'en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
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

const catalogues: Record<Part, Record<Locale, () => Promise<Messages>>> = {
  public: {
    id: () => Promise.resolve(publicIndonesian),
    en: () => import('./public/en.json').then((m) => m.default),
    ja: () => import('./public/ja.json').then((m) => m.default),
  },
  staff: {
    id: () => import('./staff/id.json').then((m) => m.default),
    en: () => import('./staff/en.json').then((m) => m.default),
    ja: () => import('./staff/ja.json').then((m) => m.default),
  },
  errors: {
    id: () => import('../../shared/messages/errors.id').then((m) => m.errorsId),
    en: () => import('../../shared/messages/errors.en').then((m) => m.errorsEn),
    ja: () => import('../../shared/messages/errors.ja').then((m) => m.errorsJa),
  },
};

/**
 * The language of a visit: a link's or QR code's `?lang=` (remembered, so the next page keeps it),
 * else the one chosen before, else the first of the browser's languages the app speaks, else
 * Indonesian.
 */
export function firstLocale(search: string, stored: string | null, browser: readonly string[]): Locale {
  const known = (tag: string | null | undefined): Locale | undefined => {
    const primary = tag?.toLowerCase().split('-')[0];
    return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as Locale) : undefined;
  };
  const linked = new URLSearchParams(search).get('lang');
  if (linked && (LOCALES as readonly string[]).includes(linked)) return linked as Locale;
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  for (const tag of browser) {
    const locale = known(tag);
    if (locale) return locale;
  }
  return 'id';
}

function storedLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage may be blocked; the link and the browser still speak
  }
  const locale = firstLocale(location.search, stored, navigator.languages ?? [navigator.language]);
  if (new URLSearchParams(location.search).get('lang') === locale) remember(locale);
  return locale;
}

function remember(locale: Locale): void {
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
}

let loaded: Loaded = { locale: 'id', parts: ['public'], messages: publicIndonesian };
const listeners = new Set<() => void>();

function publish(next: Loaded) {
  loaded = next;
  for (const listener of listeners) listener();
}

/** The parts loaded so far, in `locale`; a part loaded meanwhile is fetched in it too before the switch. */
async function switchTo(locale: Locale): Promise<void> {
  for (;;) {
    const parts = loaded.parts;
    const texts = await Promise.all(parts.map((part) => catalogues[part][locale]()));
    if (loaded.parts.every((part) => parts.includes(part))) {
      publish({ locale, parts, messages: Object.assign({}, ...texts) as Messages });
      return;
    }
  }
}

/** Adds a part in the current language; when the language changed while it came, fetches it again. */
async function loadPart(part: Part): Promise<void> {
  while (!loaded.parts.includes(part)) {
    const locale = loaded.locale;
    const texts = await catalogues[part][locale]();
    if (loaded.locale === locale && !loaded.parts.includes(part))
      publish({ locale, parts: [...loaded.parts, part], messages: { ...loaded.messages, ...texts } });
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
  setLocale: (locale: Locale) => Promise<void>;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { children: ReactNode }) {
  const state = useSyncExternalStore(subscribe, () => loaded);
  useEffect(() => {
    document.documentElement.lang = state.locale;
    // offline before the chunk came: errors keep the server's wording, and the next language tries again
    void loadPart('errors').catch(() => undefined);
  }, [state.locale]);
  const value = useMemo<I18n>(
    () => ({
      locale: state.locale,
      setLocale,
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

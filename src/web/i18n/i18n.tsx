import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import indonesian from './id.json';

/** The interface languages, Indonesian first: it is the default. */
export const LOCALES = ['id', 'en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export type Messages = Record<string, string>;

const STORAGE_KEY = 'ovop.locale';

/**
 * Indonesian, the default, is in the entry chunk: most visitors render without another round trip.
 * English and Japanese are their own chunks, fetched only when chosen.
 */
const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  id: () => Promise.resolve({ default: indonesian }),
  en: () => import('./en.json'),
  ja: () => import('./ja.json'),
};

export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // storage may be blocked; the default stands
  }
  return 'id';
}

/**
 * The error catalogue (`src/shared/messages`, the texts the server also answers with) is its own
 * chunk per language: a screen needs it only once something fails, so the first paint never waits
 * for it. Until it arrives, an error shows the server's text, already in the language asked for.
 */
const errorLoaders: Record<Locale, () => Promise<Messages>> = {
  id: () => import('../../shared/messages/errors.id').then((m) => m.errorsId),
  en: () => import('../../shared/messages/errors.en').then((m) => m.errorsEn),
  ja: () => import('../../shared/messages/errors.ja').then((m) => m.errorsJa),
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await loaders[locale]()).default;
}

const loadAllMessages = async (locale: Locale): Promise<Messages> => {
  const [messages, errors] = await Promise.all([loadMessages(locale), errorLoaders[locale]()]);
  return { ...errors, ...messages };
};

interface I18n {
  locale: Locale;
  t: (key: string, vars?: Record<string, string | number>) => string;
  setLocale: (locale: Locale) => Promise<void>;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { locale: Locale; messages: Messages; children: ReactNode }) {
  const [state, setState] = useState({ locale: props.locale, messages: props.messages });
  useEffect(() => {
    document.documentElement.lang = state.locale;
  }, [state.locale]);
  useEffect(() => {
    const locale = state.locale;
    void errorLoaders[locale]().then(
      (errors) =>
        setState((now) => (now.locale === locale ? { locale, messages: { ...errors, ...now.messages } } : now)),
      () => undefined, // offline before the chunk came: errors keep the server's wording
    );
  }, [state.locale]);
  const setLocale = useCallback(async (locale: Locale) => {
    const messages = await loadAllMessages(locale);
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // the choice lasts for this visit only
    }
    setState({ locale, messages });
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale: state.locale,
      setLocale,
      t: (key, vars) => {
        const text = state.messages[key] ?? key;
        return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
      },
    }),
    [state, setLocale],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

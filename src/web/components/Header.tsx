import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { currentTheme, setTheme } from '../lib/theme';
import { LOCALES, useI18n, type Locale } from '../i18n/i18n';

const LANGUAGE_NAMES: Record<Locale, string> = { id: 'Bahasa Indonesia', en: 'English', ja: '日本語' };

export function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label className="compact">
      <span className="visually-hidden">{t('shell.language')}</span>
      <select value={locale} onChange={(e) => void setLocale(e.target.value as Locale)} data-testid="language">
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ThemeToggle() {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="icon"
      aria-label={t('shell.theme')}
      title={t('shell.theme')}
      onClick={() => setTheme(currentTheme() === 'dark' ? 'light' : 'dark')}
    >
      ◐
    </button>
  );
}

/** How many records wait on this phone to be sent; opens the outbox. Nothing when none wait. */
export function OutboxBadge({ count }: { count: number }) {
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <Link
      href="/outbox"
      className="outbox-badge"
      aria-label={t('offline.waiting', { count })}
      data-testid="outbox-badge"
    >
      ⇅ {count}
    </Link>
  );
}

/** The bar on every page: the name, the caller's links, the language and the theme. */
export function Header({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <header className="bar">
      <Link href="~/" className="brand">
        OVOP
      </Link>
      <nav aria-label={t('shell.nav')} className="bar-nav">
        {children}
      </nav>
      <div className="bar-tools">
        <LanguageSwitcher />
        <ThemeToggle />
      </div>
    </header>
  );
}

import { useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import { currentTheme, setTheme } from '../lib/theme';
import { languageLabel, LOCALES, useI18n, type Locale } from '../i18n/i18n';

export function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label className="compact">
      <span className="visually-hidden">{t('shell.language')}</span>
      <select value={locale} onChange={(e) => void setLocale(e.target.value as Locale)} data-testid="language">
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageLabel(l)}
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

/**
 * The bar on every page: the name, a slot for short status (such as what waits to be sent), and the
 * caller's links with the language and the theme. On a phone those sit behind one menu button, in a
 * panel that opens below the bar; on a wide screen they show in the bar's one row.
 */
export function Header({
  children,
  status,
  tools,
}: {
  children?: ReactNode;
  status?: ReactNode;
  /** Beside the language and the theme, always in view on a wide screen (signing out). */
  tools?: ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // Following a link closes the panel; so does Escape, returning focus to the menu button.
  const closeOnLink = (e: MouseEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('a')) setOpen(false);
  };
  const closeOnEscape = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
    document.getElementById('bar-menu')?.focus();
  };
  return (
    <header className="bar" onKeyDown={closeOnEscape}>
      <Link href="~/" className="brand">
        OVOP
      </Link>
      <div className="bar-status">{status}</div>
      <button
        type="button"
        id="bar-menu"
        className="icon bar-menu"
        aria-label={t('shell.menu')}
        aria-expanded={open}
        aria-controls="bar-panel"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{open ? '✕' : '☰'}</span>
      </button>
      <div id="bar-panel" className="bar-panel" data-open={open} onClick={closeOnLink}>
        <nav aria-label={t('shell.nav')} className="bar-nav">
          {children}
        </nav>
        <div className="bar-tools">
          {tools}
          <LanguageSwitcher />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}

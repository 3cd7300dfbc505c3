import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyStoredTheme } from './lib/theme';
import { I18nProvider, loadStoredLocale } from './i18n/i18n';
import './styles.css';

/**
 * A page the server rendered (/catalog, /p, /b, /verify: src/server/pages) stays on screen, as it
 * came, while the app starts beside it, hidden; the app takes its place once its screen has what it
 * waited for (a `Loaded` ready mark, and no `Loading` line left), so the visitor never sees the
 * content give way to a "loading" line. The mark, not the mere absence of the line: while a screen's
 * code loads, Preact commits the app's frame before the Suspense fallback (decision 028). Not
 * hydration: the app renders its own page, nothing has to match.
 */
function takeOver(root: HTMLElement): void {
  if (!root.firstElementChild) return;
  const rendered = document.createElement('div');
  rendered.append(...root.childNodes);
  root.before(rendered);
  root.hidden = true;
  const ready = () => root.querySelector('[data-ready]') !== null && root.querySelector('[data-loading]') === null;
  const observer = new MutationObserver(() => {
    if (ready()) show();
  });
  observer.observe(root, { childList: true, subtree: true });
  // whatever the app still waits for after a while, it shows it (offline, a slow answer)
  const timer = setTimeout(show, 10_000);
  // Not while the visitor types in the rendered page's search form: it submits as a plain GET form.
  const typing = () => rendered.contains(document.activeElement) && document.activeElement !== rendered;
  rendered.addEventListener('focusout', () => setTimeout(() => ready() && show()));
  function show() {
    if (typing()) return;
    observer.disconnect();
    clearTimeout(timer);
    rendered.remove();
    root.hidden = false;
  }
}

applyStoredTheme();
const root = document.getElementById('root')!;
takeOver(root);
await loadStoredLocale();
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);

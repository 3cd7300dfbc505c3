import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyStoredTheme } from './lib/theme';
import { I18nProvider, loadStoredLocale } from './i18n/i18n';
import './styles.css';

applyStoredTheme();
await loadStoredLocale();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);

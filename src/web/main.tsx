import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyStoredTheme } from './lib/theme';
import { I18nProvider, initialLocale, loadMessages } from './i18n/i18n';
import './styles.css';

applyStoredTheme();
const locale = initialLocale();
const messages = await loadMessages(locale);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider locale={locale} messages={messages}>
      <App />
    </I18nProvider>
  </StrictMode>,
);

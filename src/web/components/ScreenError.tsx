import { useI18n } from '../i18n/i18n';

export function ScreenError({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <section className="panel" role="alert">
      <h1>{t('error.screen.title')}</h1>
      <p>{t('error.screen.body')}</p>
      <button type="button" onClick={onRetry}>
        {t('action.retry')}
      </button>
    </section>
  );
}

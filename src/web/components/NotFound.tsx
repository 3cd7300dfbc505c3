import { Link } from 'wouter';
import { useI18n } from '../i18n/i18n';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link href="~/" className="tap-link">
        {t('notFound.home')}
      </Link>
    </section>
  );
}

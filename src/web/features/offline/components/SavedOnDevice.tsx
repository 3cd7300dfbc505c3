import { Link } from 'wouter';
import { useI18n } from '../../../i18n/i18n';

/** Said where a form was sent while offline: kept on the phone, sent when the network is back. */
export function SavedOnDevice() {
  const { t } = useI18n();
  return (
    <p role="status" className="panel warning" data-testid="saved-on-device">
      {t('offline.savedOnDevice')} <Link href="/outbox">{t('offline.seeOutbox')}</Link>
    </p>
  );
}

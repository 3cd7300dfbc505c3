import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';

/** Whether the browser has a network, kept current as it comes and goes. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** Said on a screen read offline: what it shows is what the service worker kept when it was loaded. */
export function ShowingLoaded() {
  const { t } = useI18n();
  if (useOnline()) return null;
  return (
    <p role="status" className="panel warning" data-testid="showing-loaded">
      {t('offline.showingLoaded')}
    </p>
  );
}

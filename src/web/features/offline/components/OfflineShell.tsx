import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { setOutboxUser } from '../../../lib/outbox/outbox';
import { startOutbox } from '../../../lib/outbox/triggers';
import { applyUpdate, onUpdateReady, registerServiceWorker } from '../../../lib/pwa';
import { downloadWorkingSet } from '../working-set';

const PERSIST_ASKED = 'ovop.persistAsked';

/** Asked once, at the first sign-in: storage the browser may not evict keeps the outbox safe. */
async function askPersistentStorage(): Promise<void> {
  try {
    if (localStorage.getItem(PERSIST_ASKED)) return;
    localStorage.setItem(PERSIST_ASKED, '1');
    await navigator.storage?.persist?.();
  } catch {
    // not offered here: IndexedDB is still kept unless the phone runs out of space
  }
}

/**
 * What the signed-in staff app runs beside its screens: the service worker, the outbox's sender,
 * the working set for offline reading, and the "new version" notice.
 */
export function OfflineShell({ userId, programId }: { userId: string; programId: string | undefined }) {
  const { t } = useI18n();
  const [updateReady, setUpdateReady] = useState(false);
  useEffect(() => {
    registerServiceWorker();
    return onUpdateReady(setUpdateReady);
  }, []);
  useEffect(() => {
    let stop = () => {};
    let live = true;
    void setOutboxUser(userId).then(() => {
      if (live) stop = startOutbox();
    });
    void askPersistentStorage();
    return () => {
      live = false;
      stop();
    };
  }, [userId]);
  useEffect(() => {
    if (navigator.onLine) void downloadWorkingSet(programId);
  }, [userId, programId]);
  if (!updateReady) return null;
  return (
    <div className="panel warning update-banner" role="status">
      <span>{t('offline.updateReady')}</span>{' '}
      <button type="button" onClick={applyUpdate}>
        {t('offline.reload')}
      </button>
    </div>
  );
}

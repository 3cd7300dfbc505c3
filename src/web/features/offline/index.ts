/** The offline field app: the outbox's screen and badge, the "saved on this phone" notice, the shell's offline parts. */
import { lazy } from 'react';

export const OutboxPage = lazy(() => import('./components/OutboxPage'));
export { OfflineShell } from './components/OfflineShell';
export { SavedOnDevice } from './components/SavedOnDevice';
export { ShowingLoaded } from './components/ShowingLoaded';
export { usePendingChildren, usePendingKind, usePendingRecord, usePendingWrites, useWaitingCount } from './use-outbox';

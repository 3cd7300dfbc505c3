import { Workbox } from 'workbox-window';
import { API_CACHE } from './api-cache';

/** A new version of the app is installed and waiting: the app offers to reload into it. */
type Listener = (ready: boolean) => void;
const listeners = new Set<Listener>();
let waiting: Workbox | null = null;

export function onUpdateReady(listener: Listener): () => void {
  listeners.add(listener);
  listener(waiting !== null);
  return () => listeners.delete(listener);
}

let registered = false;

/**
 * Registers the service worker (only the staff app calls this, so public visitors never load it).
 * A new worker waits until the user accepts the reload; the outbox is in IndexedDB, which the
 * switch does not touch.
 */
export function registerServiceWorker(): void {
  if (registered || !('serviceWorker' in navigator)) return;
  registered = true;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    waiting = wb;
    for (const l of listeners) l(true);
  });
  void wb.register();
}

/** Lets the waiting worker take over, then reloads once it controls the page. */
export function applyUpdate(): void {
  const wb = waiting;
  if (!wb) return;
  wb.addEventListener('controlling', () => location.reload());
  wb.messageSkipWaiting();
}

/** Cached API answers belong to whoever was signed in: dropped at sign-out. */
export async function forgetCachedAnswers(): Promise<void> {
  if ('caches' in window) await caches.delete(API_CACHE);
}

import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { flushOutbox } from './lib/outbox/outbox';
import { API_CACHE } from './lib/api-cache';

/**
 * The service worker: the app shell precached, the staff app's pages answered from it offline, the
 * signed-in user's GET answers kept (network first, the cache when offline) and the outbox sent on
 * Background Sync. Writes are never cached: they go through the outbox in IndexedDB.
 */

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SyncEvent extends ExtendableEvent {
  tag: string;
}
interface PushEvent extends ExtendableEvent {
  data: { json(): unknown } | null;
}
interface NotificationClickEvent extends ExtendableEvent {
  notification: Notification;
}
interface WindowClient {
  url: string;
  focus(): Promise<unknown>;
  navigate(url: string): Promise<unknown>;
}
interface WorkerScope {
  __WB_MANIFEST: Parameters<typeof precacheAndRoute>[0];
  location: Location;
  registration: { showNotification(title: string, options: NotificationOptions): Promise<void> };
  clients: {
    matchAll(options: { type: 'window' }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<unknown>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<{ type?: string }>) => void): void;
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationClickEvent) => void): void;
}
declare const self: WorkerScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first worker serves the page that installed it at once; a later one waits for the user's
// "reload" (SKIP_WAITING below), so a form being typed is never cut off by an update.
clientsClaim();

registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { allowlist: [/^\/app(\/|$)/] }));

registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.pathname.startsWith('/api/v1/') && !url.pathname.startsWith('/api/v1/auth/'),
  new NetworkFirst({
    cacheName: API_CACHE,
    // On 2G an answer may take long; past this the cached one is shown.
    networkTimeoutSeconds: 8,
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      new ExpirationPlugin({ maxEntries: 2000, maxAgeSeconds: 30 * 24 * 3600 }),
    ],
  }),
);

self.addEventListener('sync', (event) => {
  if (event.tag === 'ovop-outbox') event.waitUntil(flushOutbox());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/**
 * Web Push (decision 020): the server sends the notice's text in the reader's language and where
 * it leads; the notification shows the text, and a tap opens (or focuses) the app at that link.
 */
self.addEventListener('push', (event) => {
  const data = (event.data?.json() ?? {}) as { id?: string; text?: string; link?: string | null };
  event.waitUntil(
    self.registration.showNotification('OVOP', {
      body: data.text ?? '',
      tag: data.id,
      icon: '/icons/icon-192.png',
      data: { link: data.link ?? '/app/notifications' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const link = (event.notification.data as { link?: string } | null)?.link ?? '/app/notifications';
  const target = new URL(link, self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((open) => {
      const client = open.find((c) => c.url.startsWith(self.location.origin));
      return client ? client.navigate(target).then(() => client.focus()) : self.clients.openWindow(target);
    }),
  );
});

import { flushOutbox } from './outbox';

const RETRY_EVERY_MS = 30_000;

/**
 * Sends the outbox on start, whenever the browser comes back online, and every half minute while
 * online (records waiting out their backoff). Returns the function that stops it.
 */
export function startOutbox(): () => void {
  const send = () => {
    if (navigator.onLine) void flushOutbox();
  };
  send();
  window.addEventListener('online', send);
  const timer = window.setInterval(send, RETRY_EVERY_MS);
  return () => {
    window.removeEventListener('online', send);
    window.clearInterval(timer);
  };
}

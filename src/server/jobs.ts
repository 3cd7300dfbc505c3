import type { Config } from './config.js';
import type { PersonalDataCipher } from './crypto/personal-data.js';
import type { Database } from './db/database.js';
import { remindEvents } from './modules/community/index.js';
import { sendPendingPushes, writeDigests } from './modules/platform/index.js';

const MINUTE = 60_000;

/**
 * The server's periodic work (decision 020): pushes owed every minute, digests due every fifteen,
 * and the day-before event reminders every fifteen (decision 019).
 * Each run is safe to overlap with another instance's (the rows are claimed under locks), so any
 * number of servers may run them; within one process a run never starts while the last is going.
 * Returns the function that stops them (called on shutdown).
 */
export function startJobs(
  db: Database,
  config: Config,
  cipher: PersonalDataCipher,
  warn: (line: string) => void,
): () => void {
  const push = { configured: config.vapid, subject: config.vapidSubject, cipher };
  const every = (ms: number, name: string, job: () => Promise<unknown>) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      job()
        .catch((error: unknown) => warn(`${name}: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (running = false));
    }, ms);
    timer.unref();
    return () => clearInterval(timer);
  };
  const stops = [
    every(MINUTE, 'push', () => sendPendingPushes(db, push)),
    every(15 * MINUTE, 'digests', () => writeDigests(db, new Date())),
    every(15 * MINUTE, 'event reminders', () => remindEvents(db)),
  ];
  return () => stops.forEach((stop) => stop());
}

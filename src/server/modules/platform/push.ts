import type { Agent } from 'node:https';
import webpush from 'web-push';
import { v7 as uuidv7 } from 'uuid';
import type { PersonalDataCipher } from '../../crypto/personal-data.js';
import type { Queryable } from '../../db/database.js';

/** A VAPID key pair (base64url), as web-push makes and reads them. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** Where the VAPID keys come from: the configuration, or the pair kept (encrypted) in the database. */
export interface PushSettings {
  configured: VapidKeys | undefined;
  subject: string | undefined;
  cipher: PersonalDataCipher;
}

/**
 * The server's VAPID keys (decision 020): the configured pair, or the one made at first need and
 * kept in the database, so that every instance of the server signs with the same key and the
 * browsers' subscriptions, made against its public half, survive restarts.
 */
export async function vapidKeys(db: Queryable, settings: PushSettings): Promise<VapidKeys> {
  if (settings.configured) return settings.configured;
  const read = async () =>
    (
      await db.query<{ public_key: string; private_key: string }>('SELECT public_key, private_key FROM push_vapid_keys')
    )[0];
  let row = await read();
  if (!row) {
    const made = webpush.generateVAPIDKeys();
    await db.query(
      'INSERT INTO push_vapid_keys (public_key, private_key) VALUES ($1, $2) ON CONFLICT (singleton) DO NOTHING',
      [made.publicKey, settings.cipher.encrypt(made.privateKey)],
    );
    row = (await read())!;
  }
  return { publicKey: row.public_key, privateKey: settings.cipher.decrypt(row.private_key) };
}

export const pushRepository = {
  async subscribe(db: Queryable, userId: string, s: { endpoint: string; p256dh: string; auth: string }) {
    // A browser's endpoint is its own: signing in as someone else on it moves the subscription.
    await db.query(
      `INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (endpoint) DO UPDATE SET user_id = $2, p256dh = $4, auth = $5, failures = 0`,
      [uuidv7(), userId, s.endpoint, s.p256dh, s.auth],
    );
  },
  async unsubscribe(db: Queryable, userId: string, endpoint: string): Promise<void> {
    await db.query('DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2', [userId, endpoint]);
  },
  async count(db: Queryable, userId: string): Promise<number> {
    const [row] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM push_subscriptions WHERE user_id = $1',
      [userId],
    );
    return row!.n;
  },
};

interface Due {
  id: string;
  text: string;
  kind: string;
  params: Record<string, string>;
  link: string | null;
  subscriptions: { id: string; endpoint: string; p256dh: string; auth: string }[];
}

export interface PushRun {
  sent: number;
  removed: number;
  failed: number;
}

/** After this many failures in a row (not 404/410), a subscription is given up. */
const MAX_FAILURES = 5;

/**
 * Sends the pushes owed (notifications with a push_text) to every subscribed browser of their
 * recipient, through web-push (encrypted per RFC 8291, signed per RFC 8292). The notifications are
 * claimed with SKIP LOCKED and cleared in the same transaction, so two runs never push one twice.
 * A push service that answers 404 or 410 says the subscription is gone (RFC 8030 §7.3): it is
 * removed at once. Other failures count against the subscription; it is dropped after five in a row.
 */
export async function sendPendingPushes(
  db: Queryable,
  settings: PushSettings,
  options: { limit?: number; agent?: Agent } = {},
): Promise<PushRun> {
  const run: PushRun = { sent: 0, removed: 0, failed: 0 };
  const keys = await vapidKeys(db, settings);
  const subject = settings.subject ?? 'mailto:ovop@localhost';
  const due = await db.query<Due>(
    `WITH claimed AS (
       SELECT id, push_text FROM notifications WHERE push_text IS NOT NULL ORDER BY id LIMIT $1
       FOR UPDATE SKIP LOCKED
     ), cleared AS (
       UPDATE notifications n SET push_text = NULL FROM claimed c WHERE n.id = c.id
       RETURNING n.id, c.push_text AS text, n.user_id, n.kind, n.params, n.link
     )
     SELECT c.id, c.text, c.kind, c.params, c.link,
       coalesce(json_agg(json_build_object('id', s.id, 'endpoint', s.endpoint, 'p256dh', s.p256dh, 'auth', s.auth))
         FILTER (WHERE s.id IS NOT NULL), '[]') AS subscriptions
     FROM cleared c LEFT JOIN push_subscriptions s ON s.user_id = c.user_id
     GROUP BY c.id, c.text, c.kind, c.params, c.link ORDER BY c.id`,
    [options.limit ?? 200],
  );
  for (const notice of due) {
    // What the service worker shows: the text in the recipient's language, and where a tap leads.
    const payload = JSON.stringify({
      id: notice.id,
      text: notice.text,
      kind: notice.kind,
      params: notice.params,
      link: notice.link,
    });
    for (const s of notice.subscriptions) {
      try {
        await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
          vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
          TTL: 24 * 3600,
          timeout: 10_000,
          ...(options.agent ? { agent: options.agent } : {}),
        });
        await db.query('UPDATE push_subscriptions SET last_sent_at = now(), failures = 0 WHERE id = $1', [s.id]);
        run.sent += 1;
      } catch (error) {
        const status = error instanceof webpush.WebPushError ? error.statusCode : 0;
        if (status === 404 || status === 410) {
          await db.query('DELETE FROM push_subscriptions WHERE id = $1', [s.id]);
          run.removed += 1;
        } else {
          await db.query('DELETE FROM push_subscriptions WHERE id = $1 AND failures + 1 >= $2', [s.id, MAX_FAILURES]);
          await db.query('UPDATE push_subscriptions SET failures = failures + 1 WHERE id = $1', [s.id]);
          run.failed += 1;
        }
      }
    }
  }
  return run;
}

import type { Ctx } from '../../http/context.js';
import { inTransaction } from '../../http/context.js';
import type {
  NotificationSettingsAnswer,
  NotificationSettingsBody,
  PushSubscriptionBody,
} from '../../../shared/schemas/notification-settings.js';
import type { Queryable } from '../../db/database.js';
import { requireUser } from './access.js';
import { pushRepository, vapidKeys, type PushSettings } from './push.js';

const preferences = {
  async get(db: Queryable, userId: string) {
    const [row] = await db.query<{ email: NotificationSettingsAnswer['email']; push: boolean }>(
      'SELECT email, push FROM notification_preferences WHERE user_id = $1',
      [userId],
    );
    return row ?? { email: 'immediate' as const, push: true };
  },
  async put(db: Queryable, userId: string, p: { email: string; push: boolean }): Promise<void> {
    await db.query(
      `INSERT INTO notification_preferences (user_id, email, push) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET email = $2, push = $3, updated_at = now()`,
      [userId, p.email, p.push],
    );
  },
  /** What a digest still owed would have said is dropped when the user leaves digests. */
  async dropOwedLines(db: Queryable, userId: string): Promise<void> {
    await db.query('UPDATE notifications SET digest_line = NULL WHERE user_id = $1 AND digest_line IS NOT NULL', [
      userId,
    ]);
  },
};

async function present(ctx: Ctx, userId: string, push: PushSettings): Promise<NotificationSettingsAnswer> {
  const p = await preferences.get(ctx.db, userId);
  return {
    email: p.email,
    push: p.push,
    pushSubscriptions: await pushRepository.count(ctx.db, userId),
    vapidPublicKey: (await vapidKeys(ctx.db, push)).publicKey,
  };
}

/** The caller's own delivery choices, with the key their browser subscribes with. */
export async function showNotificationSettings(ctx: Ctx, push: PushSettings) {
  return present(ctx, requireUser(ctx.actor).id, push);
}

/** Changes the caller's email choice or push switch (only the fields sent). */
export async function changeNotificationSettings(ctx: Ctx, body: NotificationSettingsBody, push: PushSettings) {
  const user = requireUser(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const current = await preferences.get(tx.db, user.id);
    const next = { email: body.email ?? current.email, push: body.push ?? current.push };
    await preferences.put(tx.db, user.id, next);
    if (next.email !== 'daily' && next.email !== 'weekly') await preferences.dropOwedLines(tx.db, user.id);
  });
  return present(ctx, user.id, push);
}

/** Keeps the browser's PushSubscription for the caller (the same endpoint again replaces it). */
export async function subscribePush(ctx: Ctx, body: PushSubscriptionBody) {
  const user = requireUser(ctx.actor);
  await pushRepository.subscribe(ctx.db, user.id, { endpoint: body.endpoint, ...body.keys });
  return { subscribed: true };
}

/** Forgets one of the caller's browsers; someone else's endpoint is left alone (and not revealed). */
export async function unsubscribePush(ctx: Ctx, endpoint: string) {
  await pushRepository.unsubscribe(ctx.db, requireUser(ctx.actor).id, endpoint);
  return { subscribed: false };
}

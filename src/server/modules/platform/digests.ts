import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const PERIOD_MS = { daily: DAY_MS, weekly: 7 * DAY_MS } as const;

/** The digest's own words in each interface language; each line is the notification's email subject. */
const DIGEST = {
  id: {
    subject: 'OVOP: {count} pemberitahuan baru',
    intro: 'Yang terjadi sejak ringkasan terakhir:',
    change: 'Ubah pilihan email: ',
  },
  en: {
    subject: 'OVOP: {count} new notifications',
    intro: 'What happened since your last digest:',
    change: 'Change your email choice: ',
  },
  ja: {
    subject: 'OVOP：新しいお知らせ {count} 件',
    intro: '前回のまとめ以降のお知らせ：',
    change: 'メールの設定を変更：',
  },
} as const;

interface DueUser {
  user_id: string;
  email: string;
  locale: string;
  choice: 'daily' | 'weekly';
}

export interface DigestRun {
  /** The digests written to the email outbox in this run. */
  written: number;
}

/**
 * Writes the digests that are due (decision 020): for each user who chose a daily or weekly digest
 * and whose last one is a day or a week old (or who never had one), one email gathering every
 * notification still owed to a digest, in their language, to the email outbox. Each user is done in
 * their own transaction holding their preference row: the owed notifications are cleared in the
 * same transaction as the outbox row is written, so a digest is written exactly once however many
 * runs overlap (a second run waits for the lock and then finds nothing owed and the digest not due).
 */
export async function writeDigests(db: Database, now: Date, link = '/app/notifications'): Promise<DigestRun> {
  const candidates = await db.query<{ user_id: string }>(
    `SELECT DISTINCT n.user_id FROM notifications n
     JOIN notification_preferences p ON p.user_id = n.user_id
     WHERE n.digest_line IS NOT NULL AND p.email IN ('daily', 'weekly') ORDER BY n.user_id`,
  );
  let written = 0;
  for (const { user_id } of candidates) {
    const done = await db.transaction(async (tx) => {
      const [user] = await tx.query<DueUser & { last_digest_at: Date | null }>(
        `SELECT p.user_id, u.email, u.locale, p.email AS choice, p.last_digest_at
         FROM notification_preferences p JOIN users u ON u.id = p.user_id
         WHERE p.user_id = $1 AND u.disabled_at IS NULL AND u.email IS NOT NULL FOR UPDATE OF p`,
        [user_id],
      );
      if (!user || (user.choice !== 'daily' && user.choice !== 'weekly')) return false;
      if (user.last_digest_at && now.getTime() - user.last_digest_at.getTime() < PERIOD_MS[user.choice]) return false;
      const lines = await tx.query<{ id: string; digest_line: string; link: string | null }>(
        `WITH owed AS (
           SELECT id, digest_line, link FROM notifications WHERE user_id = $1 AND digest_line IS NOT NULL FOR UPDATE
         )
         UPDATE notifications n SET digest_line = NULL FROM owed WHERE n.id = owed.id
         RETURNING owed.id, owed.digest_line, owed.link`,
        [user_id],
      );
      if (lines.length === 0) return false;
      const texts = DIGEST[(user.locale in DIGEST ? user.locale : 'id') as keyof typeof DIGEST];
      // Oldest first: ids are UUIDv7, in the order the notifications were made.
      const sorted = [...lines].sort((a, b) => a.id.localeCompare(b.id));
      const body = [
        texts.intro,
        '',
        ...sorted.map((l) => `• ${l.digest_line}${l.link ? `\n  ${l.link}` : ''}`),
        '',
        `${texts.change}${link.replace('/notifications', '/settings/notifications')}`,
        '',
        '— OVOP',
      ].join('\n');
      await tx.query(
        `INSERT INTO email_outbox (id, user_id, to_address, subject, body, kind) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          uuidv7(),
          user_id,
          user.email,
          texts.subject.replace('{count}', String(lines.length)),
          body,
          `digest.${user.choice}`,
        ],
      );
      await tx.query('UPDATE notification_preferences SET last_digest_at = $2 WHERE user_id = $1', [user_id, now]);
      return true;
    });
    if (done) written += 1;
  }
  return { written };
}

import type { Queryable } from '../../db/database.js';
import { notify } from '../platform/index.js';

/**
 * What the community tells people, in each interface language (decision 019). The in-app list
 * shows the same texts from the web app's messages (notice.<kind>); these are for the email outbox
 * and the digest's lines.
 */
const TEXTS = {
  'community.mention': {
    id: '{by} menyebut Anda di “{thread}”',
    en: '{by} mentioned you in “{thread}”',
    ja: '{by}さんが「{thread}」であなたをメンションしました',
  },
  'community.reply': {
    id: '{by} membalas “{thread}”',
    en: '{by} replied to “{thread}”',
    ja: '{by}さんが「{thread}」に返信しました',
  },
  'community.answer-accepted': {
    id: 'Jawaban Anda di “{thread}” diterima',
    en: 'Your answer in “{thread}” was accepted',
    ja: '「{thread}」でのあなたの回答が採用されました',
  },
} as const;

type Kind = keyof typeof TEXTS;

const fill = (text: string, params: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);

/** Where a thread's notice leads in the web app. */
export const threadLink = (threadId: string) => `/app/threads/${threadId}`;

/** Tells the given people one thing about a thread, in the caller's transaction. */
export async function tellAboutThread(
  tx: Queryable,
  kind: Kind,
  userIds: string[],
  thread: { id: string; title: string },
  by?: string,
): Promise<void> {
  if (userIds.length === 0) return;
  const params: Record<string, string> = { thread: thread.title, ...(by ? { by } : {}) };
  const link = threadLink(thread.id);
  await notify(tx, {
    userIds,
    kind,
    params,
    link,
    email: (locale) => {
      const texts: Record<string, string> = TEXTS[kind];
      const subject = fill(texts[locale] ?? texts.id!, params);
      return { subject, body: `${subject}\n\n${link}\n\n— OVOP` };
    },
  });
}

import type { Notice } from '../platform/index.js';

/**
 * What mentoring tells the other party, in each interface language. The in-app list shows the same
 * texts from the web app's messages (notice.<kind>); these are for the email outbox.
 */
const TEXTS = {
  'mentoring.requested': {
    id: '{name} meminta pendampingan tentang {topic}',
    en: '{name} asks for mentoring on {topic}',
    ja: '{name}さんが{topic}についてメンタリングを依頼しました',
  },
  'mentoring.accepted': {
    id: '{name} menerima permintaan pendampingan Anda',
    en: '{name} accepted your mentoring request',
    ja: '{name}さんがメンタリングの依頼を承諾しました',
  },
  'mentoring.declined': {
    id: '{name} menolak permintaan pendampingan Anda',
    en: '{name} declined your mentoring request',
    ja: '{name}さんがメンタリングの依頼を断りました',
  },
  'mentoring.session': {
    id: 'Sesi pendampingan dicatat untuk {date}',
    en: 'A mentoring session was recorded for {date}',
    ja: '{date}のメンタリングのセッションが記録されました',
  },
  'mentoring.feedback': {
    id: '{name} memberi umpan balik atas sesi {date}',
    en: '{name} gave feedback on the session of {date}',
    ja: '{name}さんが{date}のセッションを評価しました',
  },
} as const;

export type MentoringNotice = keyof typeof TEXTS;

const fill = (text: string, params: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);

/** A notice of one mentoring event to the other party, linking to the mentorship. */
export function mentoringNotice(
  kind: MentoringNotice,
  userId: string,
  mentorshipId: string,
  params: Record<string, string>,
): Notice {
  const link = `/app/mentoring/${mentorshipId}`;
  return {
    userIds: [userId],
    kind,
    params,
    link,
    email: (locale) => {
      const texts: Record<string, string> = TEXTS[kind];
      const subject = fill(texts[locale] ?? texts.id!, params);
      return { subject, body: `${subject}\n\n${link}\n\n— OVOP` };
    },
  };
}

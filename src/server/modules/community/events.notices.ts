import { localized } from '../../../shared/localized.js';
import type { Notice } from '../platform/index.js';
import type { EventRow } from './events.repository.js';

/**
 * What events tell people, in each interface language: the in-app list shows the same texts from
 * the web app's messages (notice.<kind>); these are for the email outbox.
 */
const TEXTS = {
  'community.event.promoted': {
    id: 'Ada tempat untuk Anda di {event}: Anda terdaftar hadir',
    en: 'A seat opened at {event}: you are now going',
    ja: '{event}に空きが出ました。参加が確定しました',
  },
  'community.event.cancelled': {
    id: '{event} pada {startsAt} dibatalkan',
    en: '{event} on {startsAt} has been called off',
    ja: '{startsAt}の{event}は中止になりました',
  },
  'community.event.changed': {
    id: '{event} berubah: kini {startsAt}',
    en: '{event} has changed: now {startsAt}',
    ja: '{event}が変更されました。新しい日時：{startsAt}',
  },
  'community.event.reminder': {
    id: 'Pengingat: {event} mulai {startsAt}',
    en: 'Reminder: {event} starts {startsAt}',
    ja: 'リマインダー：{event}は{startsAt}に始まります',
  },
} as const;

const fill = (text: string, params: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);

/** The event's start as people there read it: in its own time zone. */
const localStart = (startsAt: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })
    .format(startsAt)
    .replace(',', '');

/** A notice about one event to some accounts, with its email in each recipient's language. */
export function eventNotice(
  kind: keyof typeof TEXTS,
  userIds: string[],
  event: Pick<EventRow, 'id' | 'title' | 'starts_at' | 'time_zone'> & { cancel_reason?: string },
): Notice {
  const link = `/app/community/events/${event.id}`;
  const params = {
    event: localized(event.title, 'id') ?? '',
    startsAt: `${localStart(event.starts_at, event.time_zone)} (${event.time_zone})`,
    ...(event.cancel_reason ? { reason: event.cancel_reason } : {}),
  };
  return {
    userIds,
    kind,
    params,
    link,
    email: (locale) => {
      const texts: Record<string, string> = TEXTS[kind];
      const subject = fill(texts[locale] ?? texts.id!, params);
      // The organiser's own words, as written: told after the subject.
      const reason = params.reason ? `\n\n${params.reason}` : '';
      return { subject, body: `${subject}${reason}\n\n${link}\n\n— OVOP` };
    },
  };
}

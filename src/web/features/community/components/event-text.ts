import type { EventAnswer } from '../../../../shared/schemas/community-events';
import { intlLocale } from '../../../../shared/languages';

/**
 * When an event is, as people there read it: in its own time zone, with the zone named when the
 * reader's differs; a training session's days as dates.
 */
export function eventWhen(event: Pick<EventAnswer, 'startsAt' | 'endsAt' | 'allDay' | 'timeZone'>, locale: string) {
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  if (event.allDay) {
    const day = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: event.timeZone });
    const last = new Date(end.getTime() - 1);
    const first = day.format(start);
    const final = day.format(last);
    return first === final ? first : `${first} – ${final}`;
  }
  const when = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: event.timeZone,
  });
  const time = new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short', timeZone: event.timeZone });
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${when.format(start)} – ${time.format(end)}${here === event.timeZone ? '' : ` (${event.timeZone})`}`;
}

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

/** The wall-clock time of an instant in a time zone, as a `datetime-local` input holds it. */
export function localInput(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant a `datetime-local` value names in a time zone (the event's, whatever the reader's). */
export function instantOf(value: string, timeZone: string): string {
  const wall = Date.parse(`${value}:00Z`);
  if (Number.isNaN(wall)) return value;
  // The zone's offset at that moment: what its clock reads minus UTC (checked twice across a change).
  const offsetAt = (t: number) => Date.parse(`${localInput(new Date(t).toISOString(), timeZone)}:00Z`) - t;
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first)).toISOString();
}

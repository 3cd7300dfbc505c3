/**
 * "Today" is a calendar date in a place, not in the server's time zone: a session in Bali on
 * 2 December at 07:00 WITA is still 1 December in UTC. Every date the platform decides (a
 * certificate's validity, an attendance day, a batch's production date) comes from here.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) at instant `now` in `timeZone` (an IANA name). */
export function dateIn(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  // Every zone's offset is a whole number of minutes, so a date changes only at the start of a
  // minute: the last answer holds for the rest of its minute (formatting costs about 5 µs).
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastDates.get(timeZone);
  if (last?.minute === minute) return last.date;
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  const date = format.format(now);
  lastDates.set(timeZone, { minute, date });
  return date;
}
const lastDates = new Map<string, { minute: number; date: string }>();

/** `days` calendar days after the date (negative for before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

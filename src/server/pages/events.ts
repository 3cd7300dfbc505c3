import { intlLocale } from '../../shared/languages.js';
import { localized } from '../../shared/localized.js';
import type { UiLocale } from '../../shared/locales.js';
import type { PublicEventAnswer } from '../../shared/schemas/community-events.js';
import { markup, pageTitle, translator, type Html, type RenderedPage } from './page.js';

/**
 * When an event is, in its own time zone (named: the server does not know the visitor's); a
 * training session's days as dates. The app, once started, says it as the web's eventWhen does.
 */
function when(event: PublicEventAnswer, locale: UiLocale): string {
  const tz = event.timeZone;
  if (event.allDay) {
    const day = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: tz });
    const first = day.format(new Date(event.startsAt));
    const last = day.format(new Date(new Date(event.endsAt).getTime() - 1));
    return first === last ? first : `${first} – ${last}`;
  }
  const start = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: tz });
  const end = new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short', timeZone: tz });
  return `${start.format(new Date(event.startsAt))} – ${end.format(new Date(event.endsAt))} (${tz})`;
}

/** What a visitor reads of an event, as the app's Facts shows it. */
function facts(event: PublicEventAnswer, locale: UiLocale): Html {
  const t = translator(locale);
  const place = event.url ? t('publicEvents.online') : [event.address, event.area?.name].filter(Boolean).join(', ');
  const seats =
    event.capacityLeft === null || event.cancelled
      ? null
      : event.capacityLeft === 0
        ? t('publicEvents.full')
        : t('publicEvents.seatsLeft', { count: event.capacityLeft });
  return markup`<p class="muted">${t(`publicEvents.kind.${event.kind}`)}${
    event.cancelled ? markup` · <strong>${t('publicEvents.cancelled')}</strong>` : null
  }</p>${
    event.cancelled && event.cancelReason
      ? markup`<p>${t('publicEvents.cancelReason', { reason: event.cancelReason })}</p>`
      : null
  }<p>${when(event, locale)}</p><p>${place}</p>${seats ? markup`<p class="muted">${seats}</p>` : null}`;
}

const joinLink = (programId: string, locale: UiLocale) =>
  markup`<p><a href="/join/${programId}">${translator(locale)('publicEvents.joinToRsvp')}</a></p>`;

/** /events?program={id}: a program's upcoming public events, readable before (and without) the app's scripts. */
export function eventsPage(programId: string, items: readonly PublicEventAnswer[], locale: UiLocale): RenderedPage {
  const t = translator(locale);
  const title = (e: PublicEventAnswer) => localized(e.title, locale) ?? '';
  return {
    title: pageTitle(t('publicEvents.title')),
    description: items.length
      ? items
          .slice(0, 3)
          .map((e) => title(e))
          .join(', ')
      : t('publicEvents.none'),
    path: programId ? `/events?program=${programId}` : '/events',
    ogType: 'website',
    body: markup`<main class="page"><section class="panel"><h1>${t('publicEvents.title')}</h1>${
      items.length === 0
        ? markup`<p class="muted">${t('publicEvents.none')}</p>`
        : markup`<ul class="stack">${items.map(
            (e) =>
              markup`<li class="card"><a href="/events/${e.id}"><strong>${title(e)}</strong></a>${facts(e, locale)}</li>`,
          )}</ul>`
    }${programId ? joinLink(programId, locale) : null}</section></main>`,
  };
}

/** /events/{id}: one public event, with schema.org Event data for link previews and search engines. */
export function eventPage(event: PublicEventAnswer, locale: UiLocale, origin: string): RenderedPage {
  const t = translator(locale);
  const title = localized(event.title, locale) ?? '';
  const description = localized(event.description, locale) ?? '';
  const path = `/events/${event.id}`;
  return {
    title: pageTitle(title),
    description: description || when(event, locale),
    path,
    ogType: 'website',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: title,
      startDate: event.startsAt,
      endDate: event.endsAt,
      eventStatus: `https://schema.org/${event.cancelled ? 'EventCancelled' : 'EventScheduled'}`,
      eventAttendanceMode: `https://schema.org/${event.url ? 'Online' : 'Offline'}EventAttendanceMode`,
      location: event.url
        ? { '@type': 'VirtualLocation', url: event.url }
        : { '@type': 'Place', name: event.address || event.area?.name, address: event.area?.name },
      url: `${origin}${path}`,
    },
    body: markup`<main class="page"><section class="panel"><h1>${title}</h1>${facts(event, locale)}${
      description ? markup`<p style="white-space: pre-wrap">${description}</p>` : null
    }${
      event.cancelled
        ? null
        : markup`<p><a href="/api/v1/community/public-events/${event.id}/calendar" download>${t('publicEvents.addToCalendar')}</a></p>`
    }<p><a href="/events?program=${event.programId}">${t('publicEvents.all')}</a></p>${
      event.cancelled ? null : joinLink(event.programId, locale)
    }</section></main>`,
  };
}

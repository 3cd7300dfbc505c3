import { useState } from 'react';
import { Link } from 'wouter';
import { localized } from '../../../../shared/localized';
import type { EventAnswer } from '../../../../shared/schemas/community-events';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { listEvents, renewCalendarFeed } from '../api/events';
import { myCommunities } from '../api/spaces';
import { eventWhen } from './event-text';

function EventCard({ event }: { event: EventAnswer }) {
  const { t, locale } = useI18n();
  return (
    <li className="card">
      <Link href={`/community/events/${event.id}`}>
        <strong>{localized(event.title, locale)}</strong>
      </Link>
      <div className="muted">
        {t(`events.kind.${event.kind}`)} · {eventWhen(event, locale)}
      </div>
      <div className="muted">
        {event.area ? event.area.name : t('events.online')}
        {event.near ? ` · ${t('spaces.near')}` : ''}
        {event.myRsvp ? ` · ${t(`events.rsvp.${event.myRsvp}`)}` : ''}
      </div>
    </li>
  );
}

/** A calendar app's subscription to the caller's events: a new secret URL, shown once. */
function CalendarFeed() {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  return url ? (
    <div className="field">
      <label htmlFor="calendar-url">{t('events.calendarUrl')}</label>
      <input id="calendar-url" readOnly value={url} onFocus={(e) => e.target.select()} />
    </div>
  ) : (
    <button type="button" className="secondary" onClick={() => void renewCalendarFeed().then((f) => setUrl(f.url))}>
      {t('events.calendar')}
    </button>
  );
}

function Events({ programId }: { programId: string }) {
  const { t } = useI18n();
  const [near, setNear] = useState(false);
  const events = useResource(`events-${programId}-${near}`, (signal) => listEvents(programId, near, signal));
  return (
    <>
      <label className="inline">
        <input type="checkbox" checked={near} onChange={(e) => setNear(e.target.checked)} /> {t('events.nearOnly')}
      </label>
      <Loaded resource={events}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t('events.none')}</p>
          ) : (
            <ul className="stack">
              {items.map((e) => (
                <EventCard key={e.id} event={e} />
              ))}
            </ul>
          )
        }
      </Loaded>
      <CalendarFeed />
    </>
  );
}

/** "Acara": the upcoming events of the caller's community, near them on request. */
export default function EventsPage() {
  const { t } = useI18n();
  const mine = useResource('community-mine', myCommunities);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <section className="panel">
      <h1>{t('events.title')}</h1>
      <Loaded resource={mine}>
        {({ items }) => {
          if (items.length === 0) return <p className="muted">{t('spaces.notMember')}</p>;
          const programId = chosen ?? items[0]!.programId;
          return (
            <>
              {items.length > 1 ? (
                <div className="field">
                  <label htmlFor="events-program">{t('spaces.program')}</label>
                  <select id="events-program" value={programId} onChange={(e) => setChosen(e.target.value)}>
                    {items.map((c) => (
                      <option key={c.programId} value={c.programId}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <Events key={programId} programId={programId} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

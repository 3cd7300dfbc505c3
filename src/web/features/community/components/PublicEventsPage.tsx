import { localized } from '../../../../shared/localized';
import type { PublicEventAnswer } from '../../../../shared/schemas/community-events';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { getPublicEvent, listPublicEvents, publicEventCalendarUrl } from '../api/public';
import { eventWhen } from './event-text';

/** When, where, the seats left and whether it was called off: what a visitor reads of a public event. */
function Facts({ event }: { event: PublicEventAnswer }) {
  const { t, locale } = useI18n();
  return (
    <>
      <p className="muted">
        {t(`publicEvents.kind.${event.kind}`)}
        {event.cancelled ? (
          <>
            {' · '}
            <strong>{t('publicEvents.cancelled')}</strong>
          </>
        ) : null}
      </p>
      {event.cancelled && event.cancelReason ? (
        <p>{t('publicEvents.cancelReason', { reason: event.cancelReason })}</p>
      ) : null}
      <p>{eventWhen(event, locale)}</p>
      <p>{event.url ? t('publicEvents.online') : [event.address, event.area?.name].filter(Boolean).join(', ')}</p>
      {event.capacityLeft !== null && !event.cancelled ? (
        <p className="muted">
          {event.capacityLeft === 0
            ? t('publicEvents.full')
            : t('publicEvents.seatsLeft', { count: event.capacityLeft })}
        </p>
      ) : null}
    </>
  );
}

function JoinToRsvp({ programId }: { programId: string }) {
  const { t } = useI18n();
  return (
    <p>
      <a href={`/join/${programId}`}>{t('publicEvents.joinToRsvp')}</a>
    </p>
  );
}

/** A program's upcoming public events (`/events?program=…`), for anyone, phone first. */
export default function PublicEventsPage() {
  const { t, locale } = useI18n();
  const programId = new URLSearchParams(window.location.search).get('program') ?? '';
  const events = useResource(programId ? `public-events-${programId}` : null, (signal) =>
    listPublicEvents(programId, signal),
  );
  return (
    <section className="panel">
      <h1>{t('publicEvents.title')}</h1>
      {/* Without a program there is nothing to list: the empty list, not a wait. */}
      <Loaded resource={programId ? events : { data: { items: [] }, error: undefined }}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t('publicEvents.none')}</p>
          ) : (
            <ul className="stack">
              {items.map((e) => (
                <li key={e.id} className="card">
                  <a href={`/events/${e.id}`}>
                    <strong>{localized(e.title, locale)}</strong>
                  </a>
                  <Facts event={e} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {programId ? <JoinToRsvp programId={programId} /> : null}
    </section>
  );
}

/** One public event (`/events/{id}`): its facts, a calendar file, and the way to join the community to RSVP. */
export function PublicEventPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const event = useResource(`public-event-${id}`, (signal) => getPublicEvent(id, signal));
  return (
    <section className="panel">
      <Loaded resource={event}>
        {(e) => (
          <>
            <h1>{localized(e.title, locale)}</h1>
            <Facts event={e} />
            {localized(e.description, locale) ? (
              <p style={{ whiteSpace: 'pre-wrap' }}>{localized(e.description, locale)}</p>
            ) : null}
            {e.cancelled ? null : (
              <p>
                <a href={publicEventCalendarUrl(e.id)} download>
                  {t('publicEvents.addToCalendar')}
                </a>
              </p>
            )}
            <p>
              <a href={`/events?program=${e.programId}`}>{t('publicEvents.all')}</a>
            </p>
            {e.cancelled ? null : <JoinToRsvp programId={e.programId} />}
          </>
        )}
      </Loaded>
    </section>
  );
}

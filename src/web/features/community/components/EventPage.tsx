import { Link } from 'wouter';
import { localized } from '../../../../shared/localized';
import type { EventAnswer } from '../../../../shared/schemas/community-events';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { answerEvent, getEvent, getTicket } from '../api/events';
import { eventWhen } from './event-text';
import { intlLocale } from '../../../../shared/languages';

/** The door ticket on the attendee's phone: a QR for the organiser's camera, and its code to read out. */
function Ticket({ event }: { event: EventAnswer }) {
  const { t, locale } = useI18n();
  const ticket = useResource(`ticket-${event.id}`, (signal) => getTicket(event.id, signal));
  if (!ticket.data) return null;
  return (
    <div className="card ticket">
      <h2>{t('events.ticket')}</h2>
      <img src={ticket.data.qr} alt={t('events.ticketQr')} width={240} height={240} style={{ maxWidth: '100%' }} />
      <p>
        <strong style={{ fontSize: '1.5rem', letterSpacing: '0.1em' }}>{ticket.data.code}</strong>
      </p>
      {ticket.data.checkedInAt ? (
        <p>
          {t('events.checkedInAt', { time: new Date(ticket.data.checkedInAt).toLocaleTimeString(intlLocale(locale)) })}
        </p>
      ) : null}
    </div>
  );
}

function Details({ event, reload }: { event: EventAnswer; reload: () => void }) {
  const { t, locale } = useI18n();
  const answer = (going: boolean) => () => void answerEvent(event.id, going).then(reload);
  const full = event.capacity !== null && event.going >= event.capacity;
  return (
    <>
      <h1>{localized(event.title, locale)}</h1>
      <p className="muted">
        {t(`events.kind.${event.kind}`)}
        {event.cancelled ? ` · ${t('events.cancelled')}` : ''}
      </p>
      {event.cancelled && event.cancelReason ? <p>{t('events.cancelReason', { reason: event.cancelReason })}</p> : null}
      <p>{eventWhen(event, locale)}</p>
      {event.url ? (
        <p>
          <a href={event.url} rel="noopener noreferrer" target="_blank">
            {t('events.join')}
          </a>
        </p>
      ) : (
        <p>{[event.address, event.area?.name].filter(Boolean).join(', ')}</p>
      )}
      {localized(event.description, locale) ? (
        <p style={{ whiteSpace: 'pre-wrap' }}>{localized(event.description, locale)}</p>
      ) : null}
      <p className="muted">
        {event.capacity === null
          ? t('events.goingCount', { count: event.going })
          : t('events.seats', { going: event.going, capacity: event.capacity })}
        {event.waitlisted ? ` · ${t('events.waitlistCount', { count: event.waitlisted })}` : ''}
      </p>
      {event.myRsvp ? (
        <p role="status">
          {event.myRsvp === 'waitlisted'
            ? t('events.waitlistPosition', { position: event.waitlistPosition ?? 0 })
            : t(`events.rsvp.${event.myRsvp}`)}
        </p>
      ) : null}
      {event.abilities.rsvp && !event.cancelled ? (
        <div className="actions">
          {event.myRsvp === 'going' || event.myRsvp === 'waitlisted' ? (
            <button type="button" className="secondary" onClick={answer(false)}>
              {t('events.notGoing')}
            </button>
          ) : (
            <button type="button" onClick={answer(true)}>
              {full ? t('events.joinWaitlist') : t('events.going')}
            </button>
          )}
        </div>
      ) : null}
      {event.myRsvp === 'going' ? <Ticket key={event.going} event={event} /> : null}
      {event.abilities.organise ? (
        <p>
          <Link href={`/community/events/${event.id}/check-in`}>{t('events.checkIn')}</Link>
        </p>
      ) : null}
      {event.abilities.organise && !event.cancelled && !event.trainingSessionId ? (
        <p>
          <Link href={`/community/events/${event.id}/edit`}>{t('events.edit')}</Link>
        </p>
      ) : null}
    </>
  );
}

/** One event: when and where, RSVP, and the ticket QR for those going; the check-in screen for organisers. */
export default function EventPage({ id }: { id: string }) {
  const event = useResource(`event-${id}`, (signal) => getEvent(id, signal));
  return (
    <section className="panel">
      <Loaded resource={event}>{(e) => <Details event={e} reload={event.reload} />}</Loaded>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { localized } from '../../../../shared/localized';
import { cancelBody, eventChange, type EventAnswer } from '../../../../shared/schemas/community-events';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field, numberOrNull, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { cancelEvent, editEvent, getEvent } from '../api/events';
import { instantOf, localInput } from './event-text';

/** The organiser's form: title (in the reader's language), times in the event's own zone, place, capacity. */
function EditForm({ event }: { event: EventAnswer }) {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const form = useFormState();
  const [title, setTitle] = useState(localized(event.title, locale) ?? '');
  const [starts, setStarts] = useState(localInput(event.startsAt, event.timeZone));
  const [ends, setEnds] = useState(localInput(event.endsAt, event.timeZone));
  const [address, setAddress] = useState(event.address);
  const [capacity, setCapacity] = useState(event.capacity === null ? '' : String(event.capacity));
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const calling = useFormState();
  const online = event.kind === 'online_meeting';
  const back = () => navigate(`/community/events/${event.id}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      title: { ...event.title, [locale]: title.trim() },
      startsAt: instantOf(starts, event.timeZone),
      endsAt: instantOf(ends, event.timeZone),
      ...(online ? {} : { address: address.trim() }),
      capacity: numberOrNull(capacity),
    };
    if (await form.submit(eventChange, body, async () => void (await editEvent(event.id, body)))) back();
  };
  const cancel = async () => {
    setAsking(false);
    if (await calling.submit(cancelBody, { reason }, async () => void (await cancelEvent(event.id, reason)))) back();
  };

  return (
    <>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('events.edit')}>
        <Field label={t('events.field.title')} name="event-title" error={form.errors.title}>
          {(f) => <input {...f} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field
          label={t('events.field.startsAt')}
          name="event-starts"
          hint={event.timeZone}
          error={form.errors.startsAt}
        >
          {(f) => <input {...f} type="datetime-local" value={starts} onChange={(e) => setStarts(e.target.value)} />}
        </Field>
        <Field label={t('events.field.endsAt')} name="event-ends" hint={event.timeZone} error={form.errors.endsAt}>
          {(f) => <input {...f} type="datetime-local" value={ends} onChange={(e) => setEnds(e.target.value)} />}
        </Field>
        {online ? null : (
          <Field label={t('events.field.address')} name="event-address" error={form.errors.address}>
            {(f) => <input {...f} value={address} onChange={(e) => setAddress(e.target.value)} />}
          </Field>
        )}
        <Field
          label={t('events.field.capacity')}
          name="event-capacity"
          hint={t('events.capacityHint')}
          error={form.errors.capacity}
        >
          {(f) => (
            <input
              {...f}
              type="number"
              inputMode="numeric"
              min={1}
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
            />
          )}
        </Field>
        <div className="inline wrap">
          <button type="submit" disabled={form.busy}>
            {t('events.save')}
          </button>
          <button type="button" className="secondary" onClick={back}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
      <h2>{t('events.callOff')}</h2>
      <p className="muted">{t('events.callOffHint')}</p>
      <Field label={t('events.field.reason')} name="event-reason" error={calling.errors.reason}>
        {(f) => <textarea {...f} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        {t('events.callOff')}
      </button>
      <ConfirmDialog
        request={
          asking
            ? {
                title: t('events.callOffQuestion'),
                body: <p>{t('events.callOffHint')}</p>,
                confirm: t('events.callOff'),
              }
            : null
        }
        onConfirm={() => void cancel()}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}

/** An organiser changes an event of their own or calls it off (a training session's changes in training). */
export default function EventEditPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const event = useResource(`event-${id}`, (signal) => getEvent(id, signal));
  return (
    <section className="panel">
      <Loaded resource={event}>
        {(e) => (
          <>
            <h1>{t('events.editTitle', { title: localized(e.title, locale) ?? '' })}</h1>
            {e.cancelled ? <p>{t('events.cancelled')}</p> : <EditForm event={e} />}
          </>
        )}
      </Loaded>
    </section>
  );
}

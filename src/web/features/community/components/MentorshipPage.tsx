import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import {
  declineBody,
  feedbackBody,
  followUpBody,
  sessionBody,
  SESSION_MODES,
  type MentoringSessionAnswer,
  type MentorshipAnswer,
} from '../../../../shared/schemas/community-mentoring';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import {
  acceptMentorship,
  addFollowUp,
  addSession,
  declineMentorship,
  getMentorship,
  giveFeedback,
  setFollowUpDone,
} from '../api/mentoring';

/** The mentor's answer to a waiting request: accept, or decline with a reason. */
function Decide({ mentorship, onDone }: { mentorship: MentorshipAnswer; onDone: () => void }) {
  const { t } = useI18n();
  const form = useFormState();
  const [reason, setReason] = useState('');
  const decline = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.submit(declineBody, { reason }, async () => void (await declineMentorship(mentorship.id, reason))))
      onDone();
  };
  return (
    <div className="card">
      <button type="button" onClick={() => void acceptMentorship(mentorship.id).then(onDone)}>
        {t('mentoring.accept')}
      </button>
      <form onSubmit={(e) => void decline(e)} noValidate aria-label={t('mentoring.decline')}>
        <Field label={t('mentoring.declineReason')} name="decline-reason" error={form.errors.reason}>
          {(f) => <input {...f} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" className="secondary" disabled={form.busy}>
          {t('mentoring.decline')}
        </button>
      </form>
    </div>
  );
}

function NewSession({ mentorshipId, onDone }: { mentorshipId: string; onDone: () => void }) {
  const { t } = useI18n();
  const form = useFormState();
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [mode, setMode] = useState<(typeof SESSION_MODES)[number]>('in_person');
  const [notes, setNotes] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { heldOn, mode, notes };
    if (await form.submit(sessionBody, body, async () => void (await addSession(mentorshipId, body)))) {
      setNotes('');
      onDone();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('mentoring.newSession')} className="card">
      <h3>{t('mentoring.newSession')}</h3>
      <Field label={t('mentoring.heldOn')} name="session-date" error={form.errors.heldOn}>
        {(f) => <input {...f} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />}
      </Field>
      <Field label={t('mentoring.mode')} name="session-mode" error={form.errors.mode}>
        {(f) => (
          <select {...f} value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
            {SESSION_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`mentoring.mode.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('mentoring.notes')}
        name="session-notes"
        error={form.errors.notes}
        hint={t('mentoring.notesHint')}
      >
        {(f) => <textarea {...f} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('mentoring.record')}
      </button>
    </form>
  );
}

function Feedback({ session, onDone }: { session: MentoringSessionAnswer; onDone: () => void }) {
  const { t } = useI18n();
  const form = useFormState();
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { rating, comment };
    if (await form.submit(feedbackBody, body, async () => void (await giveFeedback(session.id, body)))) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('mentoring.feedback')}>
      <Field label={t('mentoring.rating')} name={`rating-${session.id}`} error={form.errors.rating}>
        {(f) => (
          <select {...f} value={rating} onChange={(e) => setRating(Number(e.target.value))}>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {'★'.repeat(n)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('mentoring.comment')} name={`comment-${session.id}`} error={form.errors.comment}>
        {(f) => <input {...f} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('mentoring.sendFeedback')}
      </button>
    </form>
  );
}

function Session(props: { session: MentoringSessionAnswer; mentorship: MentorshipAnswer; onChanged: () => void }) {
  const { session, mentorship, onChanged } = props;
  const { t, locale } = useI18n();
  const form = useFormState();
  const [text, setText] = useState('');
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.submit(followUpBody, { text }, async () => void (await addFollowUp(session.id, text)))) {
      setText('');
      onChanged();
    }
  };
  return (
    <li className="card">
      <strong>{formatDate(session.heldOn, locale)}</strong> · {t(`mentoring.mode.${session.mode}`)}
      {session.notes ? <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{session.notes}</p> : null}
      <h4>{t('mentoring.followUps')}</h4>
      <ul className="stack">
        {session.followUps.map((f) => (
          <li key={f.id}>
            <label className="inline">
              <input
                type="checkbox"
                checked={f.done}
                disabled={!mentorship.abilities.record}
                onChange={(e) => void setFollowUpDone(session.id, f.id, e.target.checked).then(onChanged)}
              />{' '}
              {f.text}
            </label>
          </li>
        ))}
      </ul>
      {mentorship.abilities.record ? (
        <form onSubmit={(e) => void add(e)} noValidate aria-label={t('mentoring.addFollowUp')}>
          <Field label={t('mentoring.addFollowUp')} name={`follow-up-${session.id}`} error={form.errors.text}>
            {(f) => <input {...f} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <button type="submit" disabled={form.busy}>
            {t('mentoring.add')}
          </button>
        </form>
      ) : null}
      {session.feedback ? (
        <p className="muted">
          {t('mentoring.feedbackGiven', { stars: '★'.repeat(session.feedback.rating) })}
          {session.feedback.comment ? ` — ${session.feedback.comment}` : ''}
        </p>
      ) : mentorship.abilities.feedback ? (
        <Feedback session={session} onDone={onChanged} />
      ) : null}
    </li>
  );
}

/** One mentorship: the request, the mentor's answer, its sessions with notes, follow-ups and feedback. */
export default function MentorshipPage({ id }: { id: string }) {
  const { t } = useI18n();
  const mentorship = useResource(`mentorship-${id}`, (signal) => getMentorship(id, signal));
  return (
    <Loaded resource={mentorship}>
      {(m) => (
        <section className="panel">
          <p>
            <Link href="/mentoring">← {t('mentoring.title')}</Link>
          </p>
          <h1>{t('mentoring.with', { mentor: m.mentor.name, mentee: m.mentee.name })}</h1>
          <p className="muted">
            {t(`mentoring.topic.${m.topic}`)} · {t(`mentoring.status.${m.status}`)}
          </p>
          <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.message}</p>
          {m.declineReason ? <p role="note">{t('mentoring.declinedBecause', { reason: m.declineReason })}</p> : null}
          {m.abilities.decide ? <Decide mentorship={m} onDone={mentorship.reload} /> : null}
          <h2>{t('mentoring.sessions')}</h2>
          {m.sessions.length === 0 ? <p className="muted">{t('mentoring.noSessions')}</p> : null}
          <ul className="stack">
            {m.sessions.map((s) => (
              <Session key={s.id} session={s} mentorship={m} onChanged={mentorship.reload} />
            ))}
          </ul>
          {m.abilities.record ? <NewSession mentorshipId={m.id} onDone={mentorship.reload} /> : null}
        </section>
      )}
    </Loaded>
  );
}

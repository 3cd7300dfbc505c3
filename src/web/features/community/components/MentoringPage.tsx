import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import {
  mentorProfileBody,
  mentorshipRequestBody,
  type MentorAnswer,
} from '../../../../shared/schemas/community-mentoring';
import { POST_LANGUAGES, TOPIC_SPACES } from '../../../../shared/schemas/community-spaces';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { myCommunities } from '../api/spaces';
import { listMentors, listMentorships, myMentorProfile, requestMentoring, writeMentorProfile } from '../api/mentoring';

/** Ticks for a set of values (topics, languages), each labelled by its message. */
function Ticks<T extends string>(props: {
  legend: string;
  name: string;
  values: readonly T[];
  chosen: T[];
  label: (v: T) => string;
  onChange: (chosen: T[]) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset className="field">
      <legend>{props.legend}</legend>
      {props.values.map((v) => (
        <label key={v} className="inline">
          <input
            type="checkbox"
            name={props.name}
            checked={props.chosen.includes(v)}
            onChange={(e) =>
              props.onChange(e.target.checked ? [...props.chosen, v] : props.chosen.filter((c) => c !== v))
            }
          />{' '}
          {props.label(v)}
        </label>
      ))}
      {props.error ? (
        <small className="error" role="alert">
          {props.error}
        </small>
      ) : null}
    </fieldset>
  );
}

type Topic = (typeof TOPIC_SPACES)[number];
type Language = (typeof POST_LANGUAGES)[number];

/** A trainer's own mentor profile: topics, languages, when, and how many requests a month. */
function MentorProfile({ programId }: { programId: string }) {
  const mine = useResource(`mentor-me-${programId}`, (signal) => myMentorProfile(programId, signal));
  return (
    <Loaded resource={mine}>
      {({ mentor, mayMentor }) =>
        mayMentor ? <MentorProfileForm programId={programId} mentor={mentor} onSaved={mine.reload} /> : <></>
      }
    </Loaded>
  );
}

function MentorProfileForm(p: { programId: string; mentor: MentorAnswer | null; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useFormState();
  const [topics, setTopics] = useState<Topic[]>((p.mentor?.topics ?? []) as Topic[]);
  const [languages, setLanguages] = useState<Language[]>((p.mentor?.languages ?? ['id']) as Language[]);
  const [availability, setAvailability] = useState(p.mentor?.availability ?? '');
  const [capacity, setCapacity] = useState(String(p.mentor?.monthlyCapacity ?? 3));
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { topics, languages, availability, monthlyCapacity: Number(capacity), active: true };
    const ok = await form.submit(mentorProfileBody, body, async () => {
      await writeMentorProfile(p.programId, body);
    });
    setSaved(ok);
    if (ok) p.onSaved();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('mentoring.profile')} className="card">
      <h2>{t('mentoring.profile')}</h2>
      <p className="muted">{t('mentoring.profileHint')}</p>
      <Ticks
        legend={t('mentoring.topics')}
        name="mentor-topics"
        values={TOPIC_SPACES}
        chosen={topics}
        label={(v) => t(`mentoring.topic.${v}`)}
        onChange={setTopics}
        error={form.errors.topics}
      />
      <Ticks
        legend={t('mentoring.languages')}
        name="mentor-languages"
        values={POST_LANGUAGES}
        chosen={languages}
        label={(v) => t(`spaces.language.${v}`)}
        onChange={setLanguages}
        error={form.errors.languages}
      />
      <Field label={t('mentoring.availability')} name="mentor-availability" error={form.errors.availability}>
        {(f) => <input {...f} value={availability} onChange={(e) => setAvailability(e.target.value)} />}
      </Field>
      <Field label={t('mentoring.capacity')} name="mentor-capacity" error={form.errors.monthlyCapacity}>
        {(f) => (
          <input
            {...f}
            type="number"
            min={0}
            max={100}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('mentoring.saveProfile')}
      </button>{' '}
      {saved ? <span role="status">{t('mentoring.saved')}</span> : null}
    </form>
  );
}

/** One mentor, and a member's request to them on one of their topics. */
function MentorCard({ mentor, member, onAsked }: { mentor: MentorAnswer; member: boolean; onAsked: () => void }) {
  const { t } = useI18n();
  const form = useFormState();
  const [topic, setTopic] = useState(mentor.topics[0] ?? '');
  const [message, setMessage] = useState('');
  const [open, setOpen] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { topic, message };
    const ok = await form.submit(mentorshipRequestBody, body, async () => {
      await requestMentoring(mentor.id, body as { topic: Topic; message: string });
    });
    if (ok) {
      setOpen(false);
      onAsked();
    }
  };
  return (
    <li className="card" aria-label={mentor.user.name}>
      <strong>{mentor.user.name}</strong>
      <div className="muted">
        {mentor.topics.map((x) => t(`mentoring.topic.${x}`)).join(', ')} ·{' '}
        {mentor.languages.map((x) => t(`spaces.language.${x}`)).join(', ')}
      </div>
      {mentor.availability ? <p>{mentor.availability}</p> : null}
      <div className="muted">{t('mentoring.room', { count: mentor.monthlyCapacity - mentor.takenThisMonth })}</div>
      {member && !open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('mentoring.ask')}
        </button>
      ) : null}
      {open ? (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('mentoring.ask')}>
          <Field label={t('mentoring.topic')} name={`ask-topic-${mentor.id}`} error={form.errors.topic}>
            {(f) => (
              <select {...f} value={topic} onChange={(e) => setTopic(e.target.value)}>
                {mentor.topics.map((x) => (
                  <option key={x} value={x}>
                    {t(`mentoring.topic.${x}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('mentoring.message')} name={`ask-message-${mentor.id}`} error={form.errors.message}>
            {(f) => <textarea {...f} rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />}
          </Field>
          <button type="submit" disabled={form.busy}>
            {t('mentoring.send')}
          </button>
        </form>
      ) : null}
    </li>
  );
}

function Mentors({ programId, member }: { programId: string; member: boolean }) {
  const { t } = useI18n();
  const [topic, setTopic] = useState('');
  const mentors = useResource(`mentors-${programId}-${topic}`, (signal) =>
    listMentors(programId, topic || null, signal),
  );
  const mine = useResource(`mentorships-${programId}`, (signal) => listMentorships(programId, signal));
  return (
    <>
      <h2>{t('mentoring.mine')}</h2>
      <Loaded resource={mine}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t('mentoring.none')}</p>
          ) : (
            <ul className="stack">
              {items.map((m) => (
                <li key={m.id} className="card">
                  <Link href={`/mentoring/${m.id}`}>
                    <strong>{m.side === 'mentor' ? m.mentee.name : m.mentor.name}</strong>
                  </Link>
                  <div className="muted">
                    {t(`mentoring.topic.${m.topic}`)} · {t(`mentoring.status.${m.status}`)} ·{' '}
                    {t('mentoring.sessionCount', { count: m.sessions.length })}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <h2>{t('mentoring.mentors')}</h2>
      <div className="field">
        <label htmlFor="mentors-topic">{t('mentoring.topic')}</label>
        <select id="mentors-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
          <option value="">{t('mentoring.anyTopic')}</option>
          {TOPIC_SPACES.map((x) => (
            <option key={x} value={x}>
              {t(`mentoring.topic.${x}`)}
            </option>
          ))}
        </select>
      </div>
      <Loaded resource={mentors}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t('mentoring.noMentors')}</p>
          ) : (
            <ul className="stack">
              {items.map((m) => (
                <MentorCard
                  key={m.id}
                  mentor={m}
                  member={member}
                  onAsked={() => {
                    mine.reload();
                    mentors.reload();
                  }}
                />
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}

/** "Mentoring": the caller's mentorships, the mentors to ask (members), and a trainer's own profile. */
export default function MentoringPage() {
  const { t } = useI18n();
  const communities = useResource('community-mine', myCommunities);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <section className="panel">
      <h1>{t('mentoring.title')}</h1>
      <Loaded resource={communities}>
        {({ items }) => {
          if (items.length === 0) return <p className="muted">{t('spaces.notMember')}</p>;
          const community = items.find((c) => c.programId === chosen) ?? items[0]!;
          return (
            <>
              {items.length > 1 ? (
                <div className="field">
                  <label htmlFor="mentoring-program">{t('spaces.program')}</label>
                  <select
                    id="mentoring-program"
                    value={community.programId}
                    onChange={(e) => setChosen(e.target.value)}
                  >
                    {items.map((c) => (
                      <option key={c.programId} value={c.programId}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <MentorProfile key={`p-${community.programId}`} programId={community.programId} />
              <Mentors key={community.programId} programId={community.programId} member={community.member} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

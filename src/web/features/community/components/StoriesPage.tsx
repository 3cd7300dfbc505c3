import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { storyBody, type StoryAnswer } from '../../../../shared/schemas/community-stories';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { localized } from '../../../../shared/localized';
import { listGroups } from '../../registry';
import { draftStory, listStories } from '../api/stories';
import { usePrograms } from '../../programs';

/** A new story: the group it tells of, and its title and first text in the interface's language. */
function NewStory({ programId }: { programId: string }) {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const groups = useResource(`story-groups-${programId}`, (signal) => listGroups({ programId }, undefined, signal));
  const form = useFormState();
  const [groupId, setGroupId] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = { groupId, title: { [locale]: title }, body: { [locale]: body } };
    let created: StoryAnswer | null = null;
    const ok = await form.submit(storyBody, value, async () => {
      created = await draftStory(value as Parameters<typeof draftStory>[0]);
    });
    if (ok && created) navigate(`/stories/${(created as StoryAnswer).id}`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('stories.new')} className="card">
      <h2>{t('stories.new')}</h2>
      <Loaded resource={groups}>
        {({ items }) => (
          <Field label={t('stories.group')} name="story-group" error={form.errors.groupId}>
            {(f) => (
              <select {...f} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
                <option value="">—</option>
                {items.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </Loaded>
      <Field label={t('stories.title')} name="story-title" error={form.errors.title ?? form.errors[`title.${locale}`]}>
        {(f) => <input {...f} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('stories.body')} name="story-body" error={form.errors.body ?? form.errors[`body.${locale}`]}>
        {(f) => <textarea {...f} rows={6} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('stories.draft')}
      </button>
    </form>
  );
}

function Stories({ programId }: { programId: string }) {
  const { t, locale } = useI18n();
  const stories = useResource(`stories-${programId}`, (signal) => listStories(programId, null, signal));
  return (
    <>
      <p>
        <a href={`/stories?program=${programId}`}>{t('stories.publicList')}</a>
      </p>
      <Loaded resource={stories}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t('stories.none')}</p>
          ) : (
            <ul className="stack">
              {items.map((s) => (
                <li key={s.id} className="card">
                  <Link href={`/stories/${s.id}`}>
                    <strong>{localized(s.title, locale)}</strong>
                  </Link>
                  <div className="muted">
                    {s.group.name} · {t(`stories.status.${s.status}`)}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <NewStory programId={programId} />
    </>
  );
}

/** "Success stories": the stories the caller drafts or reviews in the program they work in, and a new draft. */
export default function StoriesPage() {
  const { t } = useI18n();
  const { program } = usePrograms();
  return (
    <section className="panel">
      <h1>{t('stories.heading')}</h1>
      {program ? <Stories key={program.id} programId={program.id} /> : <p className="muted">{t('stories.none')}</p>}
    </section>
  );
}

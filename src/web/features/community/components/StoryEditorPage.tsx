import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { sendBackBody, storyPatch, type StoryAnswer } from '../../../../shared/schemas/community-stories';
import { UI_LOCALES } from '../../../../shared/locales';
import { ConflictNotice, Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { editStory, getStory, moveStory, uploadStoryPhoto } from '../api/stories';
import { StoryFacts } from './StoryFacts';

const onlyFilled = (texts: Record<string, string>) =>
  Object.fromEntries(Object.entries(texts).filter(([, v]) => v.trim() !== ''));

/** The texts in id/en/ja, a photo, and submitting for review: what a draft's authors do. */
function Editor({ story, onChanged }: { story: StoryAnswer; onChanged: () => void }) {
  const { t } = useI18n();
  const form = useFormState<StoryAnswer>();
  const [title, setTitle] = useState<Record<string, string>>({ ...story.title });
  const [body, setBody] = useState<Record<string, string>>({ ...story.body });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const value = { version: story.version, title: onlyFilled(title), body: onlyFilled(body) };
    if (await form.submit(storyPatch, value, async () => void (await editStory(story.id, value)))) onChanged();
  };
  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-label={t('stories.edit')}>
      {form.conflict ? (
        <ConflictNotice
          version={form.conflict.version}
          onReload={() => {
            form.clearConflict();
            onChanged();
          }}
        />
      ) : null}
      {UI_LOCALES.map((l) => (
        <fieldset key={l} className="card">
          <legend>{t(`spaces.language.${l}`)}</legend>
          <Field label={t('stories.title')} name={`title-${l}`} error={form.errors[`title.${l}`] ?? form.errors.title}>
            {(f) => (
              <input
                {...f}
                lang={l}
                value={title[l] ?? ''}
                onChange={(e) => setTitle({ ...title, [l]: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('stories.body')} name={`body-${l}`} error={form.errors[`body.${l}`] ?? form.errors.body}>
            {(f) => (
              <textarea
                {...f}
                lang={l}
                rows={8}
                value={body[l] ?? ''}
                onChange={(e) => setBody({ ...body, [l]: e.target.value })}
              />
            )}
          </Field>
        </fieldset>
      ))}
      <button type="submit" disabled={form.busy}>
        {t('stories.save')}
      </button>
      <div className="field">
        <label htmlFor="story-photo">{t('stories.addPhoto')}</label>
        <input
          id="story-photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void uploadStoryPhoto(story.id, file).then(onChanged);
          }}
        />
      </div>
      <button type="button" className="secondary" onClick={() => void moveStory(story.id, 'submit').then(onChanged)}>
        {t('stories.submit')}
      </button>
    </form>
  );
}

/** A reviewer's choice on a submitted story: publish, or send it back with a comment. */
function Review({ story, onChanged }: { story: StoryAnswer; onChanged: () => void }) {
  const { t } = useI18n();
  const form = useFormState();
  const [comment, setComment] = useState('');
  const sendBack = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await form.submit(sendBackBody, { comment }, async () => void (await moveStory(story.id, 'send-back', comment)))
    )
      onChanged();
  };
  return (
    <div className="card">
      <button type="button" onClick={() => void moveStory(story.id, 'publish').then(onChanged)}>
        {t('stories.publish')}
      </button>
      <form onSubmit={(e) => void sendBack(e)} noValidate aria-label={t('stories.sendBack')}>
        <Field label={t('stories.comment')} name="review-comment" error={form.errors.comment}>
          {(f) => <textarea {...f} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
        </Field>
        <button type="submit" className="secondary" disabled={form.busy}>
          {t('stories.sendBack')}
        </button>
      </form>
    </div>
  );
}

/** A story for its authors and reviewers: edit a draft, review a submitted one, see a published one's page. */
export default function StoryEditorPage({ id }: { id: string }) {
  const { t } = useI18n();
  const story = useResource(`story-${id}`, (signal) => getStory(id, signal));
  return (
    <Loaded resource={story}>
      {(s) => (
        <section className="panel">
          <p>
            <Link href="/stories">← {t('stories.heading')}</Link>
          </p>
          <h1>{s.group.name}</h1>
          <p className="muted">{t(`stories.status.${s.status}`)}</p>
          {s.reviewComment ? <p role="note">{t('stories.returned', { comment: s.reviewComment })}</p> : null}
          {s.status === 'published' ? (
            <p>
              <a href={`/stories/${s.id}`}>{t('stories.publicPage')}</a>
            </p>
          ) : null}
          {s.photos.length ? (
            <ul className="thumbs" aria-label={t('stories.photos')}>
              {s.photos.map((p) => (
                <li key={p.id}>
                  <img src={p.thumbnailUrl} alt="" loading="lazy" />
                </li>
              ))}
            </ul>
          ) : null}
          <StoryFacts story={s} />
          {s.status === 'draft' && s.abilities.draft ? (
            <Editor key={s.version} story={s} onChanged={story.reload} />
          ) : null}
          {s.status === 'submitted' && s.abilities.review ? <Review story={s} onChanged={story.reload} /> : null}
        </section>
      )}
    </Loaded>
  );
}

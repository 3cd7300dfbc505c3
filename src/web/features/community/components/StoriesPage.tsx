import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { storyBody, type StoryAnswer } from '../../../../shared/schemas/community-stories';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { localized } from '../../../../shared/localized';
import { listGroups } from '../../registry';
import { draftStory, listStories, listStoryTemplates } from '../api/stories';
import { usePrograms } from '../../programs';
import { StoryTemplatesPanel, TemplatePrompts, templateBody } from './StoryTemplates';
import type { StoryTemplateList } from '../../../../shared/schemas/community-stories';
import type { Resource } from '../../../lib/use-resource';

/**
 * A new story: the group it tells of, and its title and first text in the interface's language; a
 * template of the program, when chosen, writes its sections' headings into the text and shows what
 * to tell under each.
 */
function NewStory({ programId, templates }: { programId: string; templates: Resource<StoryTemplateList> }) {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const groups = useResource(`story-groups-${programId}`, (signal) => listGroups({ programId }, undefined, signal));
  const form = useFormState();
  const [groupId, setGroupId] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [templateId, setTemplateId] = useState('');
  const template = templates.data?.items.find((x) => x.id === templateId);
  const chooseTemplate = (id: string) => {
    const chosen = templates.data?.items.find((x) => x.id === id);
    // The headings replace the text only while it is empty or still another template's headings.
    const previous = template ? templateBody(template.definition, locale) : '';
    if (chosen && (body.trim() === '' || body === previous)) setBody(templateBody(chosen.definition, locale));
    setTemplateId(id);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = {
      groupId,
      title: { [locale]: title },
      body: { [locale]: body },
      ...(templateId ? { templateId } : {}),
    };
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
      {templates.data?.items.length ? (
        <Field label={t('storyTemplates.startFrom')} name="story-template" error={form.errors.templateId}>
          {(f) => (
            <select {...f} value={templateId} onChange={(e) => chooseTemplate(e.target.value)}>
              <option value="">{t('storyTemplates.noTemplate')}</option>
              {templates.data!.items.map((x) => (
                <option key={x.id} value={x.id}>
                  {localized(x.definition.title, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('stories.title')} name="story-title" error={form.errors.title ?? form.errors[`title.${locale}`]}>
        {(f) => <input {...f} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('stories.body')} name="story-body" error={form.errors.body ?? form.errors[`body.${locale}`]}>
        {(f) => <textarea {...f} rows={6} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      {template ? <TemplatePrompts template={template} /> : null}
      <button type="submit" disabled={form.busy}>
        {t('stories.draft')}
      </button>
    </form>
  );
}

function Stories({ programId }: { programId: string }) {
  const { t, locale } = useI18n();
  const stories = useResource(`stories-${programId}`, (signal) => listStories(programId, null, signal));
  const templates = useResource(`story-templates-${programId}`, (signal) => listStoryTemplates(programId, signal));
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
      <NewStory programId={programId} templates={templates} />
      <StoryTemplatesPanel programId={programId} templates={templates} />
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

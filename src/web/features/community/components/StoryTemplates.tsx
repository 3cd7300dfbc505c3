import { useState, type ChangeEvent, type FormEvent } from 'react';
import { z } from 'zod';
import {
  storyTemplateBody,
  type StoryTemplateAnswer,
  type StoryTemplateDefinition,
  type StoryTemplateList,
} from '../../../../shared/schemas/community-stories';
import { localized } from '../../../../shared/localized';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import type { Resource } from '../../../lib/use-resource';
import { createStoryTemplate, importStoryTemplate, storyTemplateFileUrl } from '../api/stories';

/** What a story made from the template starts with: each section's heading, a blank line under it. */
export const templateBody = (definition: StoryTemplateDefinition, locale: string) =>
  definition.sections.map((s) => `## ${localized(s.heading, locale)}\n\n`).join('');

/** The sections' prompts, under the story's text: what to tell in each part. */
export function TemplatePrompts({ template }: { template: StoryTemplateAnswer }) {
  const { t, locale } = useI18n();
  return (
    <div className="muted small" aria-label={t('storyTemplates.prompts')}>
      <p>{t('storyTemplates.prompts')}</p>
      <ol>
        {template.definition.sections.map((s, i) => (
          <li key={i}>
            <strong>{localized(s.heading, locale)}</strong> — {localized(s.prompt, locale)}
          </li>
        ))}
      </ol>
    </div>
  );
}

const blankSection = { heading: '', prompt: '' };

/** A new template in the interface's language: its title and its sections, each a heading and a prompt. */
function NewTemplate({ programId, onMade }: { programId: string; onMade: () => void }) {
  const { t, locale } = useI18n();
  const form = useFormState();
  const [title, setTitle] = useState('');
  const [sections, setSections] = useState([blankSection]);
  const set = (i: number, key: keyof typeof blankSection, value: string) =>
    setSections((all) => all.map((s, j) => (j === i ? { ...s, [key]: value } : s)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const definition = {
      title: title ? { [locale]: title } : {},
      sections: sections.map((s) => ({
        heading: s.heading ? { [locale]: s.heading } : {},
        prompt: s.prompt ? { [locale]: s.prompt } : {},
      })),
    };
    const ok = await form.submit(storyTemplateBody, { definition }, async () => {
      await createStoryTemplate(programId, definition as StoryTemplateDefinition);
    });
    if (ok) {
      setTitle('');
      setSections([blankSection]);
      onMade();
    }
  };
  const error = (path: string) => form.errors[`definition.${path}`] ?? form.errors[`definition.${path}.${locale}`];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('storyTemplates.new')} className="card">
      <h3>{t('storyTemplates.new')}</h3>
      <Field label={t('storyTemplates.title')} name="template-title" error={error('title')}>
        {(f) => <input {...f} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      {sections.map((s, i) => (
        <fieldset key={i}>
          <legend>{t('storyTemplates.section', { n: i + 1 })}</legend>
          <Field
            label={t('storyTemplates.sectionHeading')}
            name={`template-heading-${i}`}
            error={error(`sections.${i}.heading`)}
          >
            {(f) => <input {...f} value={s.heading} onChange={(e) => set(i, 'heading', e.target.value)} />}
          </Field>
          <Field label={t('storyTemplates.prompt')} name={`template-prompt-${i}`} error={error(`sections.${i}.prompt`)}>
            {(f) => <textarea {...f} rows={2} value={s.prompt} onChange={(e) => set(i, 'prompt', e.target.value)} />}
          </Field>
        </fieldset>
      ))}
      {error('sections') ? <p className="error">{error('sections')}</p> : null}
      <p className="actions">
        <button
          type="button"
          disabled={sections.length >= 12}
          onClick={() => setSections((all) => [...all, blankSection])}
        >
          {t('storyTemplates.addSection')}
        </button>
        <button type="submit" disabled={form.busy}>
          {t('storyTemplates.create')}
        </button>
      </p>
    </form>
  );
}

/** A template file chosen on the phone or computer, taken into the program as a new template. */
function ImportTemplate({ programId, onMade }: { programId: string; onMade: () => void }) {
  const { t } = useI18n();
  const form = useFormState();
  const [done, setDone] = useState<string | null>(null);
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setDone(null);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      json = null;
    }
    let missing = 0;
    const ok = await form.submit(z.unknown(), json, async () => {
      missing = (await importStoryTemplate(programId, json)).missingLocales.length;
    });
    if (ok) {
      setDone(missing ? t('storyTemplates.importedMissing', { n: missing }) : t('storyTemplates.imported'));
      onMade();
    }
  };
  const errors = Object.entries(form.errors);
  return (
    <div className="card">
      <Field label={t('storyTemplates.importFile')} name="template-file">
        {(f) => <input {...f} type="file" accept="application/json,.json" onChange={(e) => void choose(e)} />}
      </Field>
      {errors.length ? (
        <ul className="error" role="alert">
          {errors.map(([path, text]) => (
            <li key={path}>
              {path}: {text}
            </li>
          ))}
        </ul>
      ) : null}
      {done ? <p role="status">{done}</p> : null}
    </div>
  );
}

/** The program's story templates; its manager also makes them, downloads them as files and takes files in. */
export function StoryTemplatesPanel({
  programId,
  templates,
}: {
  programId: string;
  templates: Resource<StoryTemplateList>;
}) {
  const { t, locale } = useI18n();
  // Those who may not read the program's templates (a group member) see no part of them.
  if (templates.error) return null;
  return (
    <section aria-labelledby="story-templates">
      <h2 id="story-templates">{t('storyTemplates.heading')}</h2>
      <Loaded resource={templates}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t('storyTemplates.none')}</p>
          ) : (
            <ul className="stack">
              {items.map((x) => (
                <li key={x.id} className="card">
                  <strong>{localized(x.definition.title, locale)}</strong>
                  <div className="muted">{t('storyTemplates.sections', { n: x.definition.sections.length })}</div>
                  {x.abilities.manage ? (
                    <a href={storyTemplateFileUrl(x.id)} download>
                      {t('storyTemplates.download')}
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {templates.data?.abilities.manage ? (
        <>
          <NewTemplate programId={programId} onMade={templates.reload} />
          <ImportTemplate programId={programId} onMade={templates.reload} />
        </>
      ) : null}
    </section>
  );
}

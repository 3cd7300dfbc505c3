import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { createSchemeBody } from '../../../../shared/schemas/quality';
import { usePrograms } from '../../programs';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { createScheme, listSchemes } from '../api/schemes';
import { AssessorTiersSection } from './AssessorTiersSection';
import { useText } from './SchemeView';

/** Copies a shipped template into the program, then opens the copy in the editor. */
function NewSchemeForm({ programId }: { programId: string }) {
  const { t } = useI18n();
  const text = useText();
  const [, navigate] = useLocation();
  const templates = useResource('scheme-templates', (signal) => listSchemes({ templates: 'true' }, signal));
  const [templateId, setTemplateId] = useState('');
  const form = useFormState();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { id: crypto.randomUUID(), programId, templateId };
    await form.submit(createSchemeBody, body, async () => navigate(`/schemes/${(await createScheme(body)).id}`));
  };
  const chosen = templates.data?.items.find((s) => s.id === templateId);
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('schemes.new')}>
      <h2>{t('schemes.new')}</h2>
      <Field
        label={t('schemes.template')}
        name="template"
        error={form.errors.templateId ?? form.errors.definition ?? form.errors.programId}
      >
        {(p) => (
          <select {...p} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            <option value="">{t('form.choose')}</option>
            {templates.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {text(s.definition.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen?.definition.description ? <p className="muted small">{text(chosen.definition.description)}</p> : null}
      <button type="submit" disabled={!templateId || form.busy}>
        {t('schemes.copy')}
      </button>
    </form>
  );
}

/** The program's rating schemes (latest versions), a new one from a template, and the assessors' panel tiers. */
export default function SchemesPage() {
  const { t } = useI18n();
  const text = useText();
  const { program } = usePrograms();
  const schemes = useResource(program ? `schemes-${program.id}` : null, (signal) =>
    listSchemes({ programId: program!.id }, signal),
  );
  if (!program) return <p className="muted">{t('home.noProgram')}</p>;
  return (
    <>
      <h1>{t('schemes.title')}</h1>
      <section className="panel" aria-labelledby="schemes-list">
        <h2 id="schemes-list">{program.name}</h2>
        <Loaded resource={schemes}>
          {({ items }) =>
            items.length === 0 ? (
              <p className="muted">{t('schemes.none')}</p>
            ) : (
              <ul className="rows" aria-label={t('schemes.title')}>
                {items.map((s) => (
                  <li key={s.id}>
                    <Link href={`/schemes/${s.id}`} className="row-button">
                      <span>{text(s.definition.name)}</span>
                      <span className="muted small">{t('editor.version', { version: s.version })}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      {schemes.data?.abilities?.updateSchemes ? <NewSchemeForm programId={program.id} /> : null}
      <AssessorTiersSection programId={program.id} />
    </>
  );
}

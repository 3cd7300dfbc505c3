import type { FormEvent } from 'react';
import { createProgramBody, patchProgramBody, type ProgramAnswer } from '../../../../shared/schemas/programs';
import { ConflictNotice, Field, firstUnder, useFormState } from '../../../components/form';
import { useDraft } from '../../../components/use-draft';
import { useI18n } from '../../../i18n/i18n';
import { createProgram, patchProgram } from '../api/programs';

/** Categories as lines "code | Indonesian | English | Japanese". */
const categoriesText = (p: ProgramAnswer | null) =>
  (p?.categories ?? []).map((c) => [c.code, c.name.id ?? '', c.name.en ?? '', c.name.ja ?? ''].join(' | ')).join('\n');

function parseCategories(text: string) {
  return text
    .split('\n')
    .map((line) => line.split('|').map((s) => s.trim()))
    .filter((cells) => cells.some(Boolean))
    .map(([code = '', id = '', en = '', ja = '']) => ({
      code,
      name: Object.fromEntries(
        [
          ['id', id],
          ['en', en],
          ['ja', ja],
        ].filter(([, v]) => v),
      ),
    }));
}

const draftOf = (p: ProgramAnswer | null) => ({
  code: p?.code ?? '',
  name: p?.name ?? '',
  country: p?.country ?? 'ID',
  currency: p?.currency ?? 'IDR',
  locales: (p?.locales ?? ['id', 'en', 'ja']).join(', '),
  startedOn: p?.startedOn ?? '',
  categories: categoriesText(p),
  memberMinAge: String(p?.memberMinAge ?? 15),
});

export function ProgramForm({
  program,
  onSaved,
}: {
  program: ProgramAnswer | null;
  onSaved: (p: ProgramAnswer) => void;
}) {
  const { t } = useI18n();
  const { draft, set, base, setBase, reset } = useDraft(program, draftOf);
  const form = useFormState<ProgramAnswer>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      name: draft.name,
      country: draft.country.trim(),
      currency: draft.currency.trim(),
      locales: draft.locales
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      startedOn: draft.startedOn,
      categories: parseCategories(draft.categories),
      memberMinAge: draft.memberMinAge.trim() === '' ? undefined : Number(draft.memberMinAge),
    };
    if (base) {
      const body = { version: base.version, ...fields };
      await form.submit(patchProgramBody, body, async () => {
        const saved = await patchProgram(base.id, body);
        setBase(saved);
        onSaved(saved);
      });
    } else {
      const body = { id: crypto.randomUUID(), code: draft.code.trim(), ...fields };
      await form.submit(createProgramBody, body, async () => onSaved(await createProgram(body)));
    }
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('programs.form')}>
      {form.conflict ? (
        <ConflictNotice
          version={form.conflict.version}
          onReload={() => {
            reset(form.conflict);
            form.clearConflict();
          }}
        />
      ) : null}
      {!base ? (
        <Field label={t('programs.code')} name="code" hint="OVOP-BALI" error={form.errors.code}>
          {(p) => <input {...p} value={draft.code} onChange={set('code')} />}
        </Field>
      ) : null}
      <Field label={t('programs.name')} name="p-name" error={form.errors.name}>
        {(p) => <input {...p} value={draft.name} onChange={set('name')} />}
      </Field>
      <Field label={t('programs.country')} name="country" error={form.errors.country}>
        {(p) => <input {...p} value={draft.country} onChange={set('country')} maxLength={2} />}
      </Field>
      <Field label={t('programs.currency')} name="currency" error={form.errors.currency}>
        {(p) => <input {...p} value={draft.currency} onChange={set('currency')} maxLength={3} />}
      </Field>
      <Field
        label={t('programs.locales')}
        name="locales"
        hint={t('villages.potentialsHint')}
        error={firstUnder(form.errors, 'locales')}
      >
        {(p) => <input {...p} value={draft.locales} onChange={set('locales')} />}
      </Field>
      <Field label={t('programs.startedOn')} name="startedOn" error={form.errors.startedOn}>
        {(p) => <input {...p} type="date" value={draft.startedOn} onChange={set('startedOn')} />}
      </Field>
      <Field
        label={t('programs.categories')}
        name="categories"
        hint={t('programs.categoriesHint')}
        error={firstUnder(form.errors, 'categories')}
      >
        {(p) => <textarea {...p} rows={4} value={draft.categories} onChange={set('categories')} />}
      </Field>
      <Field
        label={t('programs.memberMinAge')}
        name="memberMinAge"
        hint={t('programs.memberMinAgeHint')}
        error={form.errors.memberMinAge}
      >
        {(p) => <input {...p} inputMode="numeric" value={draft.memberMinAge} onChange={set('memberMinAge')} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {base ? t('action.save') : t('programs.create')}
      </button>
    </form>
  );
}

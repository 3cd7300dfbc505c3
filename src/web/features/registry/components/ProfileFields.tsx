import { Field, numberOrNull, orNull, type Errors } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import type { VillageAnswer } from '../../../../shared/schemas/registry';

export interface ProfileDraft {
  population: string;
  households: string;
  potentials: string;
  notes: string;
}

export const profileDraft = (p: VillageAnswer['profile']): ProfileDraft => ({
  population: p.population?.toString() ?? '',
  households: p.households?.toString() ?? '',
  potentials: p.potentials.join(', '),
  notes: p.notes ?? '',
});

export const profileBody = (d: ProfileDraft) => ({
  population: numberOrNull(d.population),
  households: numberOrNull(d.households),
  potentials: d.potentials
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  notes: orNull(d.notes),
});

export function ProfileFields(props: { value: ProfileDraft; onChange: (d: ProfileDraft) => void; errors: Errors }) {
  const { t } = useI18n();
  const { value, onChange, errors } = props;
  const set = (key: keyof ProfileDraft) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  return (
    <>
      <Field label={t('villages.population')} name="population" error={errors['profile.population']}>
        {(p) => <input {...p} inputMode="numeric" value={value.population} onChange={set('population')} />}
      </Field>
      <Field label={t('villages.households')} name="households" error={errors['profile.households']}>
        {(p) => <input {...p} inputMode="numeric" value={value.households} onChange={set('households')} />}
      </Field>
      <Field
        label={t('villages.potentials')}
        name="potentials"
        hint={t('villages.potentialsHint')}
        error={errors['profile.potentials']}
      >
        {(p) => <input {...p} value={value.potentials} onChange={set('potentials')} />}
      </Field>
      <Field label={t('villages.notes')} name="notes" error={errors['profile.notes']}>
        {(p) => <textarea {...p} rows={3} value={value.notes} onChange={set('notes')} />}
      </Field>
    </>
  );
}

import { useState, type FormEvent } from 'react';
import {
  PROFILE_FIELDS,
  profileBody,
  type MyProfileAnswer,
  type ProfileField,
} from '../../../../shared/schemas/community-profiles';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { getMyProfile, writeMyProfile } from '../api/profiles';

/** What each field holds, as she sees it beside its switch (empty ones say so). */
function valueOf(p: MyProfileAnswer, field: ProfileField): string {
  if (field === 'group') return p.group?.name ?? '';
  if (field === 'offers') return p.offers;
  return p[field] ?? '';
}

function Settings({ profile }: { profile: MyProfileAnswer }) {
  const { t } = useI18n();
  const form = useFormState();
  const [offers, setOffers] = useState(profile.offers);
  const [on, setOn] = useState(profile.public);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { offers, public: on };
    setSaved(await form.submit(profileBody, body, async () => void (await writeMyProfile(profile.programId, body))));
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('profile.title')}>
      <p className="muted">{t('profile.hint', { name: profile.name, village: profile.area.name })}</p>
      <Field label={t('profile.offers')} name="profile-offers" error={form.errors.offers}>
        {(f) => <textarea {...f} rows={3} value={offers} onChange={(e) => setOffers(e.target.value)} />}
      </Field>
      <fieldset>
        <legend>{t('profile.public')}</legend>
        {PROFILE_FIELDS.map((field) => {
          const value = field === 'offers' ? offers : valueOf(profile, field);
          return (
            <label key={field} className="check">
              <input
                type="checkbox"
                checked={on[field]}
                onChange={(e) => setOn({ ...on, [field]: e.target.checked })}
              />
              <span>
                {t(`profile.field.${field}`)}
                <span className="muted"> — {value || t('profile.empty')}</span>
              </span>
            </label>
          );
        })}
      </fieldset>
      <button type="submit" disabled={form.busy}>
        {t('profile.save')}
      </button>{' '}
      {saved ? <span role="status">{t('profile.saved')}</span> : null}
      <p>
        <a href={`/people/${profile.id}`}>{t('profile.view')}</a>
      </p>
    </form>
  );
}

/** A member's profile settings: what she offers, and which of her fields her public page shows. */
export default function ProfileSettingsPage({ programId }: { programId: string }) {
  const { t } = useI18n();
  const profile = useResource(`my-profile-${programId}`, (signal) => getMyProfile(programId, signal));
  return (
    <section className="panel">
      <h1>{t('profile.title')}</h1>
      <Loaded resource={profile}>{(p) => <Settings profile={p} />}</Loaded>
    </section>
  );
}

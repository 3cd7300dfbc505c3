import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { patchVillageBody } from '../../../../shared/schemas/registry';
import { ConflictNotice, useFormState } from '../../../components/form';
import { NotFound } from '../../../components/NotFound';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import type { Village } from '../api/registry.types';
import { getVillage, patchVillage } from '../api/villages';
import { ProfileFields, profileBody, profileDraft, type ProfileDraft } from './ProfileFields';

export default function VillagePage({ id }: { id: string }) {
  const { t } = useI18n();
  const village = useResource(id, (signal) => getVillage(id, signal));
  const [record, setRecord] = useState<Village | null>(null);
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useFormState<Village>();
  useEffect(() => {
    if (village.data) {
      setRecord(village.data);
      setDraft(profileDraft(village.data.profile));
    }
  }, [village.data]);

  if (village.error)
    return village.error.status === 404 || village.error.status === 400 ? (
      <NotFound />
    ) : (
      <p role="alert">{t('error.load')}</p>
    );
  if (!record || !draft) return <p role="status">{t('state.loading')}</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = { version: record.version, profile: profileBody(draft) };
    const ok = await form.submit(patchVillageBody, body, async () => setRecord(await patchVillage(id, body)));
    setSaved(ok);
  };
  return (
    <>
      <h1>{record.area.name}</h1>
      <p className="muted">{record.areaCode}</p>
      <p>
        <Link href={`/groups/new?village=${record.id}`}>{t('groups.new')}</Link>
      </p>
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{t('villages.profile')}</h2>
        {form.conflict ? (
          <ConflictNotice
            version={form.conflict.version}
            onReload={() => {
              setRecord(form.conflict);
              setDraft(profileDraft(form.conflict!.profile));
              form.clearConflict();
            }}
          />
        ) : null}
        <ProfileFields value={draft} onChange={setDraft} errors={form.errors} />
        <button type="submit" disabled={form.busy}>
          {t('action.save')}
        </button>
        {saved ? <p role="status">{t('form.saved')}</p> : null}
      </form>
    </>
  );
}

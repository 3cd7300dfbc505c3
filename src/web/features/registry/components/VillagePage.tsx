import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { patchVillageBody, type VillageAnswer } from '../../../../shared/schemas/registry';
import { ConflictNotice, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { getVillage, patchVillage } from '../api/villages';
import { ProfileFields, profileBody, profileDraft, type ProfileDraft } from './ProfileFields';

/** A village's page: its area, and its profile (to edit, for those who may). */
export default function VillagePage({ id }: { id: string }) {
  const village = useResource(id, (signal) => getVillage(id, signal));
  return <Loaded resource={village}>{(loaded) => <VillageProfile key={loaded.id} village={loaded} />}</Loaded>;
}

function VillageProfile({ village }: { village: VillageAnswer }) {
  const { t } = useI18n();
  const [record, setRecord] = useState(village);
  const [draft, setDraft] = useState<ProfileDraft>(() => profileDraft(village.profile));
  const [saved, setSaved] = useState(false);
  const form = useFormState<VillageAnswer>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = { version: record.version, profile: profileBody(draft) };
    const ok = await form.submit(patchVillageBody, body, async () => setRecord(await patchVillage(record.id, body)));
    setSaved(ok);
  };
  return (
    <>
      <h1>{record.area.name}</h1>
      <p className="muted">{record.areaCode}</p>
      {record.abilities.registerGroup ? (
        <p>
          <Link href={`/groups/new?village=${record.id}`}>{t('groups.new')}</Link>
        </p>
      ) : null}
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{t('villages.profile')}</h2>
        {form.conflict ? (
          <ConflictNotice
            version={form.conflict.version}
            onReload={() => {
              setRecord(form.conflict!);
              setDraft(profileDraft(form.conflict!.profile));
              form.clearConflict();
            }}
          />
        ) : null}
        <fieldset className="plain" disabled={!record.abilities.update}>
          <ProfileFields value={draft} onChange={setDraft} errors={form.errors} />
        </fieldset>
        {record.abilities.update ? (
          <button type="submit" disabled={form.busy}>
            {t('action.save')}
          </button>
        ) : null}
        {saved ? <p role="status">{t('form.saved')}</p> : null}
      </form>
    </>
  );
}

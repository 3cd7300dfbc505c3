import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { createVillageBody } from '../../../../shared/schemas/registry';
import { usePrograms } from '../../programs';
import { AreaPicker } from '../../geography';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { usePagedList } from '../../../lib/use-resource';
import { enrolVillage, listVillages } from '../api/villages';
import { ProfileFields, profileBody, type ProfileDraft } from './ProfileFields';

function EnrolForm({ programId }: { programId: string }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [areaCode, setAreaCode] = useState('');
  const [profile, setProfile] = useState<ProfileDraft>({ population: '', households: '', potentials: '', notes: '' });
  const form = useFormState();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { id: crypto.randomUUID(), programId, areaCode, profile: profileBody(profile) };
    let id = '';
    const ok = await form.submit(createVillageBody, body, async () => {
      id = (await enrolVillage(body)).id;
    });
    if (ok) navigate(`/villages/${id}`);
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('villages.enrol')}</h2>
      <Field label={t('villages.area')} name="areaCode" error={form.errors.areaCode}>
        {(p) => (
          <AreaPicker
            id={p.id}
            level="village"
            scope="mine"
            value={areaCode}
            onChange={setAreaCode}
            invalid={p['aria-invalid']}
          />
        )}
      </Field>
      <ProfileFields value={profile} onChange={setProfile} errors={form.errors} />
      <button type="submit" disabled={form.busy}>
        {t('villages.enrolSubmit')}
      </button>
    </form>
  );
}

export default function VillagesPage() {
  const { t } = useI18n();
  const { program } = usePrograms();
  const [enrolling, setEnrolling] = useState(false);
  const key = program ? `villages-${program.id}` : null;
  const list = usePagedList(key, (cursor, signal) => listVillages({ programId: program?.id }, cursor, signal));
  if (!program) return <p>{t('home.noProgram')}</p>;
  return (
    <>
      <h1>{t('villages.title')}</h1>
      {enrolling ? (
        <EnrolForm programId={program.id} />
      ) : list.first?.abilities.enrol ? (
        <button type="button" onClick={() => setEnrolling(true)}>
          {t('villages.enrol')}
        </button>
      ) : null}
      <Loaded resource={{ data: list.items, error: list.error }}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('state.empty')}</p>
          ) : (
            <ul className="rows">
              {items.map((v) => (
                <li key={v.id}>
                  <Link href={`/villages/${v.id}`} className="row-button">
                    <span>{v.area.name}</span>
                    <span className="muted small">{v.areaCode}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {list.nextCursor ? (
        <button type="button" onClick={() => void list.loadMore()} disabled={list.loadingMore}>
          {t('action.loadMore')}
        </button>
      ) : null}
    </>
  );
}

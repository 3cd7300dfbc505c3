import { useState } from 'react';
import { Link } from 'wouter';
import { patchMemberBody, type MemberAnswer } from '../../../../shared/schemas/registry';
import { useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { today } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { getMember, patchMember } from '../api/members';
import { MemberForm } from './MemberForm';

export default function MemberPage({ id }: { id: string }) {
  const { t } = useI18n();
  const member = useResource(id, (signal) => getMember(id, signal));
  const [current, setCurrent] = useState<MemberAnswer | null>(null);
  const leave = useFormState<MemberAnswer>();
  const markLeft = async (record: MemberAnswer) => {
    const body = { version: record.version, leftOn: today() };
    await leave.submit(patchMemberBody, body, async () => setCurrent(await patchMember(record.id, body)));
  };
  return (
    <Loaded resource={{ data: current ?? member.data, error: member.error }}>
      {(record) => (
        <>
          <p>
            <Link href={`/groups/${record.groupId}`}>← {t('groups.back')}</Link>
          </p>
          <h1>{record.name}</h1>
          {record.personalData === 'masked' ? <p className="muted small">{t('members.masked')}</p> : null}
          {record.possibleDuplicate ? <p role="status">{t('members.possibleDuplicate')}</p> : null}
          <section className="panel">
            <MemberForm key={record.version} groupId={record.groupId} member={record} onSaved={setCurrent} />
          </section>
          {record.abilities.update && !record.leftOn ? (
            <button type="button" onClick={() => void markLeft(record)} disabled={leave.busy}>
              {t('members.leave')}
            </button>
          ) : null}
          {leave.conflict ? (
            <p role="alert">
              {t('form.conflict', { version: leave.conflict.version })}{' '}
              <button type="button" onClick={() => setCurrent(leave.conflict)}>
                {t('form.loadCurrent')}
              </button>
            </p>
          ) : null}
        </>
      )}
    </Loaded>
  );
}

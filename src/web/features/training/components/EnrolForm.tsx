import { useState, type FormEvent } from 'react';
import { Field, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { useResource } from '../../../lib/use-resource';
import { listGroups, listMembers } from '../../registry';
import { enrolBody, type SessionAnswer } from '../../../../shared/schemas/training';
import { enrol } from '../api/enrolments';

/** Enrol a member of a group the caller reaches; the server decides a place or the waitlist. */
export function EnrolForm({ session, onEnrolled }: { session: SessionAnswer; onEnrolled: () => void }) {
  const { t } = useI18n();
  const [groupId, setGroupId] = useState('');
  const [memberId, setMemberId] = useState('');
  const [notice, setNotice] = useState('');
  const [already, setAlready] = useState(false);
  const form = useFormState();
  const groups = useResource(`enrol-groups-${session.programId}`, (signal) =>
    listGroups({ programId: session.programId }, undefined, signal),
  );
  const members = useResource(groupId ? `enrol-members-${groupId}` : null, (signal) =>
    listMembers(groupId, undefined, signal),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { id: crypto.randomUUID(), memberId };
    setNotice('');
    setAlready(false);
    await form.submit(enrolBody, body, async () => {
      try {
        const enrolment = await enrol(session.id, body);
        setNotice(t(`enrolment.${enrolment.status}`));
      } catch (error) {
        // 409: the member already holds a place or a waitlist spot in this session; nothing was added.
        if (!(error instanceof ApiError) || error.status !== 409) throw error;
        setAlready(true);
        return;
      }
      setMemberId('');
      onEnrolled();
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('training.enrol')}>
      <h3>{t('training.enrol')}</h3>
      <Field label={t('training.group')} name="enrol-group">
        {(p) => (
          <select {...p} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">—</option>
            {groups.data?.items.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('training.member')} name="enrol-member" error={form.errors.memberId}>
        {(p) => (
          <select
            {...p}
            value={memberId}
            onChange={(e) => {
              setMemberId(e.target.value);
              setAlready(false);
            }}
            disabled={!groupId}
          >
            <option value="">—</option>
            {members.data?.items.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={form.busy || !memberId}>
        {t('training.enrol')}
      </button>
      {already ? (
        <p role="alert" className="error small">
          {t('enrolment.already', { name: members.data?.items.find((m) => m.id === memberId)?.name ?? '' })}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="small">
          {notice}
        </p>
      ) : null}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { Field, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { useResource } from '../../../lib/use-resource';
import { SavedOnDevice, usePendingChildren, usePendingKind } from '../../offline';
import { listGroups, listMembers } from '../../registry';
import { localized } from '../../../../shared/localized';
import { enrolBody, type SessionAnswer } from '../../../../shared/schemas/training';
import { enrol } from '../api/enrolments';

interface Choice {
  id: string;
  name: string;
  /** Registered on this phone, not sent yet. */
  onDevice?: boolean;
}

const onDevice = (r: { clientId: string; label: string }): Choice => ({
  id: r.clientId,
  name: r.label,
  onDevice: true,
});

/**
 * Enrol a member of a group the caller reaches; the server decides a place or the waitlist. Groups
 * and members registered on this phone and not sent yet can be chosen too: the enrolment waits for
 * them in the outbox, as it waits for the network.
 */
export function EnrolForm({ session, onEnrolled }: { session: SessionAnswer; onEnrolled: () => void }) {
  const { t, locale } = useI18n();
  const [groupId, setGroupId] = useState('');
  const [memberId, setMemberId] = useState('');
  const [notice, setNotice] = useState('');
  const [already, setAlready] = useState(false);
  const [queued, setQueued] = useState(false);
  const form = useFormState();
  const groups = useResource(`enrol-groups-${session.programId}`, (signal) =>
    listGroups({ programId: session.programId }, undefined, signal),
  );
  const pendingGroups = usePendingKind('group');
  const pendingMembers = usePendingChildren(groupId, 'member');
  const groupChoices: Choice[] = [
    ...(groups.data?.items ?? []),
    ...pendingGroups
      .filter((r) => (r.body as { programId?: string } | undefined)?.programId === session.programId)
      .map(onDevice),
  ];
  // A group still on this phone has no members on the server yet: only those waiting with it.
  const groupOnDevice = groupChoices.find((g) => g.id === groupId)?.onDevice ?? false;
  const members = useResource(groupId && !groupOnDevice ? `enrol-members-${groupId}` : null, (signal) =>
    listMembers(groupId, undefined, signal),
  );
  const memberChoices: Choice[] = [...(members.data?.items ?? []), ...pendingMembers.map(onDevice)];
  const shown = (c: Choice) => (c.onDevice ? `${c.name} (${t('offline.notSent')})` : c.name);
  const memberName = (id: string) => memberChoices.find((m) => m.id === id)?.name ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { id: crypto.randomUUID(), memberId };
    const label = `${memberName(memberId)} · ${localized(session.course.title, locale)}`;
    setNotice('');
    setAlready(false);
    setQueued(false);
    await form.submit(enrolBody, body, async () => {
      try {
        const sent = await enrol(session.id, label, body);
        if (sent.queued) setQueued(true);
        else setNotice(t(`enrolment.${sent.data.status}`));
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
            {groupChoices.map((g) => (
              <option key={g.id} value={g.id}>
                {shown(g)}
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
            {memberChoices.map((m) => (
              <option key={m.id} value={m.id}>
                {shown(m)}
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
          {t('enrolment.already', { name: memberName(memberId) })}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="small">
          {notice}
        </p>
      ) : null}
      {queued ? <SavedOnDevice /> : null}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { invitePersonBody, type InvitableRole, type InvitationAnswer } from '../../../../shared/schemas/programs';
import { GROUP_ROLES, type Role } from '../../../../shared/roles';
import { EnumSelect } from '../../../components/EnumSelect';
import { Field, orUndefined, useFormState } from '../../../components/form';
import { useUnsavedValues } from '../../../components/use-unsaved-guard';
import { useI18n } from '../../../i18n/i18n';
import { AreaPicker } from '../../geography';
import { invitePerson } from '../api/invitations';
import { InvitationLink } from './InvitationLink';
import { GroupPicker } from './Pickers';

/** On a group's page: the group's own roles, which always name the group. */
const GROUP_INVITABLE: InvitableRole[] = GROUP_ROLES.map((role) => ({ role, wholeProgram: false }));

const areaNamed = invitePersonBody.refine((b) => b.areaCode !== undefined, {
  message: 'name an area you work in',
  path: ['areaCode'],
  params: { code: 'required' },
});

const EMPTY = { name: '', phone: '', email: '', areaCode: '', groupId: '' };

/**
 * Brings a person into the program: their name, phone and/or email, a role and where it holds
 * (an area the inviter works in, or a group). The roles offered are the server's answer to whom the
 * inviter may bring in (`invitable` of the program); the server still refuses a place beyond their
 * grants. On a group's page the group is fixed, and the page shows the panel by the group's
 * `abilities.invite`.
 */
export function InvitePanel({
  programId,
  invitable = GROUP_INVITABLE,
  group,
}: {
  programId: string;
  invitable?: InvitableRole[];
  group?: { id: string; name: string };
}) {
  const { t } = useI18n();
  const [fields, setFields] = useState(EMPTY);
  const roles = invitable.map((r) => r.role);
  const [role, setRole] = useState<Role>(roles.includes('trainer') ? 'trainer' : roles[0]!);
  const [done, setDone] = useState<{ answer: InvitationAnswer; name: string; phone: string | undefined } | null>(null);
  const [round, setRound] = useState(0);
  const form = useFormState();
  const { markClean } = useUnsavedValues(fields);
  const groupRole = GROUP_ROLES.includes(role);
  const wholeProgram = invitable.find((r) => r.role === role)?.wholeProgram ?? false;
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: fields.name,
      phone: orUndefined(fields.phone),
      email: orUndefined(fields.email),
      role,
      ...(groupRole
        ? { groupId: group?.id ?? orUndefined(fields.groupId) }
        : { areaCode: orUndefined(fields.areaCode) }),
    };
    let answer: InvitationAnswer | undefined;
    // Who may not bring someone in for the whole program names an area: said here, not by a refusal.
    const schema = wholeProgram || groupRole ? invitePersonBody : areaNamed;
    const ok = await form.submit(schema, body, async () => {
      answer = await invitePerson(programId, body);
    });
    if (ok && answer) {
      setDone({ answer, name: fields.name, phone: body.phone });
      setFields(EMPTY);
      setRound(round + 1);
      markClean();
    }
  };
  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{group ? t('invite.titleGroup') : t('invite.title')}</h2>
      <p className="small muted">{t('invite.intro')}</p>
      <form key={round} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="invite-title">
        <Field label={t('invite.name')} name="invite-name" error={form.errors.name}>
          {(p) => <input {...p} autoComplete="off" value={fields.name} onChange={set('name')} />}
        </Field>
        <Field label={t('invite.phone')} name="invite-phone" error={form.errors.phone} hint="0812 3456 7890">
          {(p) => <input {...p} type="tel" inputMode="tel" value={fields.phone} onChange={set('phone')} />}
        </Field>
        <Field label={t('invite.email')} name="invite-email" error={form.errors.email} hint={t('invite.emailHint')}>
          {(p) => <input {...p} type="email" value={fields.email} onChange={set('email')} />}
        </Field>
        <Field label={t('programs.role')} name="invite-role" error={form.errors.role}>
          {(p) => <EnumSelect {...p} values={roles} value={role} messages="role" onChange={setRole} />}
        </Field>
        {groupRole && !group ? (
          <Field label={t('programs.group')} name="invite-group" error={form.errors.groupId}>
            {(p) => (
              <GroupPicker
                id={p.id}
                programId={programId}
                onChange={(g) => setFields((f) => ({ ...f, groupId: g?.id ?? '' }))}
                invalid={p['aria-invalid']}
              />
            )}
          </Field>
        ) : null}
        {!groupRole ? (
          <Field
            label={t('invite.area')}
            name="invite-area"
            error={form.errors.areaCode}
            hint={wholeProgram ? t('invite.areaWholeProgram') : t('invite.areaMine')}
          >
            {(p) => (
              <AreaPicker
                id={p.id}
                scope="mine"
                value={fields.areaCode}
                onChange={(areaCode) => setFields((f) => ({ ...f, areaCode }))}
                invalid={p['aria-invalid']}
              />
            )}
          </Field>
        ) : null}
        <button type="submit" disabled={form.busy}>
          {t('invite.submit')}
        </button>
      </form>
      {done ? <InvitationLink answer={done.answer} name={done.name} phone={done.phone} /> : null}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { grantRoleBody, type ProgramAnswer } from '../../../../shared/schemas/programs';
import { ROLES } from '../../../../shared/roles';
import { EnumSelect } from '../../../components/EnumSelect';
import { Field, orUndefined, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { AreaPicker } from '../../geography';
import { grantRole, listGrants, revokeRole } from '../api/grants';
import { findUserByEmail } from '../api/users';

function GrantForm({ programId, onGranted }: { programId: string; onGranted: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('facilitator');
  const [areaCode, setAreaCode] = useState('');
  const [groupId, setGroupId] = useState('');
  const form = useFormState();
  const [unknownUser, setUnknownUser] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setUnknownUser(false);
    const user = email.trim() ? (await findUserByEmail(email.trim()).catch(() => null))?.items[0] : undefined;
    if (email.trim() && !user) {
      setUnknownUser(true);
      return;
    }
    const body = { userId: user?.id ?? '', role, areaCode: orUndefined(areaCode), groupId: orUndefined(groupId) };
    const ok = await form.submit(grantRoleBody, body, async () => {
      await grantRole(programId, body);
    });
    if (ok) {
      setEmail('');
      setAreaCode('');
      setGroupId('');
      onGranted();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('programs.grant')}>
      <Field
        label={t('programs.userEmail')}
        name="grant-email"
        error={unknownUser ? t('programs.noSuchUser') : form.errors.userId}
      >
        {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label={t('programs.role')} name="grant-role" error={form.errors.role}>
        {(p) => <EnumSelect {...p} values={ROLES} value={role} messages="role" onChange={setRole} />}
      </Field>
      <Field label={t('programs.area')} name="grant-area" error={form.errors.areaCode}>
        {(p) => <AreaPicker id={p.id} value={areaCode} onChange={setAreaCode} invalid={p['aria-invalid']} />}
      </Field>
      <Field label={t('programs.groupId')} name="grant-group" error={form.errors.groupId}>
        {(p) => <input {...p} value={groupId} onChange={(e) => setGroupId(e.target.value)} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('programs.grant')}
      </button>
    </form>
  );
}

/** Who holds which role in a program, for those who may see it; granting and revoking for those who may. */
export function GrantsSection({ programId, abilities }: { programId: string; abilities: ProgramAnswer['abilities'] }) {
  const { t } = useI18n();
  const grants = useResource(abilities.listRoles ? `grants-${programId}` : null, (signal) =>
    listGrants(programId, signal),
  );
  if (!abilities.listRoles || grants.error) return <p className="muted">{t('programs.grantsHidden')}</p>;
  return (
    <section className="panel" aria-labelledby="grants-title">
      <h2 id="grants-title">{t('programs.grants')}</h2>
      <ul className="rows">
        {grants.data?.items.map((g) => (
          <li key={g.id} className="row-static">
            <span>
              {g.user.name} ({g.user.email})
            </span>
            <span className="muted small">
              {t(`role.${g.role}`)}
              {g.areaCode ? ` · ${g.areaCode}` : ''}
              {g.groupId ? ` · ${g.groupId}` : ''}
            </span>
            {abilities.revokeRole ? (
              <button
                type="button"
                className="link"
                onClick={() => void revokeRole(programId, g.id).then(grants.reload, () => undefined)}
              >
                {t('programs.revoke')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {abilities.grantRole ? <GrantForm programId={programId} onGranted={grants.reload} /> : null}
    </section>
  );
}

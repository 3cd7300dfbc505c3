import { useState, type FormEvent } from 'react';
import { grantRoleBody, type ProgramAnswer } from '../../../../shared/schemas/programs';
import { GROUP_ROLES, ROLES } from '../../../../shared/roles';
import { EnumSelect } from '../../../components/EnumSelect';
import { Field, orUndefined, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { AreaPicker, areaLabel } from '../../geography';
import { grantRole, listGrants, revokeRole, type Grant } from '../api/grants';
import { contactText, GroupPicker, UserPicker } from './Pickers';

function GrantForm({
  programId,
  grants,
  onGranted,
}: {
  programId: string;
  grants: readonly Grant[];
  onGranted: () => void;
}) {
  const { t } = useI18n();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('facilitator');
  const [areaCode, setAreaCode] = useState('');
  const [groupId, setGroupId] = useState('');
  const [round, setRound] = useState(0);
  const form = useFormState();
  const groupRole = GROUP_ROLES.includes(role);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = groupRole
      ? { userId, role, groupId: orUndefined(groupId) }
      : { userId, role, areaCode: orUndefined(areaCode) };
    const ok = await form.submit(grantRoleBody, body, async () => {
      await grantRole(programId, body);
    });
    if (ok) {
      setUserId('');
      setAreaCode('');
      setGroupId('');
      setRound(round + 1); // empties the pickers
      onGranted();
    }
  };
  return (
    <form key={round} onSubmit={(e) => void submit(e)} noValidate aria-label={t('programs.grant')}>
      <Field label={t('programs.user')} name="grant-user" error={form.errors.userId}>
        {(p) => (
          <UserPicker id={p.id} grants={grants} onChange={(u) => setUserId(u?.id ?? '')} invalid={p['aria-invalid']} />
        )}
      </Field>
      <Field label={t('programs.role')} name="grant-role" error={form.errors.role}>
        {(p) => <EnumSelect {...p} values={ROLES} value={role} messages="role" onChange={setRole} />}
      </Field>
      {groupRole ? (
        <Field label={t('programs.group')} name="grant-group" error={form.errors.groupId}>
          {(p) => (
            <GroupPicker
              id={p.id}
              programId={programId}
              onChange={(g) => setGroupId(g?.id ?? '')}
              invalid={p['aria-invalid']}
            />
          )}
        </Field>
      ) : (
        <Field label={t('programs.area')} name="grant-area" error={form.errors.areaCode}>
          {(p) => <AreaPicker id={p.id} value={areaCode} onChange={setAreaCode} invalid={p['aria-invalid']} />}
        </Field>
      )}
      <button type="submit" disabled={form.busy}>
        {t('programs.grant')}
      </button>
    </form>
  );
}

/** Where a grant holds, by name: "Kabupaten Karangasem — Bali", or a group with its village. */
export function grantPlace(g: Grant): string {
  if (g.group) return g.group.villageName ? `${g.group.name} — ${g.group.villageName}` : g.group.name;
  if (g.area) return areaLabel(g.area);
  return '';
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
              {g.user.name} ({contactText(g.user)})
            </span>
            <span className="muted small">
              {t(`role.${g.role}`)}
              {grantPlace(g) ? ` · ${grantPlace(g)}` : ` · ${t('programs.wholeProgram')}`}
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
      {abilities.grantRole ? (
        <GrantForm programId={programId} grants={grants.data?.items ?? []} onGranted={grants.reload} />
      ) : null}
    </section>
  );
}

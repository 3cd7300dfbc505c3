import { useState, type FormEvent } from 'react';
import {
  createMemberBody,
  disabilityByWg,
  MEMBER_ROLES,
  patchMemberBody,
  WG_ANSWERS,
  WG_DOMAINS,
  type Functioning,
  type MemberAnswer,
  type WgAnswer,
} from '../../../../shared/schemas/registry';
import { EnumSelect } from '../../../components/EnumSelect';
import { ConflictNotice, Field, orNull, useFormState } from '../../../components/form';
import { useDraft } from '../../../components/use-draft';
import { useUnsavedValues } from '../../../components/use-unsaved-guard';
import { useI18n } from '../../../i18n/i18n';
import { today } from '../../../lib/format';
import { SavedOnDevice } from '../../offline';
import { addMember, patchMember, type CreateMember } from '../api/members';

const draftOf = (m: MemberAnswer | null) => ({
  name: m?.name ?? '',
  sex: m?.sex ?? 'female',
  birthYear: m?.birthYear.toString() ?? '',
  disability: m?.disability ?? false,
  // '' for a domain not answered.
  functioning: Object.fromEntries(WG_DOMAINS.map((d) => [d, m?.functioning[d] ?? ''])) as Record<
    keyof Functioning,
    WgAnswer | ''
  >,
  role: m?.role ?? ('member' as MemberAnswer['role']),
  joinedOn: m?.joinedOn ?? today(),
  leftOn: m?.leftOn ?? '',
  // Masked numbers are shown, never sent back: a field left as it came is not changed.
  nationalId: '',
  phone: '',
});

/**
 * Adds a member, or edits one (shown read-only to those who may not). Personal numbers come masked
 * unless the caller may see them.
 */
export function MemberForm({
  groupId,
  member,
  onSaved,
}: {
  groupId: string;
  member: MemberAnswer | null;
  onSaved: (m: MemberAnswer) => void;
}) {
  const { t } = useI18n();
  const { draft, set, patch, base, setBase, reset } = useDraft(member, draftOf);
  const form = useFormState<MemberAnswer>();
  const [queued, setQueued] = useState(false);
  const editable = base === null || base.abilities.update;
  const { markClean } = useUnsavedValues(draft, editable);

  const functioning = Object.fromEntries(
    WG_DOMAINS.map((d) => [d, draft.functioning[d] === '' ? null : draft.functioning[d]]),
  ) as Functioning;
  // With any WG answer the server derives the disability; the box is for members recorded without them.
  const derived = disabilityByWg(functioning);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      name: draft.name,
      sex: draft.sex,
      birthYear: draft.birthYear.trim() === '' ? undefined : Number(draft.birthYear),
      functioning,
      ...(derived === null ? { disability: draft.disability } : {}),
      role: draft.role,
      joinedOn: draft.joinedOn,
      leftOn: orNull(draft.leftOn),
      ...(draft.nationalId.trim() ? { nationalId: draft.nationalId.trim() } : {}),
      ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
    };
    if (base) {
      const body = { version: base.version, ...fields };
      await form.submit(patchMemberBody, body, async () => {
        const saved = await patchMember(base.id, body);
        markClean();
        setBase(saved);
        onSaved(saved);
      });
    } else {
      const body = { id: crypto.randomUUID(), ...fields };
      const ok = await form.submit(createMemberBody, body, async () => {
        const added = await addMember(groupId, body as CreateMember & { id: string });
        setQueued(added.queued);
        if (!added.queued) onSaved(added.data);
      });
      if (ok) {
        patch(draftOf(null));
        markClean();
      }
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('members.form')}>
      {form.conflict ? (
        <ConflictNotice
          version={form.conflict.version}
          onReload={() => {
            reset(form.conflict);
            form.clearConflict();
            markClean();
          }}
        />
      ) : null}
      {queued ? <SavedOnDevice /> : null}
      <fieldset className="plain" disabled={!editable}>
        <Field label={t('members.name')} name="m-name" error={form.errors.name}>
          {(p) => <input {...p} value={draft.name} onChange={set('name')} autoComplete="off" />}
        </Field>
        <fieldset className="field">
          <legend>{t('members.sex')}</legend>
          {(['female', 'male'] as const).map((sex) => (
            <label key={sex} className="choice">
              <input type="radio" name="sex" checked={draft.sex === sex} onChange={() => patch({ sex })} />
              {t(`sex.${sex}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t('members.birthYear')} name="birthYear" error={form.errors.birthYear}>
          {(p) => <input {...p} inputMode="numeric" value={draft.birthYear} onChange={set('birthYear')} />}
        </Field>
        <fieldset className="part">
          <legend>{t('members.functioning')}</legend>
          <p className="muted small">{t('members.functioningHint')}</p>
          <div className="pair">
            {WG_DOMAINS.map((domain) => (
              <Field
                key={domain}
                label={t(`wgDomain.${domain}`)}
                name={`wg-${domain}`}
                error={form.errors[`functioning.${domain}`]}
              >
                {(p) => (
                  <select
                    {...p}
                    value={draft.functioning[domain]}
                    onChange={(e) =>
                      patch({ functioning: { ...draft.functioning, [domain]: e.target.value as WgAnswer | '' } })
                    }
                  >
                    <option value="">{t('members.notAsked')}</option>
                    {WG_ANSWERS.map((answer) => (
                      <option key={answer} value={answer}>
                        {t(`wgAnswer.${answer}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </div>
          {derived === null ? (
            <label className="choice">
              <input
                type="checkbox"
                checked={draft.disability}
                onChange={(e) => patch({ disability: e.target.checked })}
              />
              {t('members.disability')}
            </label>
          ) : (
            <p data-testid="wg-disability">{t(derived ? 'members.wgDisabilityYes' : 'members.wgDisabilityNo')}</p>
          )}
          {form.errors.disability ? (
            <small className="error" role="alert">
              {form.errors.disability}
            </small>
          ) : null}
        </fieldset>
        <Field label={t('members.role')} name="role" error={form.errors.role}>
          {(p) => (
            <EnumSelect
              {...p}
              values={MEMBER_ROLES}
              value={draft.role}
              messages="memberRole"
              onChange={(role) => patch({ role })}
            />
          )}
        </Field>
        <Field label={t('members.joinedOn')} name="joinedOn" error={form.errors.joinedOn}>
          {(p) => <input {...p} type="date" value={draft.joinedOn} onChange={set('joinedOn')} />}
        </Field>
        {base ? (
          <Field label={t('members.leftOn')} name="leftOn" error={form.errors.leftOn}>
            {(p) => <input {...p} type="date" value={draft.leftOn} onChange={set('leftOn')} />}
          </Field>
        ) : null}
        <Field
          label={t('members.nationalId')}
          name="nationalId"
          hint={base?.nationalId ? t('members.current', { value: base.nationalId }) : t('members.optional')}
          error={form.errors.nationalId}
        >
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={draft.nationalId}
              onChange={set('nationalId')}
              autoComplete="off"
            />
          )}
        </Field>
        <Field
          label={t('members.phone')}
          name="m-phone"
          hint={base?.phone ? t('members.current', { value: base.phone }) : t('members.optional')}
          error={form.errors.phone}
        >
          {(p) => <input {...p} type="tel" value={draft.phone} onChange={set('phone')} autoComplete="off" />}
        </Field>
      </fieldset>
      {editable ? (
        <button type="submit" disabled={form.busy}>
          {base ? t('action.save') : t('members.add')}
        </button>
      ) : null}
    </form>
  );
}

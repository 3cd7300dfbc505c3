import { useState, type FormEvent } from 'react';
import { createGroupBody, GROUP_KINDS, patchGroupBody, type GroupAnswer } from '../../../../shared/schemas/registry';
import { usePrograms } from '../../programs';
import { EnumSelect } from '../../../components/EnumSelect';
import { ConflictNotice, Field, orNull, orUndefined, useFormState } from '../../../components/form';
import { useDraft } from '../../../components/use-draft';
import { useUnsavedValues } from '../../../components/use-unsaved-guard';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { SavedOnDevice } from '../../offline';
import { patchGroup, registerGroup } from '../api/groups';
import { listVillages } from '../api/villages';

const draftOf = (g: GroupAnswer | null, villageId: string) => ({
  villageId: g?.villageId ?? villageId,
  name: g?.name ?? '',
  kind: g?.kind ?? ('women_group' as GroupAnswer['kind']),
  foundedOn: g?.foundedOn ?? '',
  nib: g?.legalIds.nib ?? '',
  phone: g?.contact.phone ?? '',
  email: g?.contact.email ?? '',
  address: g?.contact.address ?? '',
});

/**
 * Registers a producer group, or edits one (sending the version it was based on). Without a network
 * the write waits in the outbox; a new group then opens under its client id (`onQueued`).
 */
export function GroupForm({
  group,
  onSaved,
  onQueued,
}: {
  group: GroupAnswer | null;
  onSaved: (g: GroupAnswer) => void;
  onQueued?: (id: string) => void;
}) {
  const { t } = useI18n();
  const { program } = usePrograms();
  const villageParam = new URLSearchParams(location.search).get('village') ?? '';
  const { draft, set, patch, base, setBase, reset } = useDraft(group, (g) => draftOf(g, villageParam));
  const form = useFormState<GroupAnswer>();
  const [queued, setQueued] = useState(false);
  const { markClean } = useUnsavedValues(draft);
  const villages = useResource(group || !program ? null : `villages-${program.id}`, (signal) =>
    listVillages({ programId: program!.id }, undefined, signal),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      name: draft.name,
      kind: draft.kind,
      foundedOn: orNull(draft.foundedOn),
      legalIds: draft.nib.trim() ? { nib: draft.nib.trim() } : {},
      contact: {
        phone: orUndefined(draft.phone),
        email: orUndefined(draft.email),
        address: orUndefined(draft.address),
      },
    };
    if (base) {
      const body = { version: base.version, ...fields };
      await form.submit(patchGroupBody, body, async () => {
        const saved = await patchGroup(base.id, draft.name, body);
        markClean();
        setQueued(saved.queued);
        if (saved.queued) return;
        setBase(saved.data);
        onSaved(saved.data);
      });
    } else {
      const body = { id: crypto.randomUUID(), programId: program?.id ?? '', villageId: draft.villageId, ...fields };
      await form.submit(createGroupBody, body, async () => {
        const saved = await registerGroup(body);
        markClean();
        if (saved.queued) onQueued?.(body.id);
        else onSaved(saved.data);
      });
    }
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('groups.form')}>
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
      {!base ? (
        <Field label={t('groups.village')} name="villageId" error={form.errors.villageId}>
          {(p) => (
            <select {...p} value={draft.villageId} onChange={set('villageId')}>
              <option value="">{t('form.choose')}</option>
              {villages.data?.items.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.area.name} ({v.areaCode})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('groups.name')} name="name" error={form.errors.name}>
        {(p) => <input {...p} value={draft.name} onChange={set('name')} />}
      </Field>
      <Field label={t('groups.kind')} name="kind" error={form.errors.kind}>
        {(p) => (
          <EnumSelect
            {...p}
            values={GROUP_KINDS}
            value={draft.kind}
            messages="groupKind"
            onChange={(kind) => patch({ kind })}
          />
        )}
      </Field>
      <Field label={t('groups.foundedOn')} name="foundedOn" error={form.errors.foundedOn}>
        {(p) => <input {...p} type="date" value={draft.foundedOn} onChange={set('foundedOn')} />}
      </Field>
      <Field label={t('groups.nib')} name="nib" error={form.errors['legalIds.nib']}>
        {(p) => <input {...p} inputMode="numeric" value={draft.nib} onChange={set('nib')} />}
      </Field>
      <Field label={t('groups.phone')} name="phone" error={form.errors['contact.phone']}>
        {(p) => <input {...p} type="tel" value={draft.phone} onChange={set('phone')} />}
      </Field>
      <Field label={t('groups.email')} name="email" error={form.errors['contact.email']}>
        {(p) => <input {...p} type="email" value={draft.email} onChange={set('email')} />}
      </Field>
      <Field label={t('groups.address')} name="address" error={form.errors['contact.address']}>
        {(p) => <textarea {...p} rows={2} value={draft.address} onChange={set('address')} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {base ? t('action.save') : t('groups.register')}
      </button>
    </form>
  );
}

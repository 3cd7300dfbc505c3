import { useState, type FormEvent } from 'react';
import {
  createGroupBody,
  GROUP_KINDS,
  LEGAL_ID_KINDS,
  patchGroupBody,
  TYPICAL_LEGAL_IDS,
  type GroupAnswer,
} from '../../../../shared/schemas/registry';
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
  legalDocuments: (g?.legalDocuments ?? []).map((d) => ({
    kind: d.kind,
    number: d.number,
    issuedOn: d.issuedOn ?? '',
  })),
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

  type LegalRow = (typeof draft.legalDocuments)[number];
  const setLegal = (i: number, change: Partial<LegalRow>) =>
    patch({ legalDocuments: draft.legalDocuments.map((d, j) => (j === i ? { ...d, ...change } : d)) });
  const typical = TYPICAL_LEGAL_IDS[draft.kind];
  // A new row gets the first kind this group typically holds and does not list yet.
  const addLegal = () =>
    patch({
      legalDocuments: [
        ...draft.legalDocuments,
        {
          kind: typical.find((k) => !draft.legalDocuments.some((d) => d.kind === k)) ?? 'other',
          number: '',
          issuedOn: '',
        },
      ],
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      name: draft.name,
      kind: draft.kind,
      foundedOn: orNull(draft.foundedOn),
      legalDocuments: draft.legalDocuments
        .filter((d) => d.number.trim() !== '')
        .map((d) => ({ kind: d.kind, number: d.number.trim(), issuedOn: orNull(d.issuedOn) })),
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
      <fieldset className="part">
        <legend>{t('groups.legalIds')}</legend>
        <p className="muted small">
          {t('groups.legalIdsTypical', {
            kind: t(`groupKind.${draft.kind}`),
            kinds: typical.map((k) => t(`legalIdKind.${k}`)).join(', '),
          })}
        </p>
        {draft.legalDocuments.map((d, i) => (
          <div key={i} className="pair">
            <Field label={t('groups.legalIdKind')} name={`legal-${i}-kind`} error={form.errors[`legalDocuments.${i}`]}>
              {(p) => (
                <EnumSelect
                  {...p}
                  values={LEGAL_ID_KINDS}
                  value={d.kind}
                  messages="legalIdKind"
                  onChange={(kind) => setLegal(i, { kind })}
                />
              )}
            </Field>
            <Field
              label={t('groups.legalIdNumber')}
              name={`legal-${i}-number`}
              error={form.errors[`legalDocuments.${i}.number`]}
            >
              {(p) => (
                <input
                  {...p}
                  inputMode={d.kind === 'nib' ? 'numeric' : 'text'}
                  value={d.number}
                  onChange={(e) => setLegal(i, { number: e.target.value })}
                />
              )}
            </Field>
            <Field
              label={t('groups.legalIdIssuedOn')}
              name={`legal-${i}-issuedOn`}
              error={form.errors[`legalDocuments.${i}.issuedOn`]}
            >
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={d.issuedOn}
                  onChange={(e) => setLegal(i, { issuedOn: e.target.value })}
                />
              )}
            </Field>
            <button
              type="button"
              className="button"
              onClick={() => patch({ legalDocuments: draft.legalDocuments.filter((_, j) => j !== i) })}
            >
              {t('groups.removeLegalId')}
            </button>
          </div>
        ))}
        {form.errors['legalIds.nib'] ? (
          <small className="error" role="alert">
            {form.errors['legalIds.nib']}
          </small>
        ) : null}
        <button type="button" className="button" onClick={addLegal}>
          {t('groups.addLegalId')}
        </button>
      </fieldset>
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

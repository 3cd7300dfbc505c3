import { useState, type FormEvent } from 'react';
import { MANUAL_MOVEMENTS, recordMovementBody, type BatchAnswer } from '../../../../shared/schemas/batches';
import { EnumSelect } from '../../../components/EnumSelect';
import { Field, orNull, useFormState } from '../../../components/form';
import { useUnsavedValues } from '../../../components/use-unsaved-guard';
import { useI18n } from '../../../i18n/i18n';
import { stockWords, today } from '../../../lib/format';
import { recordMovement, type RecordMovement } from '../api/batches';

type Kind = (typeof MANUAL_MOVEMENTS)[number];

/**
 * Stock that leaves a batch by hand: sold at the stall, spoiled, or given as samples. Through the
 * outbox: without a network the movement is kept on the phone (`onQueued`) and sent later, once.
 */
export function MovementForm({
  batch,
  onSaved,
  onQueued,
  onCancel,
}: {
  batch: BatchAnswer;
  onSaved: (batch: BatchAnswer) => void;
  onQueued: () => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [fields, setFields] = useState({ kind: 'sold' as Kind, quantity: '', on: today(), note: '' });
  const form = useFormState();
  const { markClean, confirmLeave } = useUnsavedValues(fields);
  const set = (key: 'quantity' | 'on' | 'note') => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: RecordMovement & { id: string } = {
      id: crypto.randomUUID(),
      kind: fields.kind,
      quantity: fields.quantity.trim(),
      on: fields.on,
      note: orNull(fields.note),
    };
    const label = `${batch.lotCode} · ${t(`movement.${body.kind}`)} ${body.quantity} ${batch.unit}`;
    await form.submit(recordMovementBody, body, async () => {
      const saved = await recordMovement(batch.id, label, body);
      markClean();
      if (saved.queued) onQueued();
      else onSaved(saved.data);
    });
  };

  const name = (key: string) => `movement-${key}-${batch.id}`;
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('movements.recordOf', { lot: batch.lotCode })}
      className="panel"
    >
      <Field label={t('movements.kind')} name={name('kind')} error={form.errors.kind}>
        {(p) => (
          <EnumSelect
            {...p}
            values={MANUAL_MOVEMENTS}
            value={fields.kind}
            messages="movement"
            onChange={(kind) => setFields({ ...fields, kind })}
          />
        )}
      </Field>
      <Field
        label={t('movements.quantity', { unit: batch.unit })}
        name={name('quantity')}
        error={form.errors.quantity}
        hint={t('batches.stock', stockWords(batch, locale))}
      >
        {(p) => <input {...p} inputMode="decimal" value={fields.quantity} onChange={set('quantity')} />}
      </Field>
      <Field label={t('movements.on')} name={name('on')} error={form.errors.on}>
        {(p) => <input {...p} type="date" value={fields.on} onChange={set('on')} />}
      </Field>
      <Field label={t('movements.note')} name={name('note')} error={form.errors.note}>
        {(p) => <input {...p} value={fields.note} onChange={set('note')} />}
      </Field>
      <div className="inline wrap">
        <button type="submit" disabled={form.busy}>
          {t('movements.save')}
        </button>
        <button type="button" className="link" onClick={() => confirmLeave() && onCancel()}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

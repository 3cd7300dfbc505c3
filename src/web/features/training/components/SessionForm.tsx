import { useState, type FormEvent } from 'react';
import { localized } from '../../../../shared/localized';
import { createSessionBody, type CourseAnswer } from '../../../../shared/schemas/training';
import { Field, useFormState } from '../../../components/form';
import { useUnsavedValues } from '../../../components/use-unsaved-guard';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { AreaPicker } from '../../geography';
import { listGrants } from '../../programs';
import { createSession } from '../api/sessions';

/** The program's trainers by name, for one who may plan sessions for any of them. */
function useTrainers(programId: string, wanted: boolean): [string, string][] {
  const grants = useResource(wanted ? `trainers-${programId}` : null, (signal) => listGrants(programId, signal));
  const trainers = grants.data?.items.filter((g) => g.role === 'trainer') ?? [];
  return [...new Map(trainers.map((g) => [g.userId, g.user.name]))];
}

/**
 * Plans a session: course, place, dates, capacity. A trainer plans one they run themselves; one
 * who may plan for any trainer (`planForAnyTrainer`) also chooses the trainer.
 */
export function SessionForm(props: {
  programId: string;
  courses: CourseAnswer[];
  /** The signed-in user: the trainer unless another is chosen. */
  userId: string;
  chooseTrainer: boolean;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const trainers = useTrainers(props.programId, props.chooseTrainer && open);
  const [fields, setFields] = useState({
    trainerId: '',
    courseId: props.courses[0]?.id ?? '',
    areaCode: '',
    address: '',
    startsOn: '',
    endsOn: '',
    capacity: '30',
  });
  const form = useFormState();
  const { markClean, confirmLeave } = useUnsavedValues(fields, open);
  const trainerId =
    fields.trainerId ||
    (trainers.length && !trainers.some(([id]) => id === props.userId) ? trainers[0]![0] : props.userId);
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} disabled={props.courses.length === 0}>
        {t('training.newSession')}
      </button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      id: crypto.randomUUID(),
      ...fields,
      areaCode: fields.areaCode.trim(),
      endsOn: fields.endsOn || fields.startsOn,
      capacity: Number(fields.capacity),
      trainerId,
    };
    await form.submit(createSessionBody, body, async () => {
      await createSession(body);
      markClean();
      setOpen(false);
      props.onSaved();
    });
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('training.newSession')}>
      <Field label={t('training.course')} name="session-course" error={form.errors.courseId}>
        {(p) => (
          <select {...p} value={fields.courseId} onChange={set('courseId')}>
            {props.courses.map((c) => (
              <option key={c.id} value={c.id}>
                {localized(c.title, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {props.chooseTrainer ? (
        <Field label={t('training.trainer')} name="session-trainer" error={form.errors.trainerId}>
          {(p) => (
            <select {...p} value={trainerId} onChange={set('trainerId')}>
              {trainers.length === 0 ? <option value={props.userId}>—</option> : null}
              {trainers.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('training.areaCode')} name="session-area" error={form.errors.areaCode}>
        {(p) => (
          <AreaPicker
            id={p.id}
            level="village"
            value={fields.areaCode}
            onChange={(areaCode) => setFields({ ...fields, areaCode })}
            invalid={p['aria-invalid']}
          />
        )}
      </Field>
      <Field label={t('training.address')} name="session-address" error={form.errors.address}>
        {(p) => <input {...p} value={fields.address} onChange={set('address')} />}
      </Field>
      <Field label={t('training.startsOn')} name="session-starts" error={form.errors.startsOn}>
        {(p) => <input {...p} type="date" value={fields.startsOn} onChange={set('startsOn')} />}
      </Field>
      <Field label={t('training.endsOn')} name="session-ends" error={form.errors.endsOn}>
        {(p) => <input {...p} type="date" value={fields.endsOn} onChange={set('endsOn')} />}
      </Field>
      <Field label={t('training.capacity')} name="session-capacity" error={form.errors.capacity}>
        {(p) => <input {...p} type="number" inputMode="numeric" value={fields.capacity} onChange={set('capacity')} />}
      </Field>
      <p className="inline">
        <button type="submit" disabled={form.busy}>
          {t('action.save')}
        </button>
        <button type="button" className="secondary" onClick={() => confirmLeave() && setOpen(false)}>
          {t('action.cancel')}
        </button>
      </p>
    </form>
  );
}

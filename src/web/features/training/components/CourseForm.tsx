import { useState, type FormEvent } from 'react';
import { createCourseBody, TRAINING_TOPICS } from '../../../../shared/schemas/training';
import { Field, firstUnder, useFormState } from '../../../components/form';
import { useUnsavedValues } from '../../../components/use-unsaved-guard';
import { useI18n } from '../../../i18n/i18n';
import { createCourse } from '../api/courses';

/** A new course: its title in Indonesian (and English), topic and hours; tests are added through the API. */
export function CourseForm({ programId, onSaved }: { programId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState({ titleId: '', titleEn: '', topic: 'marketing', hours: '8' });
  const form = useFormState();
  const { markClean, confirmLeave } = useUnsavedValues(fields, open);
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('training.newCourse')}
      </button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const title: Record<string, string> = { id: fields.titleId.trim() };
    if (fields.titleEn.trim()) title.en = fields.titleEn.trim();
    const body = {
      id: crypto.randomUUID(),
      programId,
      title,
      topic: fields.topic,
      durationHours: Number(fields.hours),
    };
    await form.submit(createCourseBody, body, async () => {
      await createCourse(body);
      markClean();
      setOpen(false);
      onSaved();
    });
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('training.newCourse')}>
      <Field label={t('training.courseTitleId')} name="course-title-id" error={firstUnder(form.errors, 'title')}>
        {(p) => <input {...p} value={fields.titleId} onChange={set('titleId')} />}
      </Field>
      <Field label={t('training.courseTitleEn')} name="course-title-en">
        {(p) => <input {...p} value={fields.titleEn} onChange={set('titleEn')} />}
      </Field>
      <Field label={t('training.topic')} name="course-topic" error={form.errors.topic}>
        {(p) => (
          <select {...p} value={fields.topic} onChange={set('topic')}>
            {TRAINING_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(`topic.${topic}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('training.durationHours')} name="course-hours" error={form.errors.durationHours}>
        {(p) => <input {...p} type="number" inputMode="numeric" value={fields.hours} onChange={set('hours')} />}
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

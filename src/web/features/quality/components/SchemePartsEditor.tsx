import { useState } from 'react';
import { Field, firstUnder, type Errors } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import type { SchemeDefinition } from '../api/schemes';
import { maxPoints, newCriterion, newLevel, newPart, withText } from './scheme-draft';
import { NumberField, NumberInput, TextField } from './SchemeInputs';
import { useText } from './SchemeView';

interface Props {
  draft: SchemeDefinition;
  change: (step: (d: SchemeDefinition) => void) => void;
  /** The language whose texts are being edited. */
  locale: string;
  errors: Errors;
}

function CriterionEditor({ draft, change, locale, errors, part, index }: Props & { part: number; index: number }) {
  const { t } = useI18n();
  const text = useText();
  const c = draft.parts[part]!.criteria[index]!;
  const path = `parts.${part}.criteria.${index}`;
  const edit = (step: (c: SchemeDefinition['parts'][number]['criteria'][number]) => void) =>
    change((d) => step(d.parts[part]!.criteria[index]!));
  const title = text(c.name) || c.code;
  // Opened by the user, or forced open while it holds an error.
  const [open, setOpen] = useState(false);
  return (
    <details
      className="criterion"
      open={open || Boolean(firstUnder(errors, path))}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        {title} <span className="muted small">· {t('scheme.weight', { weight: c.weight })}</span>
      </summary>
      <fieldset className="plain">
        <legend className="visually-hidden">{title}</legend>
        <TextField
          label={t('editor.criterionName')}
          path={`${path}.name`}
          errors={errors}
          text={c.name}
          locale={locale}
          onText={(v) => edit((x) => (x.name = withText(x.name, locale, v)))}
        />
        <div className="pair">
          <Field label={t('editor.code')} name={`${path}.code`} error={errors[`${path}.code`]}>
            {(p) => <input {...p} value={c.code} onChange={(e) => edit((x) => (x.code = e.target.value.trim()))} />}
          </Field>
          <NumberField
            label={t('editor.weight')}
            path={`${path}.weight`}
            errors={errors}
            value={c.weight}
            onValue={(n) => edit((x) => (x.weight = n ?? NaN))}
          />
        </div>
        <p className="field-label">{t('editor.levels')}</p>
        <ol className="levels">
          {c.levels.map((l, i) => {
            const at = `${path}.levels.${i}`;
            const error = firstUnder(errors, at);
            return (
              <li key={i}>
                <div className="level-row">
                  <NumberInput
                    aria-label={t('editor.levelPoints', { n: i + 1 })}
                    aria-invalid={Boolean(errors[`${at}.points`])}
                    value={l.points}
                    onValue={(n) => edit((x) => (x.levels[i]!.points = n ?? NaN))}
                  />
                  <input
                    aria-label={t('editor.levelDescriptor', { n: i + 1 })}
                    aria-invalid={Boolean(firstUnder(errors, `${at}.descriptor`))}
                    lang={locale}
                    value={l.descriptor[locale] ?? ''}
                    placeholder={text(l.descriptor)}
                    onChange={(e) =>
                      edit((x) => (x.levels[i]!.descriptor = withText(x.levels[i]!.descriptor, locale, e.target.value)))
                    }
                  />
                  <button
                    type="button"
                    className="icon"
                    aria-label={t('editor.removeLevel', { n: i + 1 })}
                    disabled={c.levels.length <= 2}
                    onClick={() => edit((x) => x.levels.splice(i, 1))}
                  >
                    ✕
                  </button>
                </div>
                {error ? <small className="error">{error}</small> : null}
              </li>
            );
          })}
        </ol>
        {errors[`${path}.levels`] ? (
          <small className="error" role="alert">
            {errors[`${path}.levels`]}
          </small>
        ) : null}
        <div className="inline wrap">
          <button type="button" className="secondary" onClick={() => edit((x) => x.levels.push(newLevel(x)))}>
            {t('editor.addLevel')}
          </button>
          <button
            type="button"
            className="link"
            disabled={draft.parts[part]!.criteria.length <= 1}
            onClick={() => change((d) => d.parts[part]!.criteria.splice(index, 1))}
          >
            {t('editor.removeCriterion', { name: title })}
          </button>
        </div>
      </fieldset>
    </details>
  );
}

/** Parts → criteria → levels: names in the chosen language, codes, weights and level points. */
export function SchemePartsEditor(props: Props) {
  const { t } = useI18n();
  const text = useText();
  const { draft, change, locale, errors } = props;
  return (
    <section className="panel" aria-labelledby="parts-title">
      <h2 id="parts-title">{t('editor.parts')}</h2>
      {draft.parts.map((part, i) => {
        const path = `parts.${i}`;
        const title = text(part.name) || part.code;
        return (
          <fieldset key={i} className="part">
            <legend>
              {title} — {t('editor.partPoints', { points: maxPoints(part.criteria) })}
            </legend>
            <TextField
              label={t('editor.partName')}
              path={`${path}.name`}
              errors={errors}
              text={part.name}
              locale={locale}
              onText={(v) => change((d) => (d.parts[i]!.name = withText(d.parts[i]!.name, locale, v)))}
            />
            <Field label={t('editor.code')} name={`${path}.code`} error={errors[`${path}.code`]}>
              {(p) => (
                <input
                  {...p}
                  value={part.code}
                  onChange={(e) => change((d) => (d.parts[i]!.code = e.target.value.trim()))}
                />
              )}
            </Field>
            <label className="choice">
              <input
                type="checkbox"
                checked={part.placeholder ?? false}
                onChange={(e) => change((d) => (d.parts[i]!.placeholder = e.target.checked || undefined))}
              />
              {t('editor.placeholder')}
            </label>
            {part.criteria.map((_, j) => (
              <CriterionEditor key={j} {...props} part={i} index={j} />
            ))}
            <div className="inline wrap">
              <button
                type="button"
                className="secondary"
                onClick={() => change((d) => d.parts[i]!.criteria.push(newCriterion(d, d.parts[i]!)))}
              >
                {t('editor.addCriterion')}
              </button>
              <button
                type="button"
                className="link"
                disabled={draft.parts.length <= 1}
                onClick={() => change((d) => d.parts.splice(i, 1))}
              >
                {t('editor.removePart', { name: title })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" onClick={() => change((d) => d.parts.push(newPart(d)))}>
        {t('editor.addPart')}
      </button>
    </section>
  );
}

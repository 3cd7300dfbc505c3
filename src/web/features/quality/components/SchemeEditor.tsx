import { useState, type FormEvent } from 'react';
import { GATE_REQUIREMENTS, PANEL_TIERS, patchSchemeBody } from '../../../../shared/schemas/quality';
import { EnumSelect } from '../../../components/EnumSelect';
import { ConflictNotice, Field, firstUnder, useFormState, type Errors } from '../../../components/form';
import { LOCALES, useI18n, type Locale } from '../../../i18n/i18n';
import type { SchemeAnswer } from '../../../../shared/schemas/quality';
import { patchScheme, type SchemeDefinition } from '../api/schemes';
import {
  edited,
  newGate,
  parseCodes,
  schemeMaxPoints,
  setThreshold,
  STAR_LEVELS,
  thresholdOf,
  withText,
} from './scheme-draft';
import { NumberField, TextField } from './SchemeInputs';
import { SchemePartsEditor } from './SchemePartsEditor';
import { useText } from './SchemeView';

type Change = (step: (d: SchemeDefinition) => void) => void;

/** Paths as the definition knows them: the request wraps it in `definition`. */
const definitionErrors = (errors: Errors): Errors =>
  Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(/^definition\.?/, ''), message]));

function StarsSection({ draft, change, errors }: { draft: SchemeDefinition; change: Change; errors: Errors }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="stars-title">
      <h2 id="stars-title">{t('editor.stars')}</h2>
      <p className="muted small">{t('editor.starsHint', { max: schemeMaxPoints(draft) })}</p>
      {STAR_LEVELS.map((stars) => (
        <fieldset key={stars} className="star-row">
          <legend>{t('editor.starLevel', { stars })}</legend>
          <NumberField
            label={t('editor.minPercent')}
            path={`threshold-${stars}`}
            errors={{}}
            value={thresholdOf(draft, stars)}
            onValue={(n) => change((d) => setThreshold(d, stars, n))}
          />
          <Field label={t('editor.tier')} name={`starTiers.${stars}`} error={errors[`starTiers.${stars}`]}>
            {(p) => (
              <EnumSelect
                {...p}
                values={PANEL_TIERS}
                value={draft.starTiers[stars]}
                messages="tier"
                onChange={(tier) => change((d) => (d.starTiers[stars] = tier))}
              />
            )}
          </Field>
        </fieldset>
      ))}
      {firstUnder(errors, 'thresholds') ? (
        <p className="error" role="alert">
          {firstUnder(errors, 'thresholds')}
        </p>
      ) : null}
    </section>
  );
}

function GatesSection({
  draft,
  change,
  locale,
  errors,
}: {
  draft: SchemeDefinition;
  change: Change;
  locale: Locale;
  errors: Errors;
}) {
  const { t } = useI18n();
  const text = useText();
  const requirement = (r: string) => (r === 'nib' ? t('editor.nib') : t(`certKind.${r}`));
  return (
    <section className="panel" aria-labelledby="gates-title">
      <h2 id="gates-title">{t('scheme.gates')}</h2>
      {draft.gates.length === 0 ? <p className="muted small">{t('editor.noGates')}</p> : null}
      {draft.gates.map((g, i) => {
        const path = `gates.${i}`;
        const gate = (step: (g: SchemeDefinition['gates'][number]) => void) => change((d) => step(d.gates[i]!));
        return (
          <fieldset key={i} className="part">
            <legend>{text(g.name) || g.code}</legend>
            <TextField
              label={t('editor.gateName')}
              path={`${path}.name`}
              errors={errors}
              text={g.name}
              locale={locale}
              onText={(v) => gate((x) => (x.name = withText(x.name, locale, v)))}
            />
            <Field label={t('editor.code')} name={`${path}.code`} error={errors[`${path}.code`]}>
              {(p) => <input {...p} value={g.code} onChange={(e) => gate((x) => (x.code = e.target.value.trim()))} />}
            </Field>
            <fieldset className="field">
              <legend>{t('editor.anyOf')}</legend>
              <div className="options">
                {GATE_REQUIREMENTS.map((r) => (
                  <label key={r} className="choice">
                    <input
                      type="checkbox"
                      checked={g.anyOf.includes(r)}
                      onChange={(e) =>
                        gate((x) => {
                          x.anyOf = e.target.checked ? [...x.anyOf, r] : x.anyOf.filter((a) => a !== r);
                        })
                      }
                    />
                    {requirement(r)}
                  </label>
                ))}
              </div>
              {firstUnder(errors, `${path}.anyOf`) ? (
                <small className="error">{firstUnder(errors, `${path}.anyOf`)}</small>
              ) : null}
            </fieldset>
            <Field
              label={t('editor.categories')}
              name={`${path}.categories`}
              hint={t('editor.categoriesHint')}
              error={firstUnder(errors, `${path}.categories`)}
            >
              {(p) => (
                <input
                  {...p}
                  key={`${i}-${g.code}`}
                  defaultValue={g.categories?.join(', ') ?? ''}
                  onChange={(e) => gate((x) => (x.categories = parseCodes(e.target.value)))}
                />
              )}
            </Field>
            <div className="pair">
              <Field label={t('editor.onFail')} name={`${path}.onFail`} error={undefined}>
                {(p) => (
                  <EnumSelect
                    {...p}
                    values={['block', 'cap'] as const}
                    value={g.onFail.effect}
                    messages="gateEffect"
                    onChange={(effect) =>
                      gate((x) => (x.onFail = effect === 'cap' ? { effect, maxStars: 4 } : { effect }))
                    }
                  />
                )}
              </Field>
              {g.onFail.effect === 'cap' ? (
                <NumberField
                  label={t('editor.maxStars')}
                  path={`${path}.onFail.maxStars`}
                  errors={errors}
                  value={g.onFail.maxStars}
                  onValue={(n) => gate((x) => (x.onFail = { effect: 'cap', maxStars: n ?? NaN }))}
                />
              ) : null}
            </div>
            <button type="button" className="link" onClick={() => change((d) => d.gates.splice(i, 1))}>
              {t('editor.removeGate', { name: text(g.name) || g.code })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" onClick={() => change((d) => d.gates.push(newGate(d)))}>
        {t('editor.addGate')}
      </button>
    </section>
  );
}

/**
 * The whole scheme as one form. Saving sends the version it started from; the server edits a
 * version no assessment uses in place, and turns the edit of a version in use into a new version.
 */
export function SchemeEditor({
  scheme,
  onSaved,
  onReload,
}: {
  scheme: SchemeAnswer;
  onSaved: (saved: SchemeAnswer) => void;
  onReload: () => void;
}) {
  const { t, locale: uiLocale } = useI18n();
  const [draft, setDraft] = useState(scheme.definition);
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const form = useFormState<SchemeAnswer>();
  const change: Change = (step) => setDraft((d) => edited(d, step));
  const errors = definitionErrors(form.errors);
  const count = Object.keys(errors).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { version: scheme.version, definition: draft };
    await form.submit(patchSchemeBody, body, async () => onSaved(await patchScheme(scheme.id, body)));
  };

  /** A text the scheme may leave out (description, badge name, caveats): emptied in every language, it is gone. */
  const optionalText = (key: 'description' | 'badgeName' | 'caveats', label: string, rows?: number) => (
    <TextField
      label={label}
      path={key}
      errors={errors}
      text={draft[key]}
      locale={locale}
      {...(rows ? { rows } : {})}
      onText={(v) =>
        change((d) => {
          const text = withText(d[key], locale, v);
          d[key] = Object.keys(text).length ? text : undefined;
        })
      }
    />
  );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('editor.form')} className="scheme-editor">
      {form.conflict ? <ConflictNotice version={form.conflict.version} onReload={onReload} /> : null}
      <div role="tablist" aria-label={t('editor.textLanguage')} className="tabs">
        {LOCALES.map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            aria-selected={locale === l}
            aria-controls="scheme-texts"
            onClick={() => setLocale(l)}
          >
            {t(`language.${l}`)}
          </button>
        ))}
      </div>
      <div id="scheme-texts" role="tabpanel">
        <section className="panel" aria-labelledby="general-title">
          <h2 id="general-title">{t('editor.general')}</h2>
          <TextField
            label={t('editor.name')}
            path="name"
            errors={errors}
            text={draft.name}
            locale={locale}
            onText={(v) => change((d) => (d.name = withText(d.name, locale, v)))}
          />
          {optionalText('description', t('editor.description'), 3)}
          {optionalText('badgeName', t('editor.badgeName'))}
          {optionalText('caveats', t('editor.caveats'), 3)}
          <NumberField
            label={t('editor.minPublicStars')}
            path="minPublicStars"
            errors={errors}
            value={draft.minPublicStars}
            onValue={(n) => change((d) => (d.minPublicStars = n ?? NaN))}
          />
          <NumberField
            label={t('editor.validity')}
            path="validityMonths"
            errors={errors}
            value={draft.validityMonths}
            onValue={(n) => change((d) => (d.validityMonths = n ?? NaN))}
          />
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.selfAssessmentRequired}
              onChange={(e) => change((d) => (d.selfAssessmentRequired = e.target.checked))}
            />
            {t('editor.selfRequired')}
          </label>
        </section>
        <StarsSection draft={draft} change={change} errors={errors} />
        <SchemePartsEditor draft={draft} change={change} locale={locale} errors={errors} />
        <GatesSection draft={draft} change={change} locale={locale} errors={errors} />
      </div>
      <section className="panel">
        {count ? (
          <p className="error" role="alert">
            {t('editor.invalid', { count })}
          </p>
        ) : null}
        <p className="small">{t('editor.versionNote')}</p>
        <button type="submit" disabled={form.busy}>
          {t('editor.save')}
        </button>
      </section>
    </form>
  );
}

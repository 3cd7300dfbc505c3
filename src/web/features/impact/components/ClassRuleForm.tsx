import { useId, useState, type FormEvent } from 'react';
import {
  CLASS_CONDITIONS,
  classRuleBody,
  type ClassCondition,
  type ClassRuleAnswer,
} from '../../../../shared/schemas/impact';
import { ConflictNotice, Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { problemText } from '../../../lib/problem-text';
import { useResource } from '../../../lib/use-resource';
import { getClassRule, putClassRule } from '../api/class-rule';

/**
 * "Aturan naik kelas": which conditions make a group move up a class in this program, and by how
 * many percent its sales must grow on the year before. Shown to the program's manager beside the
 * targets; the server's refusals show beside the fields, in the reader's language.
 */
export function ClassRuleSection({ programId }: { programId: string }) {
  const rule = useResource(`class-rule|${programId}`, (signal) => getClassRule(programId, signal));
  // The form keeps what was ticked, and its "saved" line, across a save's reload (so its key is not
  // the version); a conflict's "load the current" starts it afresh.
  const [fresh, setFresh] = useState(0);
  return (
    <Loaded resource={rule}>
      {(r) => (
        <ClassRuleForm
          key={fresh}
          programId={programId}
          rule={r}
          onReload={() => {
            setFresh(fresh + 1);
            rule.reload();
          }}
          onSaved={rule.reload}
        />
      )}
    </Loaded>
  );
}

interface ClassRuleFormProps {
  programId: string;
  rule: ClassRuleAnswer;
  onSaved: () => void;
  onReload: () => void;
}

function ClassRuleForm({ programId, rule, onSaved, onReload }: ClassRuleFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [conditions, setConditions] = useState<ClassCondition[]>(rule.conditions);
  const [percent, setPercent] = useState(String(rule.revenueGrowthPercent));
  const [saved, setSaved] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useFormState<ClassRuleAnswer>();

  const toggle = (c: ClassCondition, on: boolean) => {
    setSaved(false);
    setConditions(CLASS_CONDITIONS.filter((x) => (x === c ? on : conditions.includes(x))));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setRefusal(null);
    const body = {
      version: rule.version,
      conditions,
      revenueGrowthPercent: percent.trim() === '' ? NaN : Number(percent),
    };
    const ok = await form.submit(classRuleBody, body, async () => {
      try {
        await putClassRule(programId, body);
      } catch (error) {
        // A refusal that names no field (a program the reader may not set) shows below the fields.
        if (error instanceof ApiError && !error.problem.errors?.length && error.status !== 409) {
          setRefusal(problemText(error.problem, t));
        }
        throw error;
      }
    });
    if (ok) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <form
      className="panel class-rule"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('impact.classRule.title')}
    >
      <h2>{t('impact.classRule.title')}</h2>
      <p className="muted small">{t('impact.classRule.intro')}</p>
      {form.conflict ? <ConflictNotice version={form.conflict.version} onReload={onReload} /> : null}
      <fieldset aria-describedby={form.errors.conditions ? `${id}-conditions-error` : undefined}>
        <legend>{t('impact.classRule.conditions')}</legend>
        <ul className="checks">
          {CLASS_CONDITIONS.map((c) => (
            <li key={c}>
              <label className="check">
                <input
                  type="checkbox"
                  name={`${id}-${c}`}
                  checked={conditions.includes(c)}
                  disabled={!rule.abilities.manage}
                  onChange={(e) => toggle(c, e.target.checked)}
                />
                <span>{t(`impact.condition.${c}`)}</span>
              </label>
            </li>
          ))}
        </ul>
        {form.errors.conditions ? (
          <p className="error" id={`${id}-conditions-error`} role="alert">
            {form.errors.conditions}
          </p>
        ) : null}
      </fieldset>
      <Field
        label={t('impact.classRule.percent')}
        name={`${id}-percent`}
        error={form.errors.revenueGrowthPercent}
        hint={t('impact.classRule.percentHint')}
      >
        {(p) => (
          <input
            {...p}
            inputMode="numeric"
            value={percent}
            disabled={!rule.abilities.manage}
            onChange={(e) => {
              setSaved(false);
              setPercent(e.target.value);
            }}
          />
        )}
      </Field>
      {refusal ? (
        <p className="error" role="alert">
          {refusal}
        </p>
      ) : null}
      {rule.abilities.manage ? (
        <button type="submit" disabled={form.busy}>
          {t('impact.classRule.save')}
        </button>
      ) : null}
      {saved ? (
        <p role="status" className="small">
          {t('impact.classRule.saved')}
        </p>
      ) : null}
    </form>
  );
}

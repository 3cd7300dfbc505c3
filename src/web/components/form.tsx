import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { issueCode, type IssueLike } from '../../shared/problem-codes';
import { useI18n } from '../i18n/i18n';
import { ApiError } from '../lib/http';
import { fieldText, type Translate } from '../lib/problem-text';

export type Errors = Record<string, string>;

/**
 * Field errors from the same zod schema the server validates with, keyed by dotted path, each
 * worded from its code (the same codes the server sends) in the reader's language.
 */
export function schemaErrors(schema: z.ZodType, value: unknown, t: Translate): Errors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Errors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    errors[path] ??= fieldText({ ...issueCode(issue as IssueLike), message: issue.message }, t);
  }
  return errors;
}

/** The server's own field errors (problem+json `errors`), keyed the same way and translated by code. */
export function problemErrors(error: ApiError, t: Translate): Errors {
  const errors: Errors = {};
  for (const e of error.problem.errors ?? []) errors[e.path.replace(/^body\./, '')] ??= fieldText(e, t);
  return errors;
}

/** Failures a form shows beside its fields (400, 422) or as a conflict (409): no toast. */
export const formQuiet = (error: ApiError) => [400, 409, 422].includes(error.status);

export interface FormState<C> {
  errors: Errors;
  conflict: C | null;
  busy: boolean;
  /** Validates with the schema, then runs the request; field errors and conflicts land in the state. */
  submit: (schema: z.ZodType, value: unknown, send: () => Promise<void>) => Promise<boolean>;
  clearConflict: () => void;
}

export function useFormState<C = unknown>(): FormState<C> {
  const { t } = useI18n();
  const [errors, setErrors] = useState<Errors>({});
  const [conflict, setConflict] = useState<C | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (schema: z.ZodType, value: unknown, send: () => Promise<void>) => {
    const local = schemaErrors(schema, value, t);
    setErrors(local);
    if (Object.keys(local).length) return false;
    setBusy(true);
    try {
      await send();
      setConflict(null);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 409 && error.problem.current) setConflict(error.problem.current as C);
      setErrors(problemErrors(error, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { errors, conflict, busy, submit, clearConflict: () => setConflict(null) };
}

interface FieldProps {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A label, the control, and the field's error announced to screen readers. */
export function Field({ label, name, error, hint, children }: FieldProps) {
  const id = `f-${name.replace(/[^\w-]/g, '-')}`;
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), ...(described ? { 'aria-describedby': described } : {}) })}
      {hint && !error ? (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={`${id}-error`} className="error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}

/** A stale edit: the current record is shown, and the user chooses to load it. Nothing is overwritten. */
export function ConflictNotice({ version, onReload }: { version: number; onReload: () => void }) {
  const { t } = useI18n();
  return (
    <div className="panel warning" role="alert" data-testid="conflict">
      <p>{t('form.conflict', { version })}</p>
      <button type="button" onClick={onReload}>
        {t('form.loadCurrent')}
      </button>
    </div>
  );
}

/** The first error at a path or anywhere under it (`categories` also finds `categories.2.code`). */
export const firstUnder = (errors: Errors, key: string) =>
  Object.entries(errors).find(([path]) => path === key || path.startsWith(`${key}.`))?.[1];

export const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
export const orUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());
export const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

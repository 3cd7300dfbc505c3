import { useState, type InputHTMLAttributes } from 'react';
import { Field, firstUnder, type Errors } from '../../../components/form';
import { parseNumber } from './scheme-draft';

const shown = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : String(n));
const same = (a: number | undefined, b: number | undefined) =>
  a === b || (a !== undefined && b !== undefined && Number.isNaN(a) && Number.isNaN(b));

/**
 * A number typed as text, so "12," or an empty box can be on the way to a number. The text follows
 * the value when the value changes from outside (another row moved into this one's place).
 */
export function NumberInput({
  value,
  onValue,
  ...rest
}: { value: number | undefined; onValue: (n: number | undefined) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange'
>) {
  const [text, setText] = useState(shown(value));
  if (!same(parseNumber(text), value)) setText(shown(value));
  return (
    <input
      {...rest}
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onValue(parseNumber(e.target.value));
      }}
    />
  );
}

/** A labelled number field whose error is the first one at `path` or under it. */
export function NumberField({
  label,
  path,
  errors,
  value,
  onValue,
  hint,
}: {
  label: string;
  path: string;
  errors: Errors;
  value: number | undefined;
  onValue: (n: number | undefined) => void;
  hint?: string;
}) {
  return (
    <Field label={label} name={path} error={firstUnder(errors, path)} {...(hint ? { hint } : {})}>
      {(p) => <NumberInput {...p} value={value} onValue={onValue} />}
    </Field>
  );
}

/** One language of a localized text; `lang` marks the input so the browser spell-checks it right. */
export function TextField({
  label,
  path,
  errors,
  text,
  locale,
  onText,
  rows,
}: {
  label: string;
  path: string;
  errors: Errors;
  text: Record<string, string> | undefined;
  locale: string;
  onText: (value: string) => void;
  rows?: number;
}) {
  const value = text?.[locale] ?? '';
  const fallback = text ? (text.id ?? Object.values(text)[0]) : undefined;
  return (
    <Field
      label={label}
      name={`${path}-${locale}`}
      error={firstUnder(errors, path)}
      {...(!value && fallback ? { hint: fallback } : {})}
    >
      {(p) =>
        rows ? (
          <textarea {...p} lang={locale} rows={rows} value={value} onChange={(e) => onText(e.target.value)} />
        ) : (
          <input {...p} lang={locale} value={value} onChange={(e) => onText(e.target.value)} />
        )
      }
    </Field>
  );
}

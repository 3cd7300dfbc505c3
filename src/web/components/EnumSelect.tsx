import type { SelectHTMLAttributes } from 'react';
import { useI18n } from '../i18n/i18n';

interface EnumSelectProps<T extends string> extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange' | 'children'
> {
  values: readonly T[];
  value: T;
  onChange: (value: T) => void;
  /** Message key prefix: option `v` reads `t('<messages>.v')`. */
  messages: string;
}

/** A <select> over a fixed list of codes (an enum of a shared schema), each shown in the reader's language. */
export function EnumSelect<T extends string>({ values, value, onChange, messages, ...rest }: EnumSelectProps<T>) {
  const { t } = useI18n();
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`${messages}.${v}`)}
        </option>
      ))}
    </select>
  );
}

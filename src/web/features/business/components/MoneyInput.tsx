import type { InputHTMLAttributes } from 'react';
import { minorDigits } from '../../../../shared/money';
import { useI18n } from '../../../i18n/i18n';

interface MoneyInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  /** The amount as the API sends it: a plain decimal string ("129000", "12.5"), or '' when empty. */
  value: string;
  currency: string;
  onChange: (amount: string) => void;
}

function separators(locale: string) {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234.5);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** "129000" → "129.000" in Indonesian, "129,000" in English; exact (no floats), decimals kept as typed. */
export function displayAmount(amount: string, locale: string): string {
  const { group, decimal } = separators(locale);
  const [whole = '', fraction] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fraction === undefined ? grouped : `${grouped}${decimal}${fraction}`;
}

/** What was typed, back to a plain decimal string: separators dropped, at most the currency's decimals. */
export function parseAmount(text: string, locale: string, currency: string): string {
  const { group, decimal } = separators(locale);
  const digits = minorDigits(currency);
  let cleaned = '';
  let seenDecimal = false;
  for (const ch of text) {
    if (/\d/.test(ch)) cleaned += ch;
    else if (ch === decimal && digits > 0 && !seenDecimal && ch !== group) {
      cleaned += '.';
      seenDecimal = true;
    }
  }
  const [whole = '', fraction] = cleaned.split('.');
  const trimmed = whole.replace(/^0+(?=\d)/, '');
  return fraction === undefined ? trimmed : `${trimmed || '0'}.${fraction.slice(0, digits)}`;
}

/** An amount field with the currency in front and thousands separators as the reader writes them. */
export function MoneyInput({ value, currency, onChange, ...rest }: MoneyInputProps) {
  const { locale } = useI18n();
  return (
    <span className="money-input">
      <span className="money-symbol" aria-hidden="true">
        {currencySymbol(currency, locale)}
      </span>
      <input
        {...rest}
        inputMode={minorDigits(currency) > 0 ? 'decimal' : 'numeric'}
        autoComplete="off"
        value={displayAmount(value, locale)}
        onChange={(e) => onChange(parseAmount(e.target.value, locale, currency))}
      />
    </span>
  );
}

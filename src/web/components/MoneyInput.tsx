import type { InputHTMLAttributes } from 'react';
import { minorDigits } from '../../shared/money';
import { useI18n } from '../i18n/i18n';
import { currencySymbol, displayAmount, parseAmount } from '../lib/money-text';

interface MoneyInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  /** The amount as the API sends it: a plain decimal string ("129000", "12.5"), or '' when empty. */
  value: string;
  currency: string;
  onChange: (amount: string) => void;
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

import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { searchHsCodes } from '../api/hs-codes';

/**
 * The HS code of a product: typed, or picked from HS 2022 subheadings found by code or by English
 * words (the nomenclature's descriptions exist in English only, which the picker says).
 */
export function HsCodePicker({
  id,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  invalid: boolean;
  describedBy?: string | undefined;
}) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState('');
  // Asks once the typing pauses, so a word costs one request.
  useEffect(() => {
    const timer = setTimeout(() => setAsked(query.trim()), 300);
    return () => clearTimeout(timer);
  }, [query]);
  const found = useResource(asked.length >= 2 ? `hs-${asked}` : null, (signal) => searchHsCodes(asked, locale, signal));
  const items = asked.length >= 2 ? (found.data?.items ?? []) : [];
  return (
    <div>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        inputMode="decimal"
        placeholder="2008.99"
        aria-invalid={invalid}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      />
      <label htmlFor={`${id}-search`} className="small">
        {t('products.hsSearch')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('products.hsSearchHint')}
        aria-describedby={`${id}-english`}
      />
      <small id={`${id}-english`} className="muted">
        {t('products.hsEnglishOnly')}
      </small>
      {items.length > 0 ? (
        <ul className="rows" aria-label={t('products.hsResults')}>
          {items.map((item) => (
            <li key={item.code}>
              <button
                type="button"
                className="row-button"
                aria-pressed={value === item.code}
                onClick={() => {
                  onChange(item.code);
                  setQuery('');
                }}
              >
                <strong>{item.code}</strong> <span lang="en">{item.description}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : asked.length >= 2 && found.data ? (
        <p className="muted small">{t('products.hsNone')}</p>
      ) : null}
    </div>
  );
}

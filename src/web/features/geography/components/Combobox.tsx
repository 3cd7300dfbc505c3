import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/i18n';

export interface ComboboxOption {
  key: string;
  label: string;
  /** Context under the label, a line each: an area's ancestors, a group's village, a user's phone and roles. */
  detail?: string | readonly string[];
}

interface Props<T> {
  id: string;
  /** What the chosen value reads as, shown in the box when the user is not typing. */
  chosenLabel: string;
  search: (q: string, signal: AbortSignal) => Promise<T[]>;
  toOption: (item: T) => ComboboxOption;
  onPick: (item: T | null) => void;
  invalid?: boolean | undefined;
  placeholder?: string | undefined;
  /** Fewest characters before searching (the server refuses one-letter area searches). */
  minLength?: number;
}

const WAIT_MS = 250;

/**
 * A search-as-you-type picker (WAI-ARIA combobox with a listbox popup): typing searches after a
 * short pause, arrows move through the hits, Enter picks, Escape closes. Nobody types a code or an id.
 */
export function Combobox<T>({
  id,
  chosenLabel,
  search,
  toOption,
  onPick,
  invalid,
  placeholder,
  minLength = 2,
}: Props<T>) {
  const { t } = useI18n();
  const listId = useId();
  const [text, setText] = useState<string | null>(null);
  const [hits, setHits] = useState<T[] | null>(null);
  const [active, setActive] = useState(-1);
  const [failed, setFailed] = useState(false);
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    const q = text?.trim() ?? '';
    if (q.length < minLength) {
      setHits(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchRef.current(q, controller.signal).then(
        (items) => {
          setFailed(false);
          setHits(items);
          setActive(items.length ? 0 : -1);
        },
        () => {
          if (!controller.signal.aborted) setFailed(true);
        },
      );
    }, WAIT_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, minLength]);

  const open = text !== null && hits !== null;
  const pick = (item: T) => {
    onPick(item);
    setText(null);
    setHits(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && hits?.length) {
      e.preventDefault();
      setActive((i) => (i + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits?.length) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? hits.length - 1 : i - 1));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      const item = hits[active];
      if (item) pick(item);
    } else if (e.key === 'Escape') {
      setText(null);
      setHits(null);
    }
  };
  const optionId = (i: number) => `${listId}-o${i}`;
  return (
    <div className="picker combobox">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid}
        placeholder={placeholder}
        value={text ?? chosenLabel}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value === '') onPick(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setText(null), 200)}
      />
      <ul id={listId} role="listbox" className="rows combobox-list" hidden={!open}>
        {open && hits.length === 0 ? (
          <li role="option" aria-selected={false} aria-disabled="true" className="muted small">
            {t('picker.noMatches')}
          </li>
        ) : null}
        {hits?.map((item, i) => {
          const option = toOption(item);
          return (
            <li
              key={option.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'row-button active' : 'row-button'}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(item);
              }}
            >
              <span>{option.label}</span>
              {[option.detail ?? []].flat().map((line, n) => (
                <span key={n} className="muted small">
                  {line}
                </span>
              ))}
            </li>
          );
        })}
      </ul>
      {failed ? (
        <p className="error small" role="alert">
          {t('picker.failed')}
        </p>
      ) : null}
    </div>
  );
}

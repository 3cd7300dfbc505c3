import { useState } from 'react';

/**
 * A form's draft of a record and the record it is based on (whose version an edit sends).
 * `draftOf(null)` is the blank draft of a new record.
 */
export function useDraft<R, D extends object>(record: R | null, draftOf: (record: R | null) => D) {
  const [draft, setDraft] = useState(() => draftOf(record));
  const [base, setBase] = useState(record);
  /** The onChange of an input bound to a text field of the draft. */
  const set = (key: keyof D) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const patch = (fields: Partial<D>) => setDraft((d) => ({ ...d, ...fields }));
  /** Starts over from a record: the current one after a conflict, or none for a blank form. */
  const reset = (next: R | null) => {
    setBase(next);
    setDraft(draftOf(next));
  };
  return { draft, setDraft, set, patch, base, setBase, reset };
}

import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { OutboxRecord } from '../../../lib/outbox/db';

type Fields = Record<string, string>;

/** The record's own top-level text and number fields; nested ones (contact, price) stay as they were. */
function editable(body: unknown): Fields {
  const fields: Fields = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k === 'id' || k === 'version') continue;
    if (typeof v === 'string' || typeof v === 'number') fields[k] = String(v);
  }
  return fields;
}

/**
 * A refused record opened for correction: its fields with the server's reason beside the one it
 * names; "send again" keeps the client id, so the server still recognises a replay.
 */
export function RecordFixer({ record, onResend }: { record: OutboxRecord; onResend: (body: unknown) => void }) {
  const { t } = useI18n();
  const original = (record.body ?? {}) as Record<string, unknown>;
  const [fields, setFields] = useState(() => editable(record.body));
  const reasons = new Map((record.problem?.errors ?? []).map((e) => [e.path.replace(/^body\./, ''), e.message]));
  const send = () => {
    const body: Record<string, unknown> = { ...original };
    for (const [k, v] of Object.entries(fields)) body[k] = typeof original[k] === 'number' ? Number(v) : v;
    onResend(body);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      aria-label={t('outbox.fix')}
    >
      {Object.entries(fields).map(([k, v]) => (
        <div className="field" key={k}>
          <label htmlFor={`fix-${record.clientId}-${k}`}>{k}</label>
          <input
            id={`fix-${record.clientId}-${k}`}
            value={v}
            aria-invalid={reasons.has(k)}
            onChange={(e) => setFields({ ...fields, [k]: e.target.value })}
          />
          {reasons.has(k) ? <small className="error">{reasons.get(k)}</small> : null}
        </div>
      ))}
      <button type="submit">{t('outbox.resend')}</button>
    </form>
  );
}

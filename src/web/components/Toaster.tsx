import { useEffect, useState } from 'react';
import { onRequestFailed } from '../lib/http';
import { problemText, problemTitle } from '../lib/problem-text';
import { useI18n } from '../i18n/i18n';

interface Toast {
  id: number;
  title: string;
  detail?: string;
}

let nextId = 1;

/** Shows each failed request's problem for a few seconds, in the reader's language (from its code). */
export function Toaster() {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(
    () =>
      onRequestFailed((error) => {
        const id = nextId++;
        const title = problemTitle(error.problem, t);
        const detail = problemText(error.problem, t);
        setToasts((list) => [...list.slice(-2), { id, title, detail }]);
        setTimeout(() => setToasts((list) => list.filter((toast) => toast.id !== id)), 8000);
      }),
    [t],
  );
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" role="alert">
          <strong>{toast.title}</strong>
          {toast.detail ? <span>{toast.detail}</span> : null}
          <button
            type="button"
            className="link"
            aria-label={t('action.dismiss')}
            onClick={() => setToasts((list) => list.filter((x) => x.id !== toast.id))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface ConfirmRequest {
  /** What is about to happen, as a question: "Finalise the stars?" */
  title: string;
  /** What it does and why it cannot be taken back (or who will see it). */
  body: ReactNode;
  /** The button that goes ahead, named after the action: "Finalise", "Publish". */
  confirm: string;
}

/**
 * The one confirmation before an irreversible or public action: a modal native `<dialog>` (focus
 * kept inside, Escape cancels) that says what will happen, with the action's own name on the
 * button that goes ahead and Cancel focused first.
 */
export function ConfirmDialog({
  request,
  onConfirm,
  onCancel,
}: {
  request: ConfirmRequest | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) dialog.showModal();
    if (!request && dialog.open) dialog.close();
  }, [request]);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {request ? (
        <>
          <h2 id={`${id}-title`}>{request.title}</h2>
          <div id={`${id}-body`}>{request.body}</div>
          <div className="inline wrap">
            <button type="button" onClick={onConfirm}>
              {request.confirm}
            </button>
            <button type="button" className="secondary" autoFocus onClick={onCancel}>
              {t('action.cancel')}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

/**
 * Asks before going ahead: `if (!(await ask({ title, body, confirm }))) return;`. Render `dialog`
 * once in the component.
 */
export function useConfirm() {
  const [pending, setPending] = useState<{ request: ConfirmRequest; answer: (yes: boolean) => void } | null>(null);
  const ask = (request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ request, answer: resolve }));
  const settle = (yes: boolean) => {
    pending?.answer(yes);
    setPending(null);
  };
  const dialog = (
    <ConfirmDialog request={pending?.request ?? null} onConfirm={() => settle(true)} onCancel={() => settle(false)} />
  );
  return { ask, dialog };
}

import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * Warns before a form with unsaved edits is left: closing or reloading the tab (`beforeunload`),
 * following a link inside the app (wouter navigates without unloading), and Back (`popstate`,
 * undone by pushing the form's address again when the user stays).
 */
function useUnsavedGuard(dirty: boolean) {
  const { t } = useI18n();
  useEffect(() => {
    if (!dirty) return;
    const message = t('form.unsaved');
    const here = window.location.href;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link || event.defaultPrevented || (link as HTMLAnchorElement).target === '_blank') return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    const onPopState = () => {
      if (!window.confirm(message)) window.history.pushState(null, '', here);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('popstate', onPopState);
    };
  }, [dirty, t]);
}

/**
 * The guard over a form's typed values: on while they differ from where the form started. Call the
 * returned `markClean()` when a submit went through (to the server or into the outbox) or the form
 * was reloaded with the server's version: the values it shows next, kept or cleared for the next
 * record, are its new starting point, so a submitted form is left without asking. A form's own
 * Cancel asks `confirmLeave()` first: true when nothing was typed or the user agrees to drop it.
 */
export function useUnsavedValues(
  values: unknown,
  active = true,
): { markClean: () => void; confirmLeave: () => boolean } {
  const { t } = useI18n();
  const now = JSON.stringify(values);
  const [start, setStart] = useState<string | null>(now);
  useEffect(() => {
    if (start === null) setStart(now);
  }, [start, now]);
  const dirty = active && start !== null && now !== start;
  useUnsavedGuard(dirty);
  const markClean = useCallback(() => setStart(null), []);
  const confirmLeave = useCallback(() => !dirty || window.confirm(t('form.unsaved')), [dirty, t]);
  return { markClean, confirmLeave };
}

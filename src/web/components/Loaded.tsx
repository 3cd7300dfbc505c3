import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Loadable } from '../lib/use-resource';
import { NotFound } from './NotFound';

interface LoadedProps<T> {
  /** What the screen waits for: a `useResource` result, `both(a, b)`, or a list's `{ data: items, error }`. */
  resource: Loadable<T>;
  /** Shown instead of the not-found page when the record does not exist. */
  notFound?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * The one way a screen shows what it is waiting for: the not-found page when the server says there
 * is no such record (404, or 400 for an id that cannot be one), an alert when it could not be
 * loaded, a status line while it loads, and then the screen itself — with a hidden ready mark, by
 * which a page the server rendered knows the app's screen has its answer (src/web/main.tsx).
 */
export function Loaded<T>({ resource, notFound = <NotFound />, children }: LoadedProps<T>) {
  const { t } = useI18n();
  const { data, error } = resource;
  let shown: ReactNode;
  if (error) shown = error.status === 404 || error.status === 400 ? notFound : <p role="alert">{t('error.load')}</p>;
  else if (data === undefined) return <Loading />;
  else shown = children(data);
  return (
    <>
      {shown}
      <ReadyMark />
    </>
  );
}

/**
 * Says that a screen has its answer: a page the server rendered gives way to the app's screen only
 * once the screen holds this (src/web/main.tsx). `Loaded` adds it; a screen that waits otherwise
 * adds it itself.
 */
export function ReadyMark() {
  return <span hidden data-ready="" />;
}

/** The line shown while something loads: a screen's data, or a screen's code (a Suspense fallback). */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status" data-loading="">
      {t('state.loading')}
    </p>
  );
}

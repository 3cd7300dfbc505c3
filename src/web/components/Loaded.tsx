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
 * loaded, a status line while it loads, and then the screen itself.
 */
export function Loaded<T>({ resource, notFound = <NotFound />, children }: LoadedProps<T>) {
  const { t } = useI18n();
  const { data, error } = resource;
  if (error) return error.status === 404 || error.status === 400 ? notFound : <p role="alert">{t('error.load')}</p>;
  if (data === undefined) return <Loading />;
  return children(data);
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

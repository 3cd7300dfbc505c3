import { createContext, useContext } from 'react';
import type { Me } from './api/session';

/** The signed-in user, as the staff app loaded them when it opened. */
interface Session {
  me: Me;
  /** The caller's unread notifications, fetched when the app loads and after marking one read. */
  unread: number;
  reloadUnread: () => void;
}

/** Provided by the staff app (src/web/app/StaffApp.tsx) to every screen under /app. */
export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside StaffApp');
  return session;
}

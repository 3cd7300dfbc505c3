import { withQuery } from '../../lib/http';
import { dateIn } from '../../../shared/dates';

/**
 * The signed-in user's working set for offline reading: the lists and records their field screens
 * open, fetched by the very URLs those screens ask for, so the service worker's cache (network
 * first) answers them when there is no network. What the server lets the user read is all that
 * comes back: each list is already narrowed to their scope.
 */
const MAX_GROUPS = 60;
const MAX_SESSIONS = 30;

interface Listed {
  items?: { id: string; startsOn?: string; endsOn?: string }[];
}

async function get(url: string): Promise<Listed | undefined> {
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    return response.ok ? ((await response.json()) as Listed) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `work` over `items`, a few at a time (a phone on 2G should not open fifty connections). */
async function inBatches<T>(items: T[], work: (item: T) => Promise<unknown>, size = 4): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** The service worker must be serving the page, or what is fetched is not kept. */
async function controlled(): Promise<void> {
  if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller) return;
  await new Promise<void>((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
    setTimeout(resolve, 20_000);
  });
}

const DOWNLOADED_AT = 'ovop.workingSetAt';

/** When the working set was last downloaded on this phone (shown on the outbox screen). */
export function workingSetDownloadedAt(): string | null {
  try {
    return localStorage.getItem(DOWNLOADED_AT);
  } catch {
    return null;
  }
}

let running: Promise<void> | null = null;

export function downloadWorkingSet(programId: string | undefined): Promise<void> {
  running ??= download(programId).finally(() => (running = null));
  return running;
}

async function download(programId: string | undefined): Promise<void> {
  if (!programId) return;
  await controlled();
  const today = dateIn(new Date());
  const [, , , groups, sessions] = await Promise.all([
    get('/api/v1/me'),
    get('/api/v1/programs'),
    get(withQuery('/api/v1/villages', { programId })),
    get(withQuery('/api/v1/groups', { programId })),
    get(withQuery('/api/v1/sessions', { programId, limit: 200 })),
  ]);
  await inBatches((groups?.items ?? []).slice(0, MAX_GROUPS), async ({ id }) => {
    await Promise.all([
      get(`/api/v1/groups/${id}`),
      get(`/api/v1/groups/${id}/members`),
      get(withQuery('/api/v1/products', { groupId: id })),
      get(`/api/v1/groups/${id}/books`),
      get(withQuery(`/api/v1/groups/${id}/journal`, { limit: 20 })),
      get(withQuery('/api/v1/batches', { groupId: id })),
    ]);
  });
  const current = (sessions?.items ?? []).filter((s) => (s.endsOn ?? today) >= today).slice(0, MAX_SESSIONS);
  await inBatches(current, async ({ id, startsOn }) => {
    const day = startsOn && startsOn > today ? startsOn : today;
    await Promise.all([
      get(`/api/v1/sessions/${id}`),
      get(`/api/v1/sessions/${id}/enrolments`),
      get(`/api/v1/sessions/${id}/attendance/${day}`),
    ]);
  });
  try {
    localStorage.setItem(DOWNLOADED_AT, new Date().toISOString());
    window.dispatchEvent(new Event('ovop:working-set'));
  } catch {
    // the time is only shown
  }
}

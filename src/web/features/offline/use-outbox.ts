import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { outboxDb, type OutboxRecord } from '../../lib/outbox/db';
import { isUnsynced } from '../../lib/outbox/rules';

/** The outbox's records, oldest first, kept current as they change (in this tab or the service worker). */
export function useOutboxRecords(): OutboxRecord[] | undefined {
  const [records, setRecords] = useState<OutboxRecord[]>();
  useEffect(() => {
    const subscription = liveQuery(async () => {
      const user = (await outboxDb.meta.get('user'))?.value;
      return (await outboxDb.records.orderBy('createdAt').toArray()).filter((r) => r.userId === user);
    }).subscribe({ next: setRecords, error: () => setRecords([]) });
    return () => subscription.unsubscribe();
  }, []);
  return records;
}

/** How many of the user's records have not arrived yet (the header's badge). */
export function useWaitingCount(): number {
  const records = useOutboxRecords();
  return records?.filter((r) => isUnsynced(r.state)).length ?? 0;
}

/** A record still in the outbox under this id (a group registered offline, shown before it arrives). */
export function usePendingRecord(clientId: string | null): OutboxRecord | undefined {
  const records = useOutboxRecords();
  return clientId ? records?.find((r) => r.clientId === clientId && r.state !== 'synced') : undefined;
}

/** Records waiting to be added under a parent (the members typed for a group), not yet arrived. */
export function usePendingChildren(parentId: string, kind: OutboxRecord['kind']): OutboxRecord[] {
  const records = useOutboxRecords();
  return records?.filter((r) => r.dependsOn === parentId && r.kind === kind && r.state !== 'synced') ?? [];
}

/** Records of one kind not yet arrived (the groups registered on this phone), oldest first. */
export function usePendingKind(kind: OutboxRecord['kind']): OutboxRecord[] {
  const records = useOutboxRecords();
  return records?.filter((r) => r.kind === kind && r.state !== 'synced') ?? [];
}

/** Writes to one address not yet arrived (a day's attendance taps), oldest first. */
export function usePendingWrites(url: string | null): OutboxRecord[] {
  const records = useOutboxRecords();
  return records?.filter((r) => r.url === url && r.state !== 'synced') ?? [];
}

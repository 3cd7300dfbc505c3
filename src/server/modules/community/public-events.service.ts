import type { PublicEventAnswer } from '../../../shared/schemas/community-events.js';
import type { Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { presentFacts } from './events.service.js';
import { eventsRepository, type EventRow } from './events.repository.js';

/** Public events: what anyone sees of the events a manager made public (members-only is the default). */
function presentPublicEvent(row: EventRow): PublicEventAnswer {
  return {
    ...presentFacts(row),
    programId: row.program_id,
    cancelled: row.cancelled,
    cancelReason: row.cancel_reason,
    capacityLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.going),
  };
}

/**
 * The program's public events that have not ended, for the public page: those called off stay,
 * marked, so a visitor who saw one learns it will not happen. Nothing about who comes.
 */
export async function listPublicEvents(ctx: Pick<Ctx, 'db' | 'clock'>, programId: string) {
  const rows = await eventsRepository.listPublic(ctx.db, programId, ctx.clock.now(), 100);
  return { items: rows.map(presentPublicEvent) };
}

/** One public event; a members-only one is 404, as if it did not exist. */
export async function showPublicEvent(ctx: Pick<Ctx, 'db'>, id: string): Promise<PublicEventAnswer> {
  const row = await eventsRepository.publicOne(ctx.db, id);
  if (!row) throw notFound('Event');
  return presentPublicEvent(row);
}

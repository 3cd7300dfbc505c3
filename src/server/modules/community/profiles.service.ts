import {
  PROFILE_FIELDS,
  type MyProfileAnswer,
  type ProfileBody,
  type ProfileField,
  type PublicProfileAnswer,
} from '../../../shared/schemas/community-profiles.js';
import { inTransaction, type Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { recordAudit } from '../platform/index.js';
import { joinsRepository, type JoinRow } from './joins.repository.js';
import { profilesRepository, type ProfileGroupRow, type ProfileRow } from './profiles.repository.js';
import { sanctionsRepository } from './sanctions.repository.js';
import { viewerIn } from './spaces.service.js';
import type { Queryable } from '../../db/database.js';

/**
 * Members' public pages (issue #16): a welcomed member controls them field by field; nothing is
 * public by default but her name and village.
 */
interface Profile {
  join: JoinRow;
  profile: ProfileRow;
  group: ProfileGroupRow | undefined;
}

async function profileOf(db: Queryable, join: JoinRow): Promise<Profile> {
  return {
    join,
    profile: await profilesRepository.get(db, join.id),
    group: join.user_id ? await profilesRepository.groupOf(db, join.program_id, join.user_id) : undefined,
  };
}

function presentMine({ join, profile, group }: Profile): MyProfileAnswer {
  const on = new Set(profile.public_fields);
  return {
    id: join.id,
    programId: join.program_id,
    name: join.name,
    area: { code: join.area_code, name: join.area_name },
    business: join.business,
    offers: profile.offers,
    phone: join.phone,
    email: join.email,
    group: group ?? null,
    public: Object.fromEntries(PROFILE_FIELDS.map((f) => [f, on.has(f)])) as Record<ProfileField, boolean>,
  };
}

/** Only what she turned on, and only what she has: a field that is off or empty is absent. */
function presentPublic({ join, profile, group }: Profile): PublicProfileAnswer {
  const on = new Set(profile.public_fields);
  const answer: PublicProfileAnswer = {
    id: join.id,
    programId: join.program_id,
    name: join.name,
    area: { code: join.area_code, name: join.area_name },
  };
  if (on.has('business') && join.business) answer.business = join.business;
  if (on.has('offers') && profile.offers) answer.offers = profile.offers;
  if (on.has('phone') && join.phone) answer.phone = join.phone;
  if (on.has('email') && join.email) answer.email = join.email;
  if (on.has('group') && group) answer.group = group;
  return answer;
}

/** The caller's own membership of the program's community (404 to anyone not welcomed in it). */
async function myJoin(ctx: Pick<Ctx, 'actor' | 'clock'>, db: Queryable, programId: string): Promise<JoinRow> {
  const viewer = await viewerIn(ctx, db, programId);
  const join = viewer.member ? await joinsRepository.byId(db, viewer.member.id) : undefined;
  if (!join) throw notFound('Community');
  return join;
}

export async function myProfile(ctx: Ctx, programId: string): Promise<MyProfileAnswer> {
  return presentMine(await profileOf(ctx.db, await myJoin(ctx, ctx.db, programId)));
}

/** Writes what she offers and which fields are public: hers alone (nobody else's profile is reachable). */
export async function writeProfile(ctx: Ctx, programId: string, input: ProfileBody): Promise<MyProfileAnswer> {
  return inTransaction(ctx, async (tx) => {
    const join = await myJoin(tx, tx.db, programId);
    await joinsRepository.lock(tx.db, join.id);
    const before = presentMine(await profileOf(tx.db, join));
    const fields = PROFILE_FIELDS.filter((f) => input.public[f]);
    await profilesRepository.write(tx.db, join.id, input.offers, fields);
    const after = presentMine(await profileOf(tx.db, join));
    await recordAudit(tx.db, tx, {
      action: 'community.profile.write',
      entity: 'community_join',
      entityId: join.id,
      before: { offers: before.offers, public: before.public },
      after: { offers: after.offers, public: after.public },
    });
    return after;
  });
}

/**
 * A member's public page, for anyone: 404 unless she is welcomed and not suspended now (a declined
 * or pending request, or a suspended member, has no public page).
 */
export async function publicProfile(ctx: Pick<Ctx, 'db' | 'clock'>, id: string): Promise<PublicProfileAnswer> {
  const join = await joinsRepository.byId(ctx.db, id);
  if (!join || join.status !== 'welcomed' || !join.user_id) throw notFound('Person');
  const { sanction } = await sanctionsRepository.standing(ctx.db, join.program_id, join.user_id, ctx.clock.now());
  if (sanction?.kind === 'suspend') throw notFound('Person');
  return presentPublic(await profileOf(ctx.db, join));
}

import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';
import { assertVersion } from '../../http/versioning.js';
import { recordAudit, registerOwnAccount, requireUser } from '../platform/index.js';
import { buyersRepository, type BuyerRow } from './buyers.repository.js';
import type { PatchBuyerBody, RegisterBuyerBody } from './orders.schemas.js';

/** A buyer's own profile; only the buyer (and the groups they write to, in part) ever see it. */
export function presentBuyer(row: BuyerRow) {
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    companyName: row.company_name,
    country: row.country,
    area: row.area_code ? { code: row.area_code, name: row.area_name ?? row.area_code } : null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
type PresentedBuyer = ReturnType<typeof presentBuyer>;

/** The area must exist and lie in the buyer's country; it is kept with its path to tell local sales. */
async function areaOf(db: Queryable, country: string, code: string | null | undefined) {
  if (!code) return { areaCode: null, areaPath: null };
  const area = await buyersRepository.area(db, code);
  if (!area) throw invalid([{ path: 'areaCode', message: 'no such area' }]);
  if (area.country !== country) throw invalid([{ path: 'areaCode', message: `is not in ${country}` }]);
  return { areaCode: code, areaPath: area.path };
}

/** Public sign-up: the account and its buyer profile in one transaction. */
/** A buyer's own sign-up; `ip`, when given (the public route), is rate limited. */
export async function registerBuyer(ctx: Ctx, input: RegisterBuyerBody, ip?: string): Promise<PresentedBuyer> {
  if (ctx.actor.kind === 'user') throw forbidden('Sign out before opening another account.');
  return registerOwnAccount(
    ctx,
    input,
    async (tx, user) => {
      const area = await areaOf(tx, input.country, input.areaCode);
      await buyersRepository.insert(tx, {
        userId: user.id,
        companyName: input.companyName,
        country: input.country,
        ...area,
      });
      const buyer = presentBuyer((await buyersRepository.byUser(tx, user.id))!);
      await recordAudit(
        tx,
        { ...ctx, actor: { kind: 'anonymous' } },
        {
          action: 'buyer.register',
          entity: 'buyer',
          entityId: user.id,
          after: buyer,
        },
      );
      return buyer;
    },
    ip,
  );
}

/** The signed-in user's buyer profile, or 404 when they are not a buyer. */
export async function buyerOf(ctx: Pick<Ctx, 'actor'> & { db: Queryable }): Promise<BuyerRow> {
  const user = requireUser(ctx.actor);
  const row = await buyersRepository.byUser(ctx.db, user.id);
  if (!row) throw notFound('Buyer profile');
  return row;
}

export async function getOwnBuyer(ctx: Ctx): Promise<PresentedBuyer> {
  return presentBuyer(await buyerOf(ctx));
}

export async function patchOwnBuyer(ctx: Ctx, base: number, input: PatchBuyerBody): Promise<PresentedBuyer> {
  return ctx.db.transaction(async (tx) => {
    const current = await buyerOf({ ...ctx, db: tx });
    const before = presentBuyer(current);
    assertVersion(current, base, () => before);
    const country = input.country ?? current.country;
    const keepArea = input.areaCode === undefined && country === current.country;
    const area = keepArea
      ? { areaCode: current.area_code, areaPath: current.area_path }
      : await areaOf(tx, country, input.areaCode);
    await buyersRepository.update(tx, current.user_id, {
      companyName: input.companyName ?? current.company_name,
      country,
      ...area,
    });
    const after = presentBuyer((await buyersRepository.byUser(tx, current.user_id))!);
    await recordAudit(tx, ctx, { action: 'buyer.update', entity: 'buyer', entityId: current.user_id, before, after });
    return after;
  });
}

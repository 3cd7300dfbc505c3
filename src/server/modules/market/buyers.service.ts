import type { Queryable } from '../../db/database.js';
import { anonymous, inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';
import { assertVersion } from '../../http/versioning.js';
import { recordAudit, registerOwnAccount, requireUser, signUpOwnAccount } from '../platform/index.js';
import { buyersRepository, type BuyerRow } from './buyers.repository.js';
import type { BuyerAnswer, PatchBuyerBody, RegisterBuyerBody, SignUpAnswer } from './market.schemas.js';

/** A buyer's own profile; only the buyer (and the groups they write to, in part) ever see it. */
function presentBuyer(row: BuyerRow): BuyerAnswer {
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

/** The area must exist and lie in the buyer's country; it is kept with its path to tell local sales. */
async function areaOf(db: Queryable, country: string, code: string | null | undefined) {
  if (!code) return { areaCode: null, areaPath: null };
  const area = await buyersRepository.area(db, code);
  if (!area) throw invalid([{ path: 'areaCode', code: 'unknown_reference', message: 'no such area' }]);
  if (area.country !== country)
    throw invalid([{ path: 'areaCode', code: 'not_in_country', params: { country }, message: `is not in ${country}` }]);
  return { areaCode: code, areaPath: area.path };
}

/** The buyer profile of a just-opened account, in its transaction (the area checked before). */
function addProfile(ctx: Ctx, input: RegisterBuyerBody, area: Awaited<ReturnType<typeof areaOf>>) {
  return async (tx: Queryable, user: { id: string }) => {
    const buyer = presentBuyer(
      await buyersRepository.insert(tx, {
        userId: user.id,
        companyName: input.companyName,
        country: input.country,
        ...area,
      }),
    );
    await recordAudit(
      tx,
      { requestId: ctx.requestId, actor: anonymous },
      { action: 'buyer.register', entity: 'buyer', entityId: user.id, after: buyer },
    );
    return buyer;
  };
}

/**
 * The public sign-up, rate limited by address: the same answer whether or not the email already
 * has an account (`signUpOwnAccount`), so the profile is checked first, for both alike.
 */
export async function signUpBuyer(ctx: Ctx, input: RegisterBuyerBody, ip: string): Promise<SignUpAnswer> {
  if (ctx.actor.kind === 'user')
    throw forbidden('Sign out before opening another account.', { code: 'signed-in-already' });
  const area = await areaOf(ctx.db, input.country, input.areaCode);
  return signUpOwnAccount(ctx, input, addProfile(ctx, input, area), ip);
}

/** A buyer account and profile opened by trusted code (the demo seed); a taken email is a 409. */
export async function registerBuyer(ctx: Ctx, input: RegisterBuyerBody): Promise<BuyerAnswer> {
  const area = await areaOf(ctx.db, input.country, input.areaCode);
  return registerOwnAccount(ctx, input, addProfile(ctx, input, area));
}

/** The signed-in user's buyer profile, or 404 when they are not a buyer. */
async function buyerOf(ctx: Ctx | TxCtx, lock = false): Promise<BuyerRow> {
  const user = requireUser(ctx.actor);
  const row = await buyersRepository.byUser(ctx.db, user.id, lock);
  if (!row) throw notFound('Buyer profile');
  return row;
}

export async function getOwnBuyer(ctx: Ctx): Promise<BuyerAnswer> {
  return presentBuyer(await buyerOf(ctx));
}

export async function patchOwnBuyer(ctx: Ctx, base: number, input: PatchBuyerBody): Promise<BuyerAnswer> {
  return inTransaction(ctx, async (tx) => {
    const current = await buyerOf(tx, true);
    const before = presentBuyer(current);
    assertVersion(current, base, () => before);
    const country = input.country ?? current.country;
    const keepArea = input.areaCode === undefined && country === current.country;
    const area = keepArea
      ? { areaCode: current.area_code, areaPath: current.area_path }
      : await areaOf(tx.db, country, input.areaCode);
    const after = presentBuyer(
      await buyersRepository.update(tx.db, current.user_id, {
        companyName: input.companyName ?? current.company_name,
        country,
        ...area,
      }),
    );
    await recordAudit(tx.db, tx, { action: 'buyer.update', entity: 'buyer', entityId: current.user_id, before, after });
    return after;
  });
}

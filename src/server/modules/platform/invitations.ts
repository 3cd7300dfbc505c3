import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { requireUser } from './access.js';
import { recordAudit } from './audit.js';
import { hashPassword } from './passwords.js';
import { invitationsRepository, usersRepository } from './platform.repository.js';
import type { AcceptInvitationBody } from './platform.schemas.js';
import { assertStrong, presentUser } from './users.service.js';

/** How long an invitation link works. */
const INVITATION_DAYS = 7;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The person being brought in, as the inviter names them. */
export interface InvitedPerson {
  name: string;
  email: string | null;
  /** E.164. */
  phone: string | null;
  locale: string;
}

/** A link to hand over: the secret travels in the fragment, so no server or proxy log keeps it. */
export interface IssuedInvitation {
  path: string;
  expiresAt: string;
}

/**
 * The account of a person brought into a program, in the caller's transaction: found by email or
 * phone, or opened without a password. A link to set the password is issued for a new account, and
 * for one that never set its password when `mayReissue` agrees (the old link stops working). An
 * account that signs in already gets no link: its password is its owner's alone.
 */
export async function openInvitedAccount(
  tx: TxCtx,
  person: InvitedPerson,
  mayReissue: (accountId: string) => Promise<boolean>,
): Promise<{ accountId: string; invitation: IssuedInvitation | null }> {
  const inviter = requireUser(tx.actor);
  const byEmail = person.email ? await usersRepository.byEmail(tx.db, person.email) : undefined;
  const byPhone = person.phone ? await usersRepository.byPhone(tx.db, person.phone) : undefined;
  if (byEmail && byPhone && byEmail.id !== byPhone.id)
    throw ruleBroken('contacts-of-two-accounts', 'The email and the phone number belong to two different accounts.', [
      { path: 'phone', code: 'phone_of_other_account', message: 'belongs to another account than the email' },
    ]);
  const existing = byEmail ?? byPhone;
  if (existing) {
    const reissue = existing.password_hash === null && existing.disabled_at === null && (await mayReissue(existing.id));
    return { accountId: existing.id, invitation: reissue ? await issue(tx, existing.id, inviter.id) : null };
  }
  const row = await usersRepository.insert(tx.db, {
    id: uuidv7(),
    email: person.email,
    phone: person.phone,
    name: person.name,
    passwordHash: null,
    locale: person.locale,
    isAdmin: false,
  });
  await recordAudit(tx.db, tx, { action: 'user.invite', entity: 'user', entityId: row.id, after: presentUser(row) });
  return { accountId: row.id, invitation: await issue(tx, row.id, inviter.id) };
}

async function issue(tx: TxCtx, userId: string, invitedBy: string): Promise<IssuedInvitation> {
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(tx.clock.now().getTime() + INVITATION_DAYS * 86_400_000);
  const row = await invitationsRepository.replace(tx.db, {
    id: uuidv7(),
    userId,
    tokenHash: sha256(secret),
    invitedBy,
    expiresAt,
  });
  await recordAudit(tx.db, tx, {
    action: 'invitation.issue',
    entity: 'user',
    entityId: userId,
    after: { invitation: row.id, expiresAt: expiresAt.toISOString() },
  });
  return { path: `/invitation#${secret}`, expiresAt: expiresAt.toISOString() };
}

/**
 * Sets the password of an invited account through its link, once: the link is used up in the same
 * transaction (a second use, an expired or replaced link all answer 404 alike). Answers the name
 * the person signs in with — their email, else their phone number.
 */
export async function acceptInvitation(ctx: Ctx, input: AcceptInvitationBody): Promise<{ login: string }> {
  return inTransaction(ctx, async (tx) => {
    const used = await invitationsRepository.use(tx.db, sha256(input.token), tx.clock.now());
    if (!used) throw notFound('Invitation');
    const account = await usersRepository.byId(tx.db, used.user_id);
    if (!account || account.disabled_at) throw notFound('Invitation');
    await assertStrong(input.password, account.email, account.phone, account.name);
    const row = await usersRepository.update(tx.db, account.id, { password_hash: await hashPassword(input.password) });
    await recordAudit(tx.db, tx, {
      action: 'user.accept_invitation',
      entity: 'user',
      entityId: account.id,
      before: presentUser(account),
      after: presentUser(row),
    });
    return { login: row.email ?? row.phone! };
  });
}

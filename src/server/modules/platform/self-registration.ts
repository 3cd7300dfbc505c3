import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '../../db/database.js';
import { anonymous, inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { conflict, invalid } from '../../http/errors.js';
import { recordAudit } from './audit.js';
import { hashPassword, passwordWeakness } from './passwords.js';
import { notificationsRepository } from './notifications.repository.js';
import { usersRepository, type UserRow } from './platform.repository.js';
import { countFailure, refuseWhileLocked } from './throttle.js';
import { presentUser, type PresentedUser } from './users.service.js';

/**
 * Opening accounts is public and hashing a password is deliberately costly, so each client address
 * may try a few times an hour, counted before any hashing (DESIGN §4: 429 when rate limited).
 */
export const REGISTRATION_THROTTLE = { windowSeconds: 60 * 60, perIp: 10 } as const;

const throttleRegistration = (ctx: Ctx, ip: string) => throttlePublicForm(ctx, 'register', ip);

/**
 * Counts a public form sent from one client address (sign-up, joining a community) against the
 * registration rule, refusing with 429 while the address is locked. `form` keeps the counts apart.
 */
export async function throttlePublicForm(ctx: Ctx, form: string, ip: string): Promise<void> {
  const key = `${form}:${ip}`;
  const now = ctx.clock.now();
  await refuseWhileLocked(ctx.db, [key], now);
  const { windowSeconds, perIp } = REGISTRATION_THROTTLE;
  await countFailure(
    ctx.db,
    key,
    { limit: perIp, windowSeconds, lockSeconds: windowSeconds, maxLockSeconds: windowSeconds },
    now,
  );
}

export interface OwnAccount {
  email: string;
  name: string;
  password: string;
  locale: string;
}

/** What the public sign-up answers: the same whether or not the email already had an account. */
export interface SignUpReceipt {
  email: string;
  /** The account opens at once; the person goes on by signing in with the password they chose. */
  next: 'sign-in';
}

/**
 * The public sign-up (a buyer's), answering alike whether or not the email already has an account,
 * so that it does not tell a visitor who has one (issue 12): the same status and body, and the
 * password is hashed either way so the time is alike too. For a new email the account opens and
 * `withAccount` adds what it is for (a buyer profile) in the same transaction; it must not refuse —
 * check the profile before — or its refusal would tell the two apart. For an email that has an
 * account, nothing changes and its owner is emailed that someone tried to sign up with it.
 * What this cannot hide: whoever signs up can then try to sign in with the password they chose.
 * Closing that needs the address's owner to confirm the sign-up by email before the account opens,
 * which waits for a mail sender (the email outbox is written, not yet delivered).
 */
export async function signUpOwnAccount(
  ctx: Ctx,
  input: OwnAccount,
  withAccount: (tx: Tx, user: PresentedUser) => Promise<unknown>,
  ip: string,
): Promise<SignUpReceipt> {
  await throttleRegistration(ctx, ip);
  const passwordHash = await strongPasswordHash(input);
  await inTransaction({ ...ctx, actor: anonymous }, async (tx) => {
    const owner = await usersRepository.byEmail(tx.db, input.email);
    if (owner) await tellOwnerOfSignUp(tx, owner);
    else await openAccount(tx, input, passwordHash, withAccount);
  });
  return { email: input.email.toLowerCase(), next: 'sign-in' };
}

/**
 * An account opened for a person by trusted code (the demo seed), with the same password rules as
 * any other, and what it is for added by `withAccount` in the same transaction. An email that
 * already has an account is a conflict: the caller is not a visitor to keep it from.
 */
export async function registerOwnAccount<T>(
  ctx: Ctx,
  input: OwnAccount,
  withAccount: (tx: Tx, user: PresentedUser) => Promise<T>,
): Promise<T> {
  const passwordHash = await strongPasswordHash(input);
  return inTransaction({ ...ctx, actor: anonymous }, async (tx) => {
    if (await usersRepository.byEmail(tx.db, input.email)) {
      throw conflict(
        'An account with this email already exists.',
        {
          errors: [{ path: 'email', code: 'taken', message: 'is taken' }],
        },
        { code: 'email-taken' },
      );
    }
    return openAccount(tx, input, passwordHash, withAccount);
  });
}

async function strongPasswordHash(input: OwnAccount): Promise<string> {
  const weakness = await passwordWeakness(input.password, [input.email, input.name]);
  if (weakness) throw invalid([{ path: 'password', ...weakness }]);
  return hashPassword(input.password);
}

async function openAccount<T>(
  tx: TxCtx,
  input: OwnAccount,
  passwordHash: string,
  withAccount: (tx: Tx, user: PresentedUser) => Promise<T>,
): Promise<T> {
  const row = await usersRepository.insert(tx.db, {
    id: uuidv7(),
    email: input.email,
    name: input.name,
    passwordHash,
    locale: input.locale,
    isAdmin: false,
  });
  const user = presentUser(row);
  await recordAudit(tx.db, tx, { action: 'user.self_register', entity: 'user', entityId: row.id, after: user });
  return withAccount(tx.db, user);
}

const SIGN_UP_ATTEMPT: Record<string, { subject: string; body: string }> = {
  id: {
    subject: 'Ada yang mencoba mendaftar dengan alamat email Anda',
    body:
      'Seseorang mencoba membuka akun OVOP baru dengan alamat email ini. Anda sudah memiliki akun: ' +
      'jika itu Anda, silakan masuk, atau minta administrator program mengatur ulang kata sandi Anda. ' +
      'Jika bukan Anda, abaikan email ini; akun Anda tidak berubah.',
  },
  en: {
    subject: 'Someone tried to sign up with your email address',
    body:
      'Someone tried to open a new OVOP account with this email address. You already have an account: ' +
      'if it was you, sign in, or ask your program administrator to reset your password. ' +
      'If it was not you, ignore this email; your account is unchanged.',
  },
  ja: {
    subject: 'あなたのメールアドレスで登録しようとした人がいます',
    body:
      'このメールアドレスで新しい OVOP アカウントを作成しようとした人がいます。あなたはすでにアカウントをお持ちです。' +
      'ご本人の場合はサインインするか、プログラム管理者にパスワードの再設定を依頼してください。' +
      'お心当たりがない場合はこのメールを無視してください。アカウントは変更されていません。',
  },
};

/** The owner of an email someone tried to sign up with hears of it, in their language. */
async function tellOwnerOfSignUp(tx: TxCtx, owner: UserRow): Promise<void> {
  const text = SIGN_UP_ATTEMPT[owner.locale] ?? SIGN_UP_ATTEMPT.en!;
  // Found by its email, so it has one.
  await notificationsRepository.insertEmails(tx.db, [
    { id: uuidv7(), userId: owner.id, to: owner.email!, kind: 'account.sign_up_attempt', ...text },
  ]);
  await recordAudit(tx.db, tx, { action: 'user.sign_up_attempt', entity: 'user', entityId: owner.id });
}

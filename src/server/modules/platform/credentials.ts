import type { TxCtx } from '../../http/context.js';
import { recordAudit } from './audit.js';
import { sessionsRepository, tokensRepository, type TokenRow } from './platform.repository.js';
import type { TokenAnswer } from './platform.schemas.js';

export function presentToken(row: TokenRow): TokenAnswer {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/**
 * Ends every way the account is signed in — its sessions and its API tokens — in the command's own
 * transaction: a credential made before a new password (its owner's or an admin's reset) or before
 * the account was disabled must not keep working. The revoked tokens are audited together.
 */
export async function endCredentialsOf(tx: TxCtx, userId: string): Promise<void> {
  await sessionsRepository.deleteForUser(tx.db, userId);
  const revoked = await tokensRepository.revokeForUser(tx.db, userId);
  if (revoked.length === 0) return;
  await recordAudit(tx.db, tx, {
    action: 'user.revoke_tokens',
    entity: 'user',
    entityId: userId,
    before: { tokens: revoked.map(presentToken) },
  });
}

import type { Tx } from '../../db/database.js';
import { systemClock, type TxCtx } from '../../http/context.js';
import { dateIn } from '../../../shared/dates.js';

/**
 * What another module's command hands the functions it calls here inside its transaction: its
 * transaction context, or — until that module opens its transactions with `inTransaction` — the
 * bare transaction, whose "today" then comes from the system clock.
 */
export type CallerTx = TxCtx | Tx;

const isTxCtx = (tx: CallerTx): tx is TxCtx => 'inTransaction' in tx && tx.inTransaction === true;

export const dbOf = (tx: CallerTx): Tx => (isTxCtx(tx) ? tx.db : tx);

/** Today's date in the caller's clock. */
export const todayOf = (tx: CallerTx): string => dateIn((isTxCtx(tx) ? tx.clock : systemClock).now());

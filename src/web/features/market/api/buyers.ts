import type { z } from 'zod';
import type { BuyerAnswer, registerBuyerBody, SignUpAnswer } from '../../../../shared/schemas/market';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

export type RegisterBuyer = z.input<typeof registerBuyerBody>;

/** Answers alike whether or not the email already has an account: sign in next to know. */
export const registerBuyer = (body: RegisterBuyer) =>
  api<SignUpAnswer>('/api/v1/buyers', { method: 'POST', body, quiet: formQuiet });

/** The signed-in buyer; 401 when nobody is signed in, 404 when the account is not a buyer's. */
export const getOwnBuyer = (signal?: AbortSignal) =>
  api<BuyerAnswer>('/api/v1/buyers/me', { signal, quiet: (e) => e.status === 401 || e.status === 404 });

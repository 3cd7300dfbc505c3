import type { z } from 'zod';
import type {
  BooksAnswer,
  booksSettingsBody,
  finalTaxPaymentBody,
  JournalEntryAnswer,
} from '../../../../shared/schemas/business';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

/** A group's books with what the caller may do with them; 404 for those who may not read them. */
export const getBooks = (groupId: string, signal?: AbortSignal) =>
  api<BooksAnswer>(`/api/v1/groups/${groupId}/books`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

/** Closes the books through the end of `month` (YYYY-MM); answers the books as they now stand. */
export const closePeriod = (groupId: string, month: string) =>
  api<BooksAnswer>(`/api/v1/groups/${groupId}/periods/close`, { method: 'POST', body: { month }, quiet: formQuiet });

/** Turns the UMKM final tax on from a month, or off (null); answers the books as they now stand. */
export const setBooksSettings = (groupId: string, body: z.input<typeof booksSettingsBody>) =>
  api<BooksAnswer>(`/api/v1/groups/${groupId}/books/settings`, { method: 'PUT', body, quiet: formQuiet });

/** "Bayar PPh final": the month's final tax recorded if not yet, and paid. */
export const payFinalTax = (groupId: string, body: z.input<typeof finalTaxPaymentBody>) =>
  api<JournalEntryAnswer>(`/api/v1/groups/${groupId}/final-tax/payments`, { method: 'POST', body, quiet: formQuiet });

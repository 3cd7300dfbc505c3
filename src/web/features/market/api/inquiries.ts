import type { z } from 'zod';
import type {
  createInquiryBody,
  InquiryAnswer,
  InquiryMessageBody,
  InquiryPageAnswer,
  OrderAnswer,
  quoteBody,
} from '../../../../shared/schemas/market';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

export type CreateInquiry = z.input<typeof createInquiryBody>;
export type SendQuote = z.input<typeof quoteBody>;

export const listInquiries = (query: { groupId?: string; status?: string }, cursor?: string, signal?: AbortSignal) =>
  api<InquiryPageAnswer>(withQuery('/api/v1/inquiries', { ...query, cursor }), { signal });

export const getInquiry = (id: string, signal?: AbortSignal) =>
  api<InquiryAnswer>(`/api/v1/inquiries/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const sendInquiry = (body: CreateInquiry) =>
  api<InquiryAnswer>('/api/v1/inquiries', { method: 'POST', body, quiet: formQuiet });

export const sendMessage = (id: string, body: InquiryMessageBody) =>
  api<InquiryAnswer>(`/api/v1/inquiries/${id}/messages`, { method: 'POST', body, quiet: formQuiet });

export const sendQuote = (id: string, body: SendQuote) =>
  api<InquiryAnswer>(`/api/v1/inquiries/${id}/quotes`, { method: 'POST', body, quiet: formQuiet });

export const acceptQuote = (id: string, quoteId: string) =>
  api<OrderAnswer>(`/api/v1/inquiries/${id}/quotes/${quoteId}/accept`, { method: 'POST' });

/** The pro-forma invoice of a quote, in the buyer's language. */
export const proformaPdfUrl = (id: string, quoteId: string) => `/api/v1/inquiries/${id}/quotes/${quoteId}/proforma.pdf`;

import type { z } from 'zod';
import type { createInquiryBody, quoteBody } from '../../../../shared/schemas/market';
import { formQuiet } from '../../../components/form';
import { api, withQuery, type Money, type Page } from '../../../lib/http';

// An inquiry as src/server/modules/market/inquiries.service.ts presents it.
export interface Quote {
  id: string;
  unitPrice: Money;
  quantity: string;
  validUntil: string;
  note: string | null;
  status: 'open' | 'accepted' | 'superseded';
}

export interface Inquiry {
  id: string;
  groupId: string;
  groupName: string;
  productId: string;
  productName: Record<string, string>;
  unit: string;
  currency: string;
  buyer: { id: string; companyName: string; country: string };
  kind: 'inquiry' | 'sample' | 'quotation';
  quantity: string | null;
  status: 'open' | 'answered' | 'quoted' | 'ordered' | 'closed';
  messages: { id: string; side: 'buyer' | 'group'; author: string; body: string; createdAt: string }[];
  quotes: Quote[];
  version: number;
  createdAt: string;
}

export type CreateInquiry = z.input<typeof createInquiryBody>;
export type SendQuote = z.input<typeof quoteBody>;

export const listInquiries = (query: { groupId?: string; status?: string }, cursor?: string, signal?: AbortSignal) =>
  api<Page<Inquiry>>(withQuery('/api/v1/inquiries', { ...query, cursor }), { signal });

export const getInquiry = (id: string, signal?: AbortSignal) =>
  api<Inquiry>(`/api/v1/inquiries/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const sendInquiry = (body: CreateInquiry) =>
  api<Inquiry>('/api/v1/inquiries', { method: 'POST', body, quiet: formQuiet });

export const sendMessage = (id: string, body: { body: string }) =>
  api<Inquiry>(`/api/v1/inquiries/${id}/messages`, { method: 'POST', body, quiet: formQuiet });

export const sendQuote = (id: string, body: SendQuote) =>
  api<Inquiry>(`/api/v1/inquiries/${id}/quotes`, { method: 'POST', body, quiet: formQuiet });

export const acceptQuote = (id: string, quoteId: string) =>
  api<{ id: string }>(`/api/v1/inquiries/${id}/quotes/${quoteId}/accept`, { method: 'POST' });

import type { ORDER_STATUSES } from '../../../../shared/schemas/market';
import { api, withQuery, type Money, type Page } from '../../../lib/http';

export type OrderStatus = (typeof ORDER_STATUSES)[number];

// An order as src/server/modules/market/orders.service.ts presents it.
export interface Order {
  id: string;
  groupId: string;
  groupName: string;
  productId: string;
  productName: Record<string, string>;
  buyer: { id: string; companyName: string; country: string };
  quantity: string;
  unit: string;
  unitPrice: Money;
  total: Money;
  market: 'local' | 'national' | 'export';
  status: OrderStatus;
  next: OrderStatus[];
  allocations: { batchId: string; lotCode: string; quantity: string }[];
  placedAt: string;
  version: number;
}

export const listOrders = (query: { groupId?: string; status?: string }, cursor?: string, signal?: AbortSignal) =>
  api<Page<Order>>(withQuery('/api/v1/orders', { ...query, cursor }), { signal });

export const getOrder = (id: string, signal?: AbortSignal) =>
  api<Order>(`/api/v1/orders/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

/** One step of the order's state machine; a refused step (403, 422) is shown beside the buttons. */
export const moveOrder = (id: string, to: OrderStatus) =>
  api<Order>(`/api/v1/orders/${id}/transitions`, {
    method: 'POST',
    body: { to },
    quiet: (e) => e.status === 403 || e.status === 422,
  });

import type { OrderAnswer, OrderPageAnswer, OrderStatus } from '../../../../shared/schemas/market';
import { api, withQuery } from '../../../lib/http';

export const listOrders = (query: { groupId?: string; status?: string }, cursor?: string, signal?: AbortSignal) =>
  api<OrderPageAnswer>(withQuery('/api/v1/orders', { ...query, cursor }), { signal });

export const getOrder = (id: string, signal?: AbortSignal) =>
  api<OrderAnswer>(`/api/v1/orders/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

/** One step of the order's state machine; a refused step (403, 422) is shown beside the buttons. */
export const moveOrder = (id: string, to: OrderStatus) =>
  api<OrderAnswer>(`/api/v1/orders/${id}/transitions`, {
    method: 'POST',
    body: { to },
    quiet: (e) => e.status === 403 || e.status === 422,
  });

import type { Session, TestApp } from './app.js';
import { signIn, STRONG_PASSWORD } from './factories.js';
import { salakChips } from './quality-fixtures.js';
import { registryWorld } from './registry-fixtures.js';

let buyers = 0;

/**
 * The registry world (a group in Karangasem, another in Lombok Barat) with a product ready to sell
 * in each, a group manager for each group, and ways to sign up buyers and record batches.
 */
export async function marketWorld(t: TestApp) {
  const w = await registryWorld(t);
  const products = {
    bali: await w.post('/api/v1/products', salakChips(w.groups.bali.id)),
    lombok: await w.post(
      '/api/v1/products',
      salakChips(w.groups.lombok.id, { name: { id: 'Madu hutan', en: 'Forest honey' }, hsCode: '0409.00' }),
    ),
  };
  const managers = {
    bali: await w.as('group_manager', { groupId: w.groups.bali.id }),
    lombok: await w.as('group_manager', { groupId: w.groups.lombok.id }),
  };

  /** A buyer who signed up on the public page, signed in. */
  async function buyer(
    profile: { companyName?: string; country?: string; areaCode?: string | null; locale?: 'id' | 'en' | 'ja' } = {},
  ): Promise<Session & { id: string; email: string }> {
    const email = `buyer-${++buyers}-${Date.now()}@example.jp`;
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/buyers',
      payload: {
        email,
        name: 'Sato Hanako',
        password: STRONG_PASSWORD,
        companyName: profile.companyName ?? 'Oita Fine Foods K.K.',
        country: profile.country ?? 'JP',
        areaCode: profile.areaCode ?? null,
        ...(profile.locale ? { locale: profile.locale } : {}),
      },
    });
    if (r.statusCode !== 202) throw new Error(`buyer sign-up: ${r.statusCode} ${r.body}`);
    const session = await signIn(t.app, email);
    const me = await t.request({ method: 'GET', url: '/api/v1/me', as: session });
    return { ...session, id: me.json().id as string, email };
  }

  /**
   * A batch of a product, recorded by the admin. A costed batch consumes raw materials at its
   * cost, so the group's books first receive them (contributed by the owners).
   */
  async function batch(productId: string, fields: Record<string, unknown> = {}) {
    const cost = fields.costPerUnit as { amount: string } | undefined;
    if (cost) {
      const groupId = productId === products.bali.id ? w.groups.bali.id : w.groups.lombok.id;
      const total = (Number(cost.amount) * Number(fields.quantity ?? '10')).toFixed(2);
      await w.post(`/api/v1/groups/${groupId}/journal`, {
        date: '2026-01-15',
        memo: 'Bahan baku dari anggota',
        lines: [
          { accountCode: '1-301', debit: total },
          { accountCode: '3-101', credit: total },
        ],
      });
    }
    return w.post('/api/v1/batches', {
      productId,
      lotCode: `LOT-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      quantity: '10',
      producedOn: '2026-02-01',
      expiresOn: '2099-08-01',
      ...fields,
    });
  }

  /**
   * An inquiry from a buyer, quoted by the group and accepted: a placed order. `quote` replaces parts
   * of the quote (Rp 12,000 a unit, no terms): its currency, rate and terms.
   */
  async function order(
    who: Session,
    productId: string,
    manager: Session,
    quantity = '8',
    quote: Record<string, unknown> = {},
  ) {
    const inquiry = await t.request({
      method: 'POST',
      url: '/api/v1/inquiries',
      as: who,
      payload: { productId, kind: 'quotation', quantity, message: 'Please quote for export to Japan.' },
    });
    if (inquiry.statusCode !== 201) throw new Error(`inquiry: ${inquiry.statusCode} ${inquiry.body}`);
    const quoted = await t.request({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiry.json().id}/quotes`,
      as: manager,
      payload: { unitPrice: { amount: '12000', currency: 'IDR' }, quantity, validUntil: '2099-12-31', ...quote },
    });
    if (quoted.statusCode !== 201) throw new Error(`quote: ${quoted.statusCode} ${quoted.body}`);
    const open = quoted.json().quotes.at(-1);
    const accepted = await t.request({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiry.json().id}/quotes/${open.id}/accept`,
      as: who,
    });
    if (accepted.statusCode !== 201) throw new Error(`accept: ${accepted.statusCode} ${accepted.body}`);
    return accepted.json();
  }

  return { ...w, products, managers, buyer, batch, order };
}

export type MarketWorld = Awaited<ReturnType<typeof marketWorld>>;
export { STRONG_PASSWORD };

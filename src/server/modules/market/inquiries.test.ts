import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildStaff, signedIn, STRONG_PASSWORD } from '../../../../test/factories.js';
import { marketWorld } from '../../../../test/market-fixtures.js';
import { salakChips } from '../../../../test/quality-fixtures.js';

const t = useTestApp();

describe('buyers', () => {
  it('lets a visitor sign up as a buyer with a strong password, then read and change the profile', async () => {
    const signUp = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/v1/buyers', payload });
    const body = {
      email: 'Hanako@Oita-Foods.jp',
      name: 'Sato Hanako',
      password: STRONG_PASSWORD,
      companyName: 'Oita Fine Foods K.K.',
      country: 'JP',
      locale: 'ja',
    };
    const weak = await signUp({ ...body, password: 'password1' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('password');
    const created = await signUp(body);
    expect(created.statusCode).toBe(202);
    expect(created.json()).toEqual({ email: 'hanako@oita-foods.jp', next: 'sign-in' });
    expect(created.body).not.toContain(STRONG_PASSWORD);
    // Signing up again answers alike (it does not tell that the email has an account) and changes nothing.
    const again = await signUp({ ...body, companyName: 'Someone Else' });
    expect([again.statusCode, again.body]).toEqual([created.statusCode, created.body]);

    const session = await signedIn(t.app, { email: body.email });
    const me = await t.request({ method: 'GET', url: '/api/v1/buyers/me', as: session });
    expect(me.json()).toMatchObject({
      email: 'hanako@oita-foods.jp',
      companyName: 'Oita Fine Foods K.K.',
      country: 'JP',
      area: null,
      version: 1,
    });
    const wrongArea = await t.request({
      method: 'PATCH',
      url: '/api/v1/buyers/me',
      as: session,
      payload: { version: 1, areaCode: '51.07' },
    });
    expect(wrongArea.statusCode).toBe(400);
    expect(wrongArea.json().errors).toEqual([expect.objectContaining({ path: 'areaCode', message: 'is not in JP' })]);
    const moved = await t.request({
      method: 'PATCH',
      url: '/api/v1/buyers/me',
      as: session,
      payload: { version: 1, country: 'ID', areaCode: '51.07', companyName: 'CV Oleh-oleh Bali' },
    });
    expect(moved.json()).toMatchObject({ country: 'ID', area: { code: '51.07' }, version: 2 });
    const stale = await t.request({
      method: 'PATCH',
      url: '/api/v1/buyers/me',
      as: session,
      payload: { version: 1, companyName: 'Old' },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('answers 404 for the buyer profile of someone who is not a buyer', async () => {
    const { user } = await buildStaff(t.database.db, 'facilitator');
    const r = await t.request({ method: 'GET', url: '/api/v1/buyers/me', as: await signedIn(t.app, user) });
    expect(r.statusCode).toBe(404);
  });
});

describe('inquiries', () => {
  it('lets a buyer ask about a catalog product and puts it in the group inbox with a notification and an email', async () => {
    const w = await marketWorld(t);
    const buyer = await w.buyer();
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/inquiries',
      as: buyer,
      payload: { productId: w.products.bali.id, kind: 'sample', quantity: '3', message: 'May we have 3 sample packs?' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      productId: w.products.bali.id,
      groupName: 'Kelompok Tani Salak Sibetan',
      buyer: { companyName: 'Oita Fine Foods K.K.', country: 'JP' },
      kind: 'sample',
      quantity: '3',
      status: 'open',
      messages: [{ side: 'buyer', body: 'May we have 3 sample packs?' }],
    });

    const inbox = await t.request({ method: 'GET', url: '/api/v1/inquiries', as: w.managers.bali });
    expect(inbox.json().items.map((i: { id: string }) => i.id)).toEqual([r.json().id]);
    const notes = await t.request({ method: 'GET', url: '/api/v1/notifications', as: w.managers.bali });
    expect(notes.json()).toMatchObject({
      unread: 1,
      items: [
        {
          kind: 'inquiry.received',
          params: { product: 'Keripik salak', company: 'Oita Fine Foods K.K.' },
          link: `/app/inquiries/${r.json().id}`,
          read: false,
        },
      ],
    });
    const outbox = await t.database.db.query<{ subject: string }>('SELECT subject FROM email_outbox');
    expect(outbox.map((o) => o.subject)).toEqual(['Pertanyaan baru tentang Keripik salak dari Oita Fine Foods K.K.']);
    const read = await t.request({
      method: 'POST',
      url: `/api/v1/notifications/${notes.json().items[0].id}/read`,
      as: w.managers.bali,
    });
    expect(read.json().read).toBe(true);
    const othersRead = await t.request({
      method: 'POST',
      url: `/api/v1/notifications/${notes.json().items[0].id}/read`,
      as: buyer,
    });
    expect(othersRead.statusCode).toBe(404);
  });

  it('refuses inquiries on draft products, from accounts that are not buyers, and from visitors', async () => {
    const w = await marketWorld(t);
    const draft = await w.post('/api/v1/products', salakChips(w.groups.bali.id, { status: 'draft' }));
    const buyer = await w.buyer();
    const ask = (as: Session | undefined, productId: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/inquiries',
        ...(as ? { as } : {}),
        payload: { productId, kind: 'inquiry', message: 'Hello' },
      });
    const onDraft = await ask(buyer, draft.id);
    expect(onDraft.statusCode).toBe(400);
    expect(onDraft.json().errors).toEqual([
      expect.objectContaining({ path: 'productId', message: 'is not a product in the catalog' }),
    ]);
    expect((await ask(w.managers.lombok, w.products.bali.id)).statusCode).toBe(403);
    expect((await ask(undefined, w.products.bali.id)).statusCode).toBe(401);
    const count = await t.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM inquiries');
    expect(count[0]!.n).toBe(0);
  });

  it('answers a repeated inquiry with its client id 200 as stored, other content 409, a stranger a bare 409', async () => {
    const w = await marketWorld(t);
    const buyer = await w.buyer();
    const id = '01900000-0000-7000-8000-00000000a001';
    const body = { id, productId: w.products.bali.id, kind: 'sample', quantity: '3', message: 'Three samples?' };
    const send = (as: Session, payload: object) => t.request({ method: 'POST', url: '/api/v1/inquiries', as, payload });
    const first = await send(buyer, body);
    expect(first.statusCode).toBe(201);
    const again = await send(buyer, { ...body, quantity: '3.000', message: '  Three samples?  ' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const changed = await send(buyer, { ...body, quantity: '4' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().current).toMatchObject({ id, quantity: '3' });
    const stranger = await send(await w.buyer({ companyName: 'Kyushu Trading' }), body);
    expect(stranger.statusCode).toBe(409);
    expect(stranger.json().current).toBeUndefined();
    const count = await t.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM inquiry_messages');
    expect(count[0]!.n).toBe(1);
  });

  it('shows a buyer only their own inquiries, a group only its own, and another program nothing', async () => {
    const w = await marketWorld(t);
    const hanako = await w.buyer();
    const other = await w.buyer({ companyName: 'Kyushu Trading', country: 'JP' });
    const send = async (as: typeof hanako, productId: string) =>
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/inquiries',
          as,
          payload: { productId, kind: 'inquiry', message: 'Price list, please.' },
        })
      ).json().id as string;
    const bali = await send(hanako, w.products.bali.id);
    const lombok = await send(other, w.products.lombok.id);
    const ids = async (as: Session) =>
      (await t.request({ method: 'GET', url: '/api/v1/inquiries', as })).json().items.map((i: { id: string }) => i.id);
    expect(await ids(hanako)).toEqual([bali]);
    expect(await ids(other)).toEqual([lombok]);
    expect(await ids(w.managers.bali)).toEqual([bali]);
    expect(await ids(w.managers.lombok)).toEqual([lombok]);
    expect(await ids(w.admin)).toEqual([lombok, bali]);
    const { user } = await buildStaff(t.database.db, 'program_manager');
    const otherProgram = await signedIn(t.app, user);
    expect(await ids(otherProgram)).toEqual([]);
    for (const [as, id] of [
      [otherProgram, bali],
      [other, bali],
      [w.managers.lombok, bali],
    ] as const) {
      expect((await t.request({ method: 'GET', url: `/api/v1/inquiries/${id}`, as })).statusCode).toBe(404);
    }
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    expect((await t.request({ method: 'GET', url: `/api/v1/inquiries/${bali}`, as: member })).statusCode).toBe(200);
    const memberQuote = await t.request({
      method: 'POST',
      url: `/api/v1/inquiries/${bali}/quotes`,
      as: member,
      payload: { unitPrice: { amount: '12000', currency: 'IDR' }, quantity: '10', validUntil: '2099-01-01' },
    });
    expect(memberQuote.statusCode).toBe(403);
  });

  it('lets the group answer and quote, and turns the accepted quote into a placed export order', async () => {
    const w = await marketWorld(t);
    const buyer = await w.buyer();
    const inquiry = (
      await t.request({
        method: 'POST',
        url: '/api/v1/inquiries',
        as: buyer,
        payload: { productId: w.products.bali.id, kind: 'quotation', quantity: '200', message: 'Quote for 200 packs?' },
      })
    ).json();
    const answered = await t.request({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiry.id}/messages`,
      as: w.managers.bali,
      payload: { body: 'Yes, we can make 200 packs by March.' },
    });
    expect(answered.json()).toMatchObject({ status: 'answered', messages: [{ side: 'buyer' }, { side: 'group' }] });
    const byBuyer = await t.request({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiry.id}/quotes`,
      as: buyer,
      payload: { unitPrice: { amount: '1', currency: 'IDR' }, quantity: '200', validUntil: '2099-01-01' },
    });
    expect(byBuyer.statusCode).toBe(403);
    const quote = (price: string, currency = 'IDR') =>
      t.request({
        method: 'POST',
        url: `/api/v1/inquiries/${inquiry.id}/quotes`,
        as: w.managers.bali,
        payload: { unitPrice: { amount: price, currency }, quantity: '200', validUntil: '2099-01-01' },
      });
    expect((await quote('12000', 'USD')).json().errors).toEqual([
      expect.objectContaining({
        path: 'rate',
        code: 'rate_required',
        params: { currency: 'USD', groupCurrency: 'IDR' },
      }),
    ]);
    expect((await quote('12000', 'GBP')).json().errors).toEqual([
      expect.objectContaining({ path: 'unitPrice.currency', code: 'invalid_value' }),
    ]);
    const first = (await quote('12500.00')).json().quotes[0];
    const second = await quote('12000.50');
    expect(second.json()).toMatchObject({
      status: 'quoted',
      quotes: [
        { status: 'superseded', unitPrice: { amount: '12500.00', currency: 'IDR' } },
        { status: 'open', unitPrice: { amount: '12000.50', currency: 'IDR' }, quantity: '200' },
      ],
    });
    const stale = await t.request({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiry.id}/quotes/${first.id}/accept`,
      as: buyer,
    });
    expect(stale.statusCode).toBe(422);
    const open = second.json().quotes[1];
    const byGroup = await t.request({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiry.id}/quotes/${open.id}/accept`,
      as: w.managers.bali,
    });
    expect(byGroup.statusCode).toBe(403);
    const accepted = await t.request({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiry.id}/quotes/${open.id}/accept`,
      as: buyer,
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({
      status: 'placed',
      quantity: '200',
      unit: '100 g',
      unitPrice: { amount: '12000.50', currency: 'IDR' },
      total: { amount: '2400100.00', currency: 'IDR' },
      market: 'export',
      next: ['confirmed', 'cancelled'],
    });
    const after = await t.request({ method: 'GET', url: `/api/v1/inquiries/${inquiry.id}`, as: buyer });
    expect(after.json().status).toBe('ordered');
    const again = await t.request({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiry.id}/quotes/${open.id}/accept`,
      as: buyer,
    });
    expect(again.statusCode).toBe(422);
    const buyerNotes = await t.request({ method: 'GET', url: '/api/v1/notifications', as: buyer });
    expect(buyerNotes.json().items.map((n: { kind: string }) => n.kind)).toEqual([
      'quote.sent',
      'quote.sent',
      'inquiry.message',
    ]);
  });
});

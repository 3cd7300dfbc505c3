import { localized } from '../../../shared/localized.js';
import type { Notice } from '../platform/index.js';

/** Notices name a product in Indonesian first: they go to both sides, whatever each one's language. */
export const noticeName = (text: Record<string, string>): string => localized(text, 'id') ?? '';

/**
 * What the market tells buyers and groups, in each interface language. The in-app list shows the
 * same texts from the web app's messages (notice.<kind>); these are for the email outbox.
 */
const TEXTS: Record<string, Record<'id' | 'en' | 'ja', string>> = {
  'inquiry.received': {
    id: 'Pertanyaan baru tentang {product} dari {company}',
    en: 'New inquiry about {product} from {company}',
    ja: '{company}から{product}についての新しい問い合わせ',
  },
  'inquiry.message': {
    id: 'Pesan baru tentang {product}',
    en: 'New message about {product}',
    ja: '{product}についての新しいメッセージ',
  },
  'quote.sent': {
    id: 'Penawaran harga untuk {product} dari {group}',
    en: 'A quote for {product} from {group}',
    ja: '{group}から{product}の見積もりが届きました',
  },
  'order.placed': {
    id: 'Pesanan baru untuk {product} dari {company}',
    en: 'New order for {product} from {company}',
    ja: '{company}から{product}の新しい注文',
  },
  'order.confirmed': {
    id: 'Pesanan {product} dikonfirmasi',
    en: 'Order for {product} confirmed',
    ja: '{product}の注文が確定しました',
  },
  'order.shipped': {
    id: 'Pesanan {product} telah dikirim',
    en: 'Order for {product} shipped',
    ja: '{product}の注文が発送されました',
  },
  'order.delivered': {
    id: 'Pesanan {product} telah diterima',
    en: 'Order for {product} delivered',
    ja: '{product}の注文が配達されました',
  },
  'order.cancelled': {
    id: 'Pesanan {product} dibatalkan',
    en: 'Order for {product} cancelled',
    ja: '{product}の注文がキャンセルされました',
  },
};

const fill = (text: string, params: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);

/** A notice of one market event to some users, with its email in each recipient's language. */
export function marketNotice(
  kind: keyof typeof TEXTS & string,
  userIds: string[],
  params: Record<string, string>,
  link: string,
): Notice {
  return {
    userIds,
    kind,
    params,
    link,
    email: (locale) => {
      const texts = TEXTS[kind]!;
      const subject = fill(texts[locale as 'id'] ?? texts.id, params);
      return { subject, body: `${subject}\n\n${link}\n\n— OVOP` };
    },
  };
}

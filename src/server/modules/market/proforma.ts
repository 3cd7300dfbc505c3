import type { Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import {
  DOC_LOCALE_TAG,
  localizedForPdf,
  localizedLabels,
  printedDay,
  renderPdf,
  type DocLang,
} from '../../documents/index.js';
import { fromMinor, toMinor } from '../../../shared/money.js';
import { formatRate } from '../../../shared/rate-format.js';
import { lineTotalMinor, quantityText, toMilli } from '../../../shared/quantity.js';
import { INCOTERM_NAMES, PAYMENT_TERM_NAMES, SAMPLE_POLICY_NAMES } from '../../../shared/trade-names.js';
import type { Money } from '../../../shared/money.js';
import { authorize } from '../platform/index.js';
import { inquiriesRepository, type InquiryRow, type QuoteRow } from './inquiries.repository.js';
import { quoteTotals } from './trade-terms.js';
import { inquiryPolicy, tradeTarget } from './trade.policy.js';

const { label } = localizedLabels({
  title: { id: 'FAKTUR PROFORMA', en: 'PRO-FORMA INVOICE', ja: 'プロフォーマ・インボイス' },
  notTax: {
    id: 'Proforma — bukan faktur pajak. Penawaran harga sebelum pengiriman.',
    en: 'Pro-forma — not a tax invoice. A price offer before shipment.',
    ja: 'プロフォーマ — 税務上の請求書（インボイス）ではありません。出荷前の見積価格です。',
  },
  number: { id: 'Nomor', en: 'Number', ja: '番号' },
  date: { id: 'Tanggal', en: 'Date', ja: '発行日' },
  validUntil: { id: 'Berlaku sampai', en: 'Valid until', ja: '有効期限' },
  seller: { id: 'Penjual', en: 'Seller', ja: '売主' },
  buyer: { id: 'Pembeli', en: 'Buyer', ja: '買主' },
  product: { id: 'Produk', en: 'Product', ja: '品名' },
  quantity: { id: 'Jumlah', en: 'Quantity', ja: '数量' },
  unitPrice: { id: 'Harga satuan', en: 'Unit price', ja: '単価' },
  amount: { id: 'Nilai', en: 'Amount', ja: '金額' },
  freight: { id: 'Ongkos angkut', en: 'Freight', ja: '運賃' },
  freightIncluded: {
    id: 'Ongkos angkut {amount} sudah termasuk dalam harga',
    en: 'Freight of {amount} included in the price',
    ja: '運賃 {amount} は価格に含まれています',
  },
  total: { id: 'Total', en: 'Total', ja: '合計' },
  currency: { id: 'Mata uang', en: 'Currency', ja: '通貨' },
  rate: { id: 'Kurs', en: 'Exchange rate', ja: '為替レート' },
  terms: { id: 'Syarat perdagangan', en: 'Trade terms', ja: '取引条件' },
  incoterm: { id: 'Incoterms® 2020', en: 'Incoterms® 2020', ja: 'インコタームズ 2020' },
  payment: { id: 'Pembayaran', en: 'Payment', ja: '支払条件' },
  leadTime: { id: 'Waktu produksi dan kirim', en: 'Lead time', ja: 'リードタイム' },
  days: { id: '{days} hari', en: '{days} days', ja: '{days}日' },
  minimumOrder: { id: 'Pesanan minimum', en: 'Minimum order', ja: '最低発注数量' },
  samples: { id: 'Sampel', en: 'Samples', ja: 'サンプル' },
  note: { id: 'Catatan', en: 'Note', ja: '備考' },
});

const LOCALE_TAG = DOC_LOCALE_TAG;

const moneyText = (m: Money, lang: DocLang) =>
  new Intl.NumberFormat(LOCALE_TAG[lang], { style: 'currency', currency: m.currency }).format(Number(m.amount));
const dateText = (date: string, lang: DocLang) => printedDay(date, lang);
const countryName = (code: string, lang: DocLang) =>
  new Intl.DisplayNames([LOCALE_TAG[lang]], { type: 'region' }).of(code) ?? code;
const quantityOf = (q: string, lang: DocLang) =>
  new Intl.NumberFormat(LOCALE_TAG[lang], { maximumFractionDigits: 3 }).format(Number(q));

export interface ProformaParties {
  village: string;
  country: string;
  buyerName: string;
}

/**
 * A pro-forma invoice for a quote, in `lang`: seller (group, village, country) and buyer; the line
 * and freight in the quote's currency; the Incoterm and place, payment terms, lead time, minimum
 * order and samples; the date and validity; the words saying it is no tax invoice. Japanese needs
 * the Unicode font; without it the document is in English.
 */
export async function drawProforma(
  inquiry: InquiryRow,
  quote: QuoteRow,
  parties: ProformaParties,
  wanted: string,
): Promise<Buffer> {
  const number = `PF-${quote.id.slice(-8).toUpperCase()}`;
  return renderPdf({ title: `${number} — ${inquiry.group_name}` }, (doc, fonts) => {
    const lang: DocLang = wanted === 'ja' ? (fonts.unicode ? 'ja' : 'en') : wanted === 'en' ? 'en' : 'id';
    const l = (key: Parameters<typeof label>[0], params: Record<string, string | number> = {}) =>
      label(key, lang, params);
    const width = doc.page.width - 96;
    const money = (minor: bigint | string) => moneyText(fromMinor(minor, quote.currency), lang);

    doc.font(fonts.bold).fontSize(20).fillColor('#1b4332').text(l('title'));
    doc.font(fonts.regular).fontSize(10).fillColor('#8a1c1c').text(l('notTax'));
    doc.moveDown(0.6).fillColor('#000').fontSize(10);
    doc.text(`${l('number')}: ${number}`);
    doc.text(`${l('date')}: ${dateText(quote.created_at.toISOString(), lang)}`);
    doc.text(`${l('validUntil')}: ${dateText(quote.valid_until, lang)}`);
    doc.text(`${l('currency')}: ${quote.currency}`);
    // The rate the group entered for its books, written as the reader writes numbers.
    if (quote.rate && quote.currency !== quote.group_currency)
      doc.text(
        `${l('rate')}: 1 ${quote.currency} = ${formatRate(quote.rate, LOCALE_TAG[lang])} ${quote.group_currency}`,
      );

    const top = doc.y + 12;
    const half = width / 2 - 8;
    doc.font(fonts.bold).fontSize(11).text(l('seller'), 48, top, { width: half });
    doc.font(fonts.regular).fontSize(10);
    doc.text(inquiry.group_name, { width: half });
    doc.text(parties.village, { width: half });
    doc.text(countryName(parties.country, lang), { width: half });
    const sellerBottom = doc.y;
    doc
      .font(fonts.bold)
      .fontSize(11)
      .text(l('buyer'), 48 + half + 16, top, { width: half });
    doc.font(fonts.regular).fontSize(10);
    doc.text(inquiry.company_name, { width: half });
    doc.text(parties.buyerName, { width: half });
    doc.text(countryName(inquiry.buyer_country, lang), { width: half });
    doc.y = Math.max(doc.y, sellerBottom) + 16;

    // The line, then freight and the total.
    const cols = [48, 48 + width * 0.42, 48 + width * 0.62, 48 + width * 0.8];
    const row = (cells: string[], bold = false) => {
      const y = doc.y;
      doc.font(bold ? fonts.bold : fonts.regular).fontSize(10);
      cells.forEach((c, i) =>
        doc.text(c, cols[i]!, y, {
          width: (i === 3 ? 48 + width : cols[i + 1]!) - cols[i]! - 6,
          align: i === 0 ? 'left' : 'right',
        }),
      );
      doc.x = 48;
      doc.moveDown(0.4);
    };
    row([l('product'), l('quantity'), l('unitPrice'), l('amount')], true);
    doc
      .moveTo(48, doc.y)
      .lineTo(48 + width, doc.y)
      .stroke();
    doc.moveDown(0.3);
    const lines = lineTotalMinor(BigInt(quote.unit_price_minor), toMilli(quote.quantity));
    row([
      localizedForPdf(inquiry.product_name, lang, fonts),
      `${quantityOf(quantityText(quote.quantity), lang)} × ${inquiry.product_unit}`,
      money(quote.unit_price_minor),
      money(lines),
    ]);
    const freight = quote.terms?.freight;
    const freightMinor = freight ? toMinor(freight.amount.amount, quote.currency)! : 0n;
    if (freight && !freight.included) row([l('freight'), '', '', money(freightMinor)]);
    row([l('total'), '', '', money(quoteTotals(quote).totalMinor)], true);
    if (freight?.included) doc.fontSize(9).text(l('freightIncluded', { amount: money(freightMinor) }), 48);

    const terms = quote.terms;
    if (terms) {
      doc.moveDown(1).font(fonts.bold).fontSize(11).text(l('terms'), 48);
      doc.font(fonts.regular).fontSize(10);
      doc.text(`${l('incoterm')}: ${terms.incoterm} ${terms.namedPlace} (${INCOTERM_NAMES[terms.incoterm]})`);
      doc.text(`${l('payment')}: ${PAYMENT_TERM_NAMES[terms.paymentTerms][lang]}`);
      doc.text(`${l('leadTime')}: ${l('days', { days: terms.leadTimeDays })}`);
      if (terms.minimumOrder)
        doc.text(`${l('minimumOrder')}: ${quantityOf(terms.minimumOrder, lang)} × ${inquiry.product_unit}`);
      doc.text(`${l('samples')}: ${SAMPLE_POLICY_NAMES[terms.samplePolicy][lang]}`);
    }
    if (quote.note) doc.moveDown(0.6).text(`${l('note')}: ${quote.note}`, 48, doc.y, { width });
  });
}

/** The pro-forma of a quote, for either side of the inquiry, in the buyer's language. */
export async function proformaPdf(ctx: Ctx, id: string, quoteId: string) {
  const inquiry = await inquiriesRepository.byId(ctx.db, id);
  if (!inquiry) throw notFound('Inquiry');
  authorize(ctx.actor, inquiryPolicy, 'read', tradeTarget(inquiry));
  const quote = await inquiriesRepository.quoteById(ctx.db, quoteId);
  if (!quote || quote.inquiry_id !== id) throw notFound('Quote');
  const parties = await inquiriesRepository.proformaParties(ctx.db, id);
  return {
    pdf: await drawProforma(inquiry, quote, parties, inquiry.buyer_locale),
    name: `proforma-${quote.id.slice(-8).toUpperCase()}.pdf`,
  };
}

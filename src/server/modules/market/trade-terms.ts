import type { FieldError } from '../../http/errors.js';
import { convertMinor, fromMinor, minorDigits, toMinor } from '../../../shared/money.js';
import { lineTotalMinor, quantityText, toMilli } from '../../../shared/quantity.js';
import type { QuoteRow } from './inquiries.repository.js';
import type { QuoteBody, TradeTermsAnswer } from './market.schemas.js';

/** A rate as the API shows it: "104.5000" → "104.5". */
export const rateText = (rate: string): string => rate.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/**
 * A quote's or an order's money: the lines (unit price × quantity, half up) plus freight the price
 * does not include, in the quote's currency; and that total in the group's currency at the rate,
 * rounded once, half away from zero.
 */
function tradeTotals(t: {
  unitPriceMinor: bigint;
  quantity: string;
  currency: string;
  groupCurrency: string;
  rate: string | null;
  terms: TradeTermsAnswer | null;
}): { totalMinor: bigint; groupTotalMinor: bigint } {
  const freight = t.terms?.freight;
  const extra = freight && !freight.included ? toMinor(freight.amount.amount, t.currency)! : 0n;
  const totalMinor = lineTotalMinor(t.unitPriceMinor, toMilli(t.quantity)) + extra;
  const groupTotalMinor = t.rate === null ? totalMinor : convertMinor(totalMinor, t.currency, t.groupCurrency, t.rate);
  return { totalMinor, groupTotalMinor };
}

/** The money of a stored quote (and of the order made from it). */
export const quoteTotals = (row: QuoteRow) =>
  tradeTotals({
    unitPriceMinor: BigInt(row.unit_price_minor),
    quantity: row.quantity,
    currency: row.currency,
    groupCurrency: row.group_currency,
    rate: row.rate,
    terms: row.terms,
  });

const decimalsError = (path: string, currency: string): FieldError => ({
  path,
  code: 'money_decimals',
  params: { currency, decimals: minorDigits(currency) },
  message: `has more decimals than ${currency} allows`,
});

/**
 * Checks a quote against the group's currency and turns it into what is stored: the unit price in
 * minor units, the rate (only when the currencies differ) and the terms as presented. Every fault
 * is named at once.
 */
export function readQuote(
  input: QuoteBody,
  groupCurrency: string,
): { errors: FieldError[]; unitPriceMinor: bigint; rate: string | null; terms: TradeTermsAnswer | null } {
  const currency = input.unitPrice.currency;
  const errors: FieldError[] = [];
  const unitPriceMinor = toMinor(input.unitPrice.amount, currency);
  if (unitPriceMinor === undefined) errors.push(decimalsError('unitPrice.amount', currency));
  const rate = input.rate ?? null;
  if (currency !== groupCurrency && rate === null)
    errors.push({
      path: 'rate',
      code: 'rate_required',
      params: { currency, groupCurrency },
      message: `is needed: ${groupCurrency} per 1 ${currency}`,
    });
  if (currency === groupCurrency && rate !== null)
    errors.push({
      path: 'rate',
      code: 'rate_not_allowed',
      params: { currency },
      message: `is not taken: the quote is in the group's own currency (${currency})`,
    });
  const t = input.terms ?? null;
  let terms: TradeTermsAnswer | null = null;
  if (t) {
    const freightMinor = t.freight ? toMinor(t.freight.amount, currency) : undefined;
    if (t.freight && freightMinor === undefined) errors.push(decimalsError('terms.freight.amount', currency));
    if (t.minimumOrder && toMilli(t.minimumOrder) > toMilli(input.quantity))
      errors.push({
        path: 'quantity',
        code: 'below_minimum_order',
        params: { minimum: quantityText(t.minimumOrder) },
        message: `is below the minimum order of ${quantityText(t.minimumOrder)}`,
      });
    terms = {
      incoterm: t.incoterm,
      namedPlace: t.namedPlace,
      freight:
        t.freight && freightMinor !== undefined
          ? { amount: fromMinor(freightMinor, currency), included: t.freight.included }
          : null,
      paymentTerms: t.paymentTerms,
      leadTimeDays: t.leadTimeDays,
      minimumOrder: t.minimumOrder ? quantityText(t.minimumOrder) : null,
      samplePolicy: t.samplePolicy,
    };
  }
  return {
    errors,
    unitPriceMinor: unitPriceMinor ?? 0n,
    rate: currency === groupCurrency || rate === null ? null : rateText(rate),
    terms,
  };
}

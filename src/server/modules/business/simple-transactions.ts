import type { SimpleTransactionBody } from '../../../shared/schemas/business.js';
import type { AccountRole } from './chart-templates.js';

/**
 * What each one-tap transaction posts (double entry: debits = credits). An account is named by its
 * role in the chart, or by a code for a group's own expense account.
 */
export type AccountRef = { role: AccountRole } | { code: string };
export interface PlannedLine {
  account: AccountRef;
  side: 'debit' | 'credit';
  /** Which amount of the transaction: the main amount, the cost of goods, or loan interest. */
  of: 'amount' | 'costOfGoods' | 'interest';
}

const r = (role: AccountRole): AccountRef => ({ role });
const debit = (account: AccountRef, of: PlannedLine['of'] = 'amount'): PlannedLine => ({ account, side: 'debit', of });
const credit = (account: AccountRef, of: PlannedLine['of'] = 'amount'): PlannedLine => ({
  account,
  side: 'credit',
  of,
});

/** Cash box or bank, as the treasurer chose. */
const money = (via: 'cash' | 'bank') => r(via === 'bank' ? 'bank' : 'cash');
/** Paid now from cash or bank, or owed to the supplier. */
const payment = (settlement: 'cash' | 'bank' | 'credit') =>
  settlement === 'credit' ? r('payables') : money(settlement);

/** Selling from stock also moves its cost from finished goods to cost of goods sold. */
const costOfSale = (withCost: boolean): PlannedLine[] =>
  withCost ? [debit(r('cost_of_goods'), 'costOfGoods'), credit(r('finished_goods'), 'costOfGoods')] : [];

/**
 * The lines of a transaction. A sale carries its cost of goods when `withCost`: a typed cost
 * (groups without batches) or the cost of the batches it took.
 */
export function planTransaction(
  t: SimpleTransactionBody,
  withCost = 'costOfGoods' in t && t.costOfGoods !== undefined,
): PlannedLine[] {
  switch (t.kind) {
    case 'cash_sale':
      return [debit(money(t.via)), credit(r('sales')), ...costOfSale(withCost)];
    case 'credit_sale':
      return [debit(r('receivables')), credit(r('sales')), ...costOfSale(withCost)];
    case 'payment_received':
      return [debit(money(t.via)), credit(r('receivables'))];
    case 'material_purchase':
      return [debit(r('materials')), credit(payment(t.settlement))];
    case 'production':
      return [debit(r('finished_goods')), credit(r('materials'))];
    case 'expense':
      return [debit(t.accountCode ? { code: t.accountCode } : r(t.category)), credit(money(t.via))];
    case 'supplier_paid':
      return [debit(r('payables')), credit(money(t.via))];
    case 'owner_capital':
      return [debit(money(t.via)), credit(r('owner_capital'))];
    case 'owner_drawing':
      return [debit(r('drawings')), credit(money(t.via))];
    case 'loan_received':
      return [debit(money(t.via)), credit(r('bank_loans'))];
    case 'loan_repaid':
      // The amount repays principal; interest, when given, is an expense paid on top.
      return t.interest
        ? [
            debit(r('bank_loans')),
            debit(r('interest'), 'interest'),
            credit(money(t.via)),
            credit(money(t.via), 'interest'),
          ]
        : [debit(r('bank_loans')), credit(money(t.via))];
    case 'asset_bought':
      return [debit(r('equipment')), credit(payment(t.settlement))];
    case 'principal_savings_received':
      return [debit(money(t.via)), credit(r('principal_savings'))];
    case 'mandatory_savings_received':
      return [debit(money(t.via)), credit(r('mandatory_savings'))];
    case 'voluntary_savings_received':
      return [debit(money(t.via)), credit(r('voluntary_savings'))];
    case 'voluntary_savings_withdrawn':
      return [debit(r('voluntary_savings')), credit(money(t.via))];
  }
}

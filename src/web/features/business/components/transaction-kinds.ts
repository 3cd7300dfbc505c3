import type { TransactionKind } from '../api/journal';

/** The extra fields a one-tap transaction asks for, beyond date, amount and memo. */
export type KindField = 'via' | 'settlement' | 'costOfGoods' | 'customer' | 'category' | 'interest' | 'lifeMonths';

export interface KindSpec {
  kind: TransactionKind;
  fields: KindField[];
}

/**
 * The one-tap buttons, grouped the way a treasurer thinks about them: money coming in, money going
 * out, and what moves no money today (a sale on credit, materials made into goods).
 */
export const KIND_GROUPS: { key: 'in' | 'out' | 'other'; kinds: KindSpec[] }[] = [
  {
    key: 'in',
    kinds: [
      { kind: 'cash_sale', fields: ['via', 'costOfGoods'] },
      { kind: 'payment_received', fields: ['via'] },
      { kind: 'owner_capital', fields: ['via'] },
      { kind: 'loan_received', fields: ['via'] },
    ],
  },
  {
    key: 'out',
    kinds: [
      { kind: 'material_purchase', fields: ['settlement'] },
      { kind: 'expense', fields: ['category', 'via'] },
      { kind: 'supplier_paid', fields: ['via'] },
      { kind: 'owner_drawing', fields: ['via'] },
      { kind: 'loan_repaid', fields: ['interest', 'via'] },
      { kind: 'asset_bought', fields: ['settlement', 'lifeMonths'] },
    ],
  },
  {
    key: 'other',
    kinds: [
      { kind: 'credit_sale', fields: ['customer', 'costOfGoods'] },
      { kind: 'production', fields: [] },
    ],
  },
];

export const kindSpec = (kind: TransactionKind): KindSpec =>
  KIND_GROUPS.flatMap((g) => g.kinds).find((k) => k.kind === kind)!;

import type { TransactionKind } from '../api/journal';

/** The extra fields a one-tap transaction asks for, beyond date, amount and memo. */
export type KindField =
  | 'market'
  | 'via'
  | 'settlement'
  | 'costOfGoods'
  | 'customer'
  | 'category'
  | 'interest'
  | 'lifeMonths'
  | 'residualValue'
  | 'member';

export interface KindSpec {
  kind: TransactionKind;
  fields: KindField[];
}

/**
 * The one-tap buttons, grouped the way a treasurer thinks about them: money coming in, money going
 * out, and what moves no money today (a sale on credit, materials made into goods). A cooperative
 * records its members' savings instead of owners' capital and drawings.
 */
export const KIND_GROUPS: { key: 'in' | 'out' | 'other' | 'savings'; kinds: KindSpec[] }[] = [
  {
    key: 'in',
    kinds: [
      { kind: 'cash_sale', fields: ['market', 'via', 'costOfGoods'] },
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
      { kind: 'asset_bought', fields: ['settlement', 'lifeMonths', 'residualValue'] },
    ],
  },
  {
    key: 'other',
    kinds: [
      { kind: 'credit_sale', fields: ['market', 'customer', 'costOfGoods'] },
      { kind: 'production', fields: [] },
    ],
  },
  {
    key: 'savings',
    kinds: [
      { kind: 'principal_savings_received', fields: ['member', 'via'] },
      { kind: 'mandatory_savings_received', fields: ['member', 'via'] },
      { kind: 'voluntary_savings_received', fields: ['member', 'via'] },
      { kind: 'voluntary_savings_withdrawn', fields: ['member', 'via'] },
    ],
  },
];

/** Kinds a cooperative has no accounts for (it has members' savings), and the kinds only it records. */
const OWNERS: readonly TransactionKind[] = ['owner_capital', 'owner_drawing'];

/** The tap groups for a group: a cooperative gets the savings and no owners' capital or drawings. */
export const kindGroupsFor = (cooperative: boolean) =>
  KIND_GROUPS.filter((g) => (g.key === 'savings') === cooperative || g.key !== 'savings').map((g) => ({
    ...g,
    kinds: cooperative ? g.kinds.filter((k) => !OWNERS.includes(k.kind)) : g.kinds,
  }));

export const kindSpec = (kind: TransactionKind): KindSpec =>
  KIND_GROUPS.flatMap((g) => g.kinds).find((k) => k.kind === kind)!;

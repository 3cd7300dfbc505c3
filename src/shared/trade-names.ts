import type { Incoterm, PaymentTerms } from './schemas/market.js';

type Names = { id: string; en: string; ja: string; th: string; vi: string };

/** Payment terms by code, named in each language (the quote form, the buyer's page, the pro-forma). */
export const PAYMENT_TERM_NAMES: Record<PaymentTerms, Names> = {
  advance: {
    id: 'Bayar di muka penuh',
    en: 'Full payment in advance',
    ja: '全額前払い',
    th: 'ชำระเต็มจำนวนล่วงหน้า',
    vi: 'Thanh toán trước toàn bộ',
  },
  deposit_30_70: {
    id: 'Uang muka 30%, pelunasan 70% sebelum pengiriman',
    en: '30% deposit, 70% before shipment',
    ja: '前払い30%・出荷前に残金70%',
    th: 'มัดจำ 30% ชำระอีก 70% ก่อนส่งสินค้า',
    vi: 'Đặt cọc 30%, trả 70% trước khi giao hàng',
  },
  letter_of_credit: {
    id: 'Letter of credit (L/C)',
    en: 'Letter of credit (L/C)',
    ja: '信用状（L/C）',
    th: 'เลตเตอร์ออฟเครดิต (L/C)',
    vi: 'Thư tín dụng (L/C)',
  },
  net_30: { id: 'Tempo 30 hari', en: 'Net 30 days', ja: '請求後30日以内', th: 'เครดิต 30 วัน', vi: 'Trả chậm 30 ngày' },
  net_60: { id: 'Tempo 60 hari', en: 'Net 60 days', ja: '請求後60日以内', th: 'เครดิต 60 วัน', vi: 'Trả chậm 60 ngày' },
};

export const SAMPLE_POLICY_NAMES: Record<'free' | 'paid' | 'none', Names> = {
  free: { id: 'Sampel gratis', en: 'Free samples', ja: 'サンプル無料', th: 'ตัวอย่างฟรี', vi: 'Mẫu miễn phí' },
  paid: { id: 'Sampel berbayar', en: 'Paid samples', ja: 'サンプル有料', th: 'ตัวอย่างมีค่าใช้จ่าย', vi: 'Mẫu có tính phí' },
  none: { id: 'Tanpa sampel', en: 'No samples', ja: 'サンプルなし', th: 'ไม่มีตัวอย่าง', vi: 'Không có mẫu' },
};

/** Incoterms 2020 rules by code; FAS, FOB, CFR and CIF fit sea and inland waterway transport only. */
export const INCOTERM_NAMES: Record<Incoterm, string> = {
  EXW: 'Ex Works',
  FCA: 'Free Carrier',
  CPT: 'Carriage Paid To',
  CIP: 'Carriage and Insurance Paid To',
  DAP: 'Delivered at Place',
  DPU: 'Delivered at Place Unloaded',
  DDP: 'Delivered Duty Paid',
  FAS: 'Free Alongside Ship',
  FOB: 'Free on Board',
  CFR: 'Cost and Freight',
  CIF: 'Cost, Insurance and Freight',
};

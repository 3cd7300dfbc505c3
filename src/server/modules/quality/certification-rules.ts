import type { FieldCode } from '../../../shared/problem-codes.js';
import type { FieldError } from '../../http/errors.js';
import { packKind } from '../../packs/index.js';
import type { CertificationKind } from './quality.schemas.js';
import { addMonths } from './scoring.js';

/**
 * Number formats and validity rules per certificate kind, pure. Kinds without a known public
 * format (SNI, organic, other) take any number.
 */
const NUMBER_FORMATS: Partial<Record<CertificationKind, { pattern: RegExp; code: FieldCode; message: string }>> = {
  // SPP-IRT (BPOM Reg. 22/2018): 15 digits, the last two the year the permit ends, often written
  // after a hyphen ("2063204010541-25").
  pirt: {
    pattern: /^\d{13}-?\d{2}$/,
    code: 'pirt_number',
    message: 'must be the 15-digit P-IRT number, e.g. 2063204010541-25',
  },
  // BPOM distribution permit for processed food made in Indonesia: "MD" and 12 digits.
  bpom_md: { pattern: /^MD ?\d{12}$/, code: 'bpom_md_number', message: 'must be "MD" and 12 digits' },
  // BPJPH halal certificate: "ID" and digits.
  halal: {
    pattern: /^ID\d{8,24}$/,
    code: 'halal_number',
    message: 'must be "ID" and digits (BPJPH certificate number)',
  },
  // US FDA food facility registration: 11 digits.
  fda_registration: {
    pattern: /^\d{11}$/,
    code: 'fda_number',
    message: 'must be the 11-digit FDA registration number',
  },
  // DJKI brand (merek) registration: "IDM" and 9 digits, e.g. IDM000123456.
  merek: { pattern: /^IDM\d{9}$/, code: 'merek_number', message: 'must be "IDM" and 9 digits, e.g. IDM000123456' },
  // DJKI Geographical Indication (Indikasi Geografis): "IDG" and 9 digits, e.g. IDG000000012.
  geographical_indication: {
    pattern: /^IDG\d{9}$/,
    code: 'gi_number',
    message: 'must be "IDG" and 9 digits, e.g. IDG000000012',
  },
};

/**
 * The kinds whose number format and validity come from the pack that brings them (packs/XX/pack.json);
 * Indonesia's and the FDA's rules above are code, as they check more than a pattern.
 */
const PACKED_KINDS: readonly CertificationKind[] = [
  'th_fda',
  'th_tcps',
  'vn_food_safety',
  'jp_jas',
  'jp_food_business_licence',
  'ke_kebs_smark',
  'ke_kebs_dmark',
  'kg_eaeu_conformity',
];

/** SPP-IRT is valid at most 5 years (BPOM Reg. 22/2018). */
export const PIRT_MAX_MONTHS = 60;

/**
 * No certificate runs for decades: the longest-lived (halal, SNI) are renewed within a few years,
 * so an expiry past this is a slip of the year, not a validity.
 */
export const MAX_VALIDITY_MONTHS = 30 * 12;

/**
 * An FDA food facility registration lapses at the end of each even year: it is renewed between
 * October and December of every even year (21 CFR 1.230; DOMAIN.md). One made in an odd year runs
 * to the end of the next year.
 */
export function fdaRegistrationExpiry(issuedOn: string): string {
  const year = Number(issuedOn.slice(0, 4));
  return `${year % 2 === 0 ? year : year + 1}-12-31`;
}

export interface CertificationInput {
  kind: CertificationKind;
  number: string;
  issuedOn: string;
  expiresOn?: string | null | undefined;
}

/** The field errors of a certificate and its expiry date (computed where the rule fixes it). */
export function checkCertification(c: CertificationInput): { errors: FieldError[]; expiresOn: string | null } {
  const errors: FieldError[] = [];
  const format = NUMBER_FORMATS[c.kind];
  if (format && !format.pattern.test(c.number))
    errors.push({ path: 'number', code: format.code, message: format.message });
  let expiresOn = c.expiresOn ?? null;
  const packed = PACKED_KINDS.includes(c.kind) ? packKind(c.kind) : undefined;
  if (packed?.numberPattern && !new RegExp(packed.numberPattern).test(c.number))
    errors.push({
      path: 'number',
      code: 'certificate_number_format',
      params: { example: packed.numberExample ?? '' },
      message: `does not match the number format of this kind, e.g. ${packed.numberExample ?? ''}`,
    });
  // A kind whose pack fixes how long it runs: that long from issue unless the certificate says.
  if (packed?.validityMonths && expiresOn === null) expiresOn = addMonths(c.issuedOn, packed.validityMonths);
  if (c.kind === 'fda_registration') {
    const due = fdaRegistrationExpiry(c.issuedOn);
    if (expiresOn !== null && expiresOn !== due)
      errors.push({
        path: 'expiresOn',
        code: 'fda_expiry',
        params: { due },
        message: `must be ${due}: FDA registrations end with each even year`,
      });
    expiresOn = due;
  }
  if (c.kind === 'pirt') {
    const latest = addMonths(c.issuedOn, PIRT_MAX_MONTHS);
    if (expiresOn === null)
      errors.push({
        path: 'expiresOn',
        code: 'pirt_expiry_required',
        message: 'is required for a P-IRT (valid at most 5 years)',
      });
    else if (expiresOn > latest)
      errors.push({
        path: 'expiresOn',
        code: 'expiry_too_late',
        params: { years: 5, latest },
        message: `may be at most 5 years after issuedOn (${latest})`,
      });
  }
  if (expiresOn !== null && expiresOn <= c.issuedOn)
    errors.push({ path: 'expiresOn', code: 'expires_before_issued', message: 'must be after issuedOn' });
  const longest = addMonths(c.issuedOn, MAX_VALIDITY_MONTHS);
  if (expiresOn !== null && expiresOn > longest && !errors.some((e) => e.path === 'expiresOn'))
    errors.push({
      path: 'expiresOn',
      code: 'expiry_too_late',
      params: { years: 30, latest: longest },
      message: `may be at most 30 years after issuedOn (${longest})`,
    });
  return { errors, expiresOn };
}

import { describe, expect, it } from 'vitest';
import { checkCertification, fdaRegistrationExpiry } from './certification-rules.js';

const paths = (r: { errors: { path: string }[] }) => r.errors.map((e) => e.path);

describe('certification rules', () => {
  it('accepts P-IRT numbers of 15 digits, with or without the hyphen before the year', () => {
    const base = { kind: 'pirt' as const, issuedOn: '2025-02-01', expiresOn: '2030-02-01' };
    expect(paths(checkCertification({ ...base, number: '2063204010541-25' }))).toEqual([]);
    expect(paths(checkCertification({ ...base, number: '206320401054125' }))).toEqual([]);
    expect(paths(checkCertification({ ...base, number: '20632040105412' }))).toEqual(['number']);
    expect(paths(checkCertification({ ...base, number: 'P-IRT 2063204010541-25' }))).toEqual(['number']);
  });

  it('checks DJKI brand registration (merek) and Geographical Indication numbers', () => {
    const check = (kind: 'merek' | 'geographical_indication', number: string) =>
      checkCertification({ kind, number, issuedOn: '2024-03-01', expiresOn: '2034-03-01' }).errors;
    expect(check('merek', 'IDM000123456')).toEqual([]);
    expect(check('merek', 'IDM00012345')).toMatchObject([{ path: 'number', code: 'merek_number' }]);
    expect(check('merek', 'IDG000000012')).toMatchObject([{ path: 'number', code: 'merek_number' }]);
    expect(check('geographical_indication', 'IDG000000012')).toEqual([]);
    expect(check('geographical_indication', 'IDM000123456')).toMatchObject([{ path: 'number', code: 'gi_number' }]);
  });

  it('refuses a P-IRT valid for more than five years or without an expiry', () => {
    const base = { kind: 'pirt' as const, number: '2063204010541-25', issuedOn: '2025-02-01' };
    expect(paths(checkCertification({ ...base, expiresOn: '2030-02-02' }))).toEqual(['expiresOn']);
    expect(paths(checkCertification({ ...base, expiresOn: null }))).toEqual(['expiresOn']);
  });

  it('checks BPOM MD, halal and FDA numbers', () => {
    const check = (kind: 'bpom_md' | 'halal' | 'fda_registration', number: string) =>
      paths(checkCertification({ kind, number, issuedOn: '2026-01-05', expiresOn: undefined }));
    expect(check('bpom_md', 'MD 224510001234')).toEqual([]);
    expect(check('bpom_md', 'MD224510001234')).toEqual([]);
    expect(check('bpom_md', 'ML 224510001234')).toEqual(['number']);
    expect(check('halal', 'ID35110000123450123')).toEqual([]);
    expect(check('halal', '35110000123450123')).toEqual(['number']);
    expect(check('fda_registration', '12345678901')).toEqual([]);
    expect(check('fda_registration', '1234567890')).toEqual(['number']);
  });

  it('ends an FDA registration with the even year it was made in, or the next one', () => {
    expect(fdaRegistrationExpiry('2026-03-01')).toBe('2026-12-31');
    expect(fdaRegistrationExpiry('2027-11-20')).toBe('2028-12-31');
    const made = { kind: 'fda_registration' as const, number: '12345678901', issuedOn: '2027-11-20' };
    expect(checkCertification(made)).toEqual({ errors: [], expiresOn: '2028-12-31' });
    expect(paths(checkCertification({ ...made, expiresOn: '2029-11-20' }))).toEqual(['expiresOn']);
  });

  it('refuses an expiry on or before the issue date', () => {
    const sni = { kind: 'sni' as const, number: 'SNI 01-3545-2013', issuedOn: '2026-01-05' };
    expect(paths(checkCertification({ ...sni, expiresOn: '2026-01-05' }))).toEqual(['expiresOn']);
    expect(checkCertification({ ...sni, expiresOn: null })).toEqual({ errors: [], expiresOn: null });
  });

  it('refuses an expiry more than 30 years after the issue date, for any kind', () => {
    const sni = { kind: 'sni' as const, number: 'SNI 01-3545-2013', issuedOn: '2026-01-05' };
    expect(paths(checkCertification({ ...sni, expiresOn: '2056-01-05' }))).toEqual([]);
    expect(checkCertification({ ...sni, expiresOn: '2056-01-06' }).errors).toEqual([
      expect.objectContaining({ path: 'expiresOn', message: 'may be at most 30 years after issuedOn (2056-01-05)' }),
    ]);
    expect(
      paths(checkCertification({ ...sni, kind: 'halal', number: 'ID35110000123450123', expiresOn: '2100-12-31' })),
    ).toEqual(['expiresOn']);
  });
});

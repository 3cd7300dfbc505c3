import type { FieldCode } from '../../../shared/problem-codes.js';
import type { FieldError } from '../../http/errors.js';

/**
 * Indonesia's Nomor Induk Kependudukan (Dukcapil, UU 24/2013): 16 digits — province, regency and
 * district of registration (2+2+2), date of birth DDMMYY with 40 added to the day for women, and a
 * 4-digit serial. Returns why a number cannot be this member's, or null when it fits.
 */
type NikProblem = Omit<FieldError, 'path'>;
const said = (code: FieldCode, message: string, params?: FieldError['params']): NikProblem => ({
  code,
  message,
  ...(params ? { params } : {}),
});

export function nikProblem(nik: string, sex: 'female' | 'male', birthYear: number): NikProblem | null {
  if (!/^\d{16}$/.test(nik)) return said('nik_digits', 'must be the 16-digit NIK');
  const province = Number(nik.slice(0, 2));
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const year = Number(nik.slice(10, 12));
  if (province < 11) return said('nik_province', 'does not start with a province code');
  if (month < 1 || month > 12) return said('nik_month', 'has no valid birth month (digits 9–10)');
  const female = day > 40;
  const dayOfMonth = female ? day - 40 : day;
  if (dayOfMonth < 1 || dayOfMonth > 31) return said('nik_day', 'has no valid birth day (digits 7–8)');
  if (female !== (sex === 'female'))
    return said(
      female ? 'nik_encodes_woman' : 'nik_encodes_man',
      `encodes a ${female ? 'woman' : 'man'}, but sex is ${sex}`,
    );
  if (year !== birthYear % 100)
    return said('nik_birth_year_mismatch', `encodes birth year ..${nik.slice(10, 12)}, but birthYear is ${birthYear}`, {
      encoded: nik.slice(10, 12),
      birthYear,
    });
  if (nik.slice(12) === '0000') return said('nik_serial_zero', 'has serial 0000');
  return null;
}

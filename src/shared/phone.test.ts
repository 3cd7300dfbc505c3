import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneText } from './phone.js';

describe('normalizing phone numbers', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['62812 3456 7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['0062 812 3456 7890', '+6281234567890'],
    ['(0361) 234567', '+62361234567'],
    ['+81 90 1234 5678', '+819012345678'],
  ])('reads %s as %s', (written, e164) => {
    expect(normalizePhone(written)).toBe(e164);
  });

  it.each(['', 'abc', '12345', '+62 0812 3456 7890', '0812', '+62812345678901234', 'budi@example.id'])(
    'refuses %j',
    (written) => {
      expect(normalizePhone(written)).toBeNull();
    },
  );
});

describe('writing phone numbers', () => {
  it.each([
    ['+6281234567890', '0812 3456 7890'],
    ['+628123456789', '0812 3456 789'],
    ['+62361234567', '0361234567'],
    ['+819012345678', '+819012345678'],
  ])('writes %s as %s', (e164, written) => {
    expect(phoneText(e164)).toBe(written);
    expect(normalizePhone(written)).toBe(e164);
  });
});

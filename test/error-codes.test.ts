import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { errorsEn } from '../src/shared/messages/errors.en.js';
import { errorsId } from '../src/shared/messages/errors.id.js';
import { errorsJa } from '../src/shared/messages/errors.ja.js';
import { errorsTh } from '../src/shared/messages/errors.th.js';
import { errorsVi } from '../src/shared/messages/errors.vi.js';
import { coded, FIELD_CODES, issueCode, PROBLEM_CODES, type IssueLike } from '../src/shared/problem-codes.js';
import { errorLanguage } from '../src/server/http/error-language.js';
import { buildUser, STRONG_PASSWORD } from './factories.js';
import { useTestApp } from './app.js';
import { registryWorld } from './registry-fixtures.js';

const CATALOGUES = { id: errorsId, en: errorsEn, ja: errorsJa, th: errorsTh, vi: errorsVi } as Record<
  string,
  Record<string, string>
>;
const CODES: Record<string, readonly string[]> = { ...PROBLEM_CODES, ...FIELD_CODES };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

describe('the error catalogue', () => {
  it('has no code both as a problem and as a field error', () => {
    expect(Object.keys(PROBLEM_CODES).filter((code) => code in FIELD_CODES)).toEqual([]);
  });

  it.each(['id', 'en', 'ja', 'th', 'vi'])(
    'translates every code the server can emit into %s, and nothing else',
    (locale) => {
      const texts = CATALOGUES[locale]!;
      const missing = Object.keys(CODES).filter((code) => !texts[`error.${code}`]?.trim());
      expect(missing).toEqual([]);
      expect(Object.keys(texts).filter((key) => !(key.slice('error.'.length) in CODES))).toEqual([]);
    },
  );

  it.each(['id', 'en', 'ja', 'th', 'vi'])('uses in %s only parameters its code gives', (locale) => {
    const wrong = Object.entries(CODES).flatMap(([code, params]) =>
      placeholders(CATALOGUES[locale]![`error.${code}`] ?? '')
        .filter((name) => !params.includes(name))
        .map((name) => `${code}: {${name}}`),
    );
    expect(wrong).toEqual([]);
  });

  it('states every parameter a code gives in every language (a limit is never left out)', () => {
    const unstated = Object.entries(CODES).flatMap(([code, params]) =>
      ['id', 'en', 'ja', 'th', 'vi'].flatMap((locale) =>
        params
          .filter((name) => !placeholders(CATALOGUES[locale]![`error.${code}`] ?? '').includes(name))
          .map((name) => `${locale} ${code}: {${name}}`),
      ),
    );
    expect(unstated).toEqual([]);
  });

  it("shares no key with the web app's own messages", () => {
    for (const locale of ['id', 'en', 'ja']) {
      const web = ['public', 'staff'].flatMap((part) =>
        Object.keys(
          JSON.parse(
            readFileSync(new URL(`../src/web/i18n/${part}/${locale}.json`, import.meta.url), 'utf8'),
          ) as object,
        ),
      );
      expect(web.length).toBeGreaterThan(500);
      expect(web.filter((key) => key in CATALOGUES[locale]!)).toEqual([]);
    }
  });

  it('keeps the English of no sentence in the Indonesian or Japanese catalogue', () => {
    const same = Object.keys(CODES).filter(
      (code) =>
        /[a-z]{4}/.test(errorsEn[`error.${code}` as keyof typeof errorsEn].replace(/\{\w+\}/g, '')) &&
        (errorsId[`error.${code}` as keyof typeof errorsId] === errorsEn[`error.${code}` as keyof typeof errorsEn] ||
          errorsJa[`error.${code}` as keyof typeof errorsJa] === errorsEn[`error.${code}` as keyof typeof errorsEn]),
    );
    expect(same).toEqual([]);
  });
});

describe("zod's issues as codes", () => {
  const issues = (schema: z.ZodType, value: unknown) =>
    schema.safeParse(value).error!.issues.map((issue) => ({
      path: issue.path.join('.'),
      ...issueCode(issue as IssueLike),
    }));

  it('names the check and its bound, and finds the code a schema gave its format', () => {
    const schema = z.strictObject({
      name: z.string().min(1),
      note: z.string().max(5),
      id: z.uuid(),
      email: z.email(),
      on: z.iso.date(),
      count: z.number().int().min(2),
      share: z.number().gt(0),
      kind: z.enum(['a', 'b']),
      area: z.string().regex(/^\d+$/, coded('not_an_area_code', 'is not an area code')),
      items: z.array(z.string()).min(1),
      even: z
        .number()
        .refine((n) => n % 2 === 0, { message: 'is odd', params: { code: 'not_multiple_of', divisor: 2 } }),
      missing: z.string(),
    });
    const value = { name: '', note: 'abcdefg', id: 'x', email: 'x', on: '2026-13-40', count: 1, share: 0 };
    expect(issues(schema, { ...value, kind: 'c', area: 'A-1', items: [], even: 3, extra: true })).toEqual([
      { path: 'name', code: 'required', params: {} },
      { path: 'note', code: 'too_big_string', params: { maximum: 5 } },
      { path: 'id', code: 'invalid_uuid', params: {} },
      { path: 'email', code: 'invalid_email', params: {} },
      { path: 'on', code: 'invalid_date', params: {} },
      { path: 'count', code: 'too_small_number', params: { minimum: 2 } },
      { path: 'share', code: 'too_small_number_exclusive', params: { minimum: 0 } },
      { path: 'kind', code: 'invalid_value', params: { values: 'a, b' } },
      { path: 'area', code: 'not_an_area_code', params: {} },
      { path: 'items', code: 'too_small_array', params: { minimum: 1 } },
      { path: 'even', code: 'not_multiple_of', params: { divisor: 2 } },
      { path: 'missing', code: 'required', params: {} },
      { path: '', code: 'unknown_field', params: {} },
    ]);
  });

  it('gives every code it can produce a place in the registry', () => {
    const produced = [
      { code: 'too_small', origin: 'date', minimum: 0, message: '' },
      { code: 'too_big', origin: 'set', maximum: 3, message: '' },
      { code: 'too_big', origin: 'number', maximum: 3, inclusive: false, message: '' },
      { code: 'invalid_format', format: 'datetime', message: '' },
      { code: 'invalid_format', format: 'url', message: '' },
      { code: 'invalid_format', format: 'cuid', message: '' },
      { code: 'invalid_type', expected: 'int', input: 1.5, message: '' },
      { code: 'invalid_type', expected: 'string', input: 1, message: '' },
      { code: 'invalid_union', message: '' },
      { code: 'custom', params: { code: 'no such code' }, message: '' },
    ].map((issue) => issueCode(issue).code);
    expect(produced.filter((code) => !(code in FIELD_CODES))).toEqual([]);
  });
});

describe('the language of the server’s words', () => {
  it('follows Accept-Language with its weights, and keeps English without it', () => {
    expect(errorLanguage(undefined)).toBe('en');
    expect(errorLanguage('id-ID,id;q=0.9,en;q=0.8')).toBe('id');
    expect(errorLanguage('fr, ja;q=0.5, en;q=0.4')).toBe('ja');
    expect(errorLanguage('en;q=0.2, ja;q=0.9')).toBe('ja');
    expect(errorLanguage('th-TH,th;q=0.9,en;q=0.8')).toBe('th');
    expect(errorLanguage('vi')).toBe('vi');
    expect(errorLanguage('fr-FR')).toBe('en');
  });
});

describe('problems over HTTP', () => {
  const t = useTestApp();
  const NIK_WOMAN = '5107064505850001';
  const member = {
    name: '',
    sex: 'male',
    birthYear: 1999,
    role: 'chair',
    joinedOn: '2019-03-08',
    nationalId: NIK_WOMAN,
  };

  it('sends codes and parameters beside the text, worded in the language the request asks for', async () => {
    const w = await registryWorld(t);
    const url = `/api/v1/groups/${w.groups.bali.id}/members`;
    const english = await t.request({ method: 'POST', url, as: w.admin, payload: member });
    expect(english.statusCode).toBe(400);
    expect(english.json()).toMatchObject({ type: '/problems/validation', code: 'validation', params: {} });
    expect(english.json().errors).toEqual([
      { path: 'name', code: 'required', params: {}, message: expect.stringMatching(/^Too small/) },
    ]);
    const indonesian = await t.request({
      method: 'POST',
      url,
      as: w.admin,
      headers: { 'accept-language': 'id' },
      payload: member,
    });
    expect(indonesian.headers['content-language']).toBe('id');
    expect(indonesian.json()).toMatchObject({ detail: 'Ada isian yang perlu diperbaiki.' });
    expect(indonesian.json().errors).toEqual([{ path: 'name', code: 'required', params: {}, message: 'Wajib diisi.' }]);
    const mismatch = await t.request({
      method: 'POST',
      url,
      as: w.admin,
      headers: { 'accept-language': 'ja,en;q=0.5' },
      payload: { ...member, name: 'Ni Made', sex: 'female' },
    });
    expect(mismatch.json().errors).toEqual([
      {
        path: 'nationalId',
        code: 'nik_birth_year_mismatch',
        params: { encoded: '85', birthYear: 1999 },
        message: 'NIK の生まれ年は ..85 ですが、生まれ年は 1999 です。',
      },
    ]);
  });

  it('words a wrong password in Indonesian or Japanese, and as before for a client without the header', async () => {
    await buildUser(t.database.db, { email: 'sari@example.id' });
    const attempt = (language?: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        ...(language ? { headers: { 'accept-language': language } } : {}),
        payload: { email: 'sari@example.id', password: `${STRONG_PASSWORD}x` },
      });
    const plain = await attempt();
    expect(plain.statusCode).toBe(401);
    expect(plain.json()).toMatchObject({
      type: '/problems/unauthorized',
      code: 'wrong-credentials',
      detail: 'The email or phone number, or the password, is wrong.',
    });
    expect((await attempt('id-ID')).json()).toMatchObject({ detail: 'Email/nomor HP atau kata sandi salah.' });
    expect((await attempt('ja')).json()).toMatchObject({
      detail: 'メールアドレス・電話番号またはパスワードが違います。',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { schemeDefinition } from './quality.schemas.js';
import { SCHEME_TEMPLATES } from './scheme-templates.js';

/** Every localized text in a definition, with where it sits. */
function texts(value: unknown, path = ''): { path: string; text: Record<string, string> }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}.${i}`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string' && typeof record.en === 'string')
    return [{ path, text: record as Record<string, string> }];
  return Object.entries(record).flatMap(([key, v]) => texts(v, `${path}.${key}`));
}

describe('shipped scheme templates', () => {
  it.each(SCHEME_TEMPLATES.map((tpl) => [tpl.key, tpl.definition] as const))(
    'give every text of %s in Indonesian, English and Japanese',
    (_key, definition) => {
      expect(schemeDefinition.safeParse(definition).success).toBe(true);
      const found = texts(definition);
      expect(found.length).toBeGreaterThan(10);
      const missing = found.filter(({ text }) => !['id', 'en', 'ja'].every((l) => (text[l] ?? '').trim() !== ''));
      expect(missing.map((m) => m.path)).toEqual([]);
      // A badge name is a proper name ("OCOP"): the same in every language.
      const untranslated = found.filter(
        ({ path, text }) => path !== '.badgeName' && (text.ja === text.en || /^[\x20-\x7e]*$/.test(text.ja!)),
      );
      expect(untranslated.map((m) => m.path)).toEqual([]);
      const placeholderWords = found.filter(({ text }) =>
        Object.values(text).some((v) => /placeholder|（仮）/i.test(v)),
      );
      expect(placeholderWords.map((m) => m.path)).toEqual([]);
      expect(definition.caveats, 'every template says what is unverified').toBeDefined();
      expect(definition.badgeName).toBeDefined();
    },
  );
});

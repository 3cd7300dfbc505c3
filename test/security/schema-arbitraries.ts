import fc from 'fast-check';
import type { JsonSchema } from './openapi.js';

/**
 * fast-check arbitraries from the JSON Schema of the OpenAPI document: values that look valid
 * (so requests get past validation into services and queries) and hostile ones (wrong types,
 * huge or unstorable text, deep nesting, unknown keys, numbers out of every range, non-ids).
 */

/** Strings that have broken servers: control characters, NUL, lone surrogates, traversal, injection. */
const NASTY_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001b[31m\u007f',
  '\r\n\r\nX-Injected: 1',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  "' OR '1'='1",
  "1'; --",
  '%',
  '_%_',
  '\\',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '-1',
  '0',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[]',
  '{}',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0000-00-00',
  '9999-99-99',
  '2026-02-30',
  '-271821-04-20',
  '9'.repeat(400),
  '😀'.repeat(300),
  'a'.repeat(10_000),
];

export const nastyText = fc.constantFrom(...NASTY_TEXT);

const nestedArrays = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
const nestedObjects = (depth: number): unknown => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

/** JSON text nested deeper than any value should be (too deep to build as a value here). */
export const DEEP_JSON = ['['.repeat(50_000) + ']'.repeat(50_000), '{"a":'.repeat(30_000) + '1' + '}'.repeat(30_000)];

/** Any hostile JSON value, for a field or for a whole body. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyText,
  fc.constantFrom(
    -1,
    0,
    -2_147_483_649,
    2 ** 31,
    2 ** 53 + 2,
    1e308,
    -1e308,
    0.1,
    Number.MIN_VALUE,
    null,
    true,
    false,
    [],
    {},
    [null],
    { toString: 'x' },
  ),
  fc.constant(100).map(nestedArrays),
  fc.constant(100).map(nestedObjects),
  fc.constant('x'.repeat(200_000)),
  fc.anything({ maxDepth: 3 }),
);

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

/** A value that satisfies (or nearly satisfies) the schema; `ids` stands in for uuid fields often. */
export function validLooking(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((s) => validLooking(s, ids)));
  if (schema.allOf) return validLooking(Object.assign({}, ...schema.allOf) as JsonSchema, ids);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => validLooking({ ...schema, type }, ids)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1_000_000, -1_000_000_000),
        max: Math.min(schema.maximum ?? 1_000_000, 1_000_000_000),
      });
    case 'number':
      return fc.double({
        min: Math.max(schema.minimum ?? schema.exclusiveMinimum ?? -1e9, -1e9),
        max: Math.min(schema.maximum ?? 1e9, 1e9),
        noNaN: true,
      });
    case 'string':
      return stringOf(schema, ids);
    case 'array':
      return fc.array(schema.items ? validLooking(schema.items, ids) : fc.anything(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
      });
    case 'object':
      return objectOf(schema, ids);
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

function stringOf(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<string> {
  if (schema.format === 'uuid')
    return ids.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, fc.uuid()) : fc.uuid();
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'uri') return fc.webUrl();
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

function objectOf(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  if (Object.keys(properties).length === 0 && typeof schema.additionalProperties === 'object') {
    const key = schema.propertyNames ? (stringOf(schema.propertyNames, ids) as fc.Arbitrary<string>) : fc.string();
    return fc.dictionary(key, validLooking(schema.additionalProperties, ids), { maxKeys: 3 });
  }
  const record = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validLooking(s, ids)]));
  return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
}

/** A valid-looking value with one part made hostile: a field's value replaced, or a key added. */
export function malformed(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    nastyValue,
    fc.tuple(validLooking(schema, ids), fc.nat(), nastyValue, fc.boolean()).map(([value, pick, bad, addKey]) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return bad;
      const keys = Object.keys(value);
      if (addKey || keys.length === 0) return { ...value, unknownField: bad, __proto__x: 1 };
      return { ...value, [keys[pick % keys.length]!]: bad };
    }),
  );
}

/**
 * Every code the server can put in a problem (`code`) or a field error (`errors[].code`), with the
 * names of the parameters its sentence may use. The texts live in `messages/errors.<locale>.ts`,
 * one catalogue per language, shared by the server (for `Accept-Language`) and the web app; a test
 * fails when a code lacks a text in any language or a text names a parameter the code does not give.
 *
 * Problem codes are kebab-case (they are also the problem's `type`, `/problems/<kind>`, or a finer
 * reason within it); field codes are snake_case.
 */
export const PROBLEM_CODES = {
  // kinds
  validation: [],
  unauthorized: [],
  forbidden: [],
  'not-found': [],
  conflict: [],
  'too-large': ['maxMegabytes'],
  'rate-limited': ['retryAfter'],
  'bad-request': [],
  'unsupported-media-type': [],
  internal: [],
  'invalid-format': [],
  // finer reasons
  'wrong-credentials': [],
  'token-unknown': [],
  'bearer-malformed': [],
  'cross-site': [],
  'origin-missing': [],
  'not-in-batch': [],
  'token-cannot-create-tokens': [],
  'admin-only': [],
  'signed-in-already': [],
  'buyer-only': [],
  'outside-scope': [],
  'panel-tier-too-low': ['tier'],
  'trainer-plans-own-sessions': [],
  'order-move-refused': ['side', 'to'],
  'producer-quotes-only': [],
  'unique-value-taken': [],
  'round-taken': ['year'],
  'id-in-use': [],
  'id-other-content': [],
  'version-conflict': ['base', 'version'],
  'email-taken': [],
  'program-code-taken': [],
  'village-enrolled': [],
  'national-id-taken': [],
  'account-linked': [],
  'lot-code-taken': ['lotCode'],
  'account-exists': ['code'],
  'already-enrolled': [],
  'not-enrolled': [],
  'appeal-decided': [],
  'session-cancelled': [],
  'asset-disposed': ['name', 'date'],
  'entry-reversed': ['entryNo'],
  'photo-too-large': ['maxMegabytes'],
  'photo-too-many-pixels': ['maxMegapixels'],
  // rules (422)
  'area-outside-program': [],
  'event-linked-session': [],
  'capacity-below-going': ['going'],
  'areas-missing': [],
  'country-pack-missing': ['country'],
  'country-pack-not-installed': ['country'],
  'rate-same-currency': ['currency'],
  'assessment-closed': ['status'],
  'criteria-unscored': [],
  'date-in-future': [],
  'illegal-transition': [],
  'inquiry-closed': [],
  'no-test': [],
  'not-a-village': [],
  'not-appealable': ['status'],
  'period-already-closed': ['closedThrough'],
  'period-closed': ['closedThrough'],
  'period-not-ended': ['month'],
  'product-not-ready': [],
  'production-from-batches': [],
  'program-areas-in-use': ['country'],
  'member-below-min-age': ['minAge'],
  'quote-expired': [],
  'quote-not-open': [],
  'reference-missing': [],
  'reversal-of-reversal': [],
  'reversal-of-production': [],
  'self-assessment-first': [],
  'stock-insufficient': [],
  'template-read-only': [],
  'too-many-photos': ['maximum'],
  'insufficient-balance': ['account', 'held', 'amount'],
  'more-than-receivable': ['account', 'held', 'amount'],
  'more-than-owed': ['account', 'held', 'amount'],
  'contacts-of-two-accounts': [],
  'more-than-saved': ['account', 'held', 'amount'],
  'final-tax-off': ['month'],
  'final-tax-nothing-due': ['month'],
  'cooperative-only': [],
  unbalanced: [],
  'cost-from-batches': [],
  'indicator-unknown': ['indicator'],
  'area-level-unknown': ['level'],
  'area-level-above': ['level'],
  'breakdown-not-allowed': ['dimension', 'indicator'],
  'too-many-periods': ['maximum'],
  'target-exists': [],
  'at-risk-above-on-track': [],
  'dhis2-period-type': ['periodType'],
  'dhis2-nothing-mapped': [],
  'dhis2-not-configured': [],
  'thread-locked': [],
  'translation-not-yours': [],
  'post-photo-not-yours': [],
  'not-a-question': [],
  'ticket-unknown': [],
  'ticket-other-event': [],
  'ticket-not-going': [],
  'ticket-used': [],
  // a new community member's slow mode (429)
  'slow-mode': ['maximum'],
  // a community member muted (may read, not post) or suspended (neither) until a time (403)
  'member-muted': ['until'],
  'member-suspended': ['until'],
  // mentoring and success stories (community, decision 019)
  'mentors-are-trainers': [],
  'community-members-only': [],
  'mentor-at-capacity': ['capacity'],
  'own-mentor': [],
  'mentorship-not-accepted': ['status'],
  'mentorship-decided': ['status'],
  'mentee-gives-feedback': [],
  'feedback-given': [],
  'story-status': ['status'],
  'too-many-story-photos': ['maximum'],
  // DHIS2 did not take a push (502)
  'dhis2-unreachable': [],
  'dhis2-refused': ['status'],
  'dhis2-answer-unreadable': ['status'],
} as const satisfies Record<string, readonly string[]>;

export const FIELD_CODES = {
  // from zod's own checks
  required: [],
  invalid: [],
  invalid_type: [],
  not_integer: [],
  invalid_value: ['values'],
  unknown_field: [],
  not_multiple_of: ['divisor'],
  too_small: ['minimum'],
  too_big: ['maximum'],
  too_small_string: ['minimum'],
  too_big_string: ['maximum'],
  too_small_number: ['minimum'],
  too_small_number_exclusive: ['minimum'],
  too_big_number: ['maximum'],
  too_big_number_exclusive: ['maximum'],
  too_small_array: ['minimum'],
  too_big_array: ['maximum'],
  invalid_format: [],
  invalid_uuid: [],
  invalid_email: [],
  invalid_date: [],
  invalid_datetime: [],
  invalid_url: [],
  // formats the schemas name
  not_an_area_code: [],
  not_a_country_code: [],
  not_a_currency_code: [],
  not_a_rate: [],
  not_a_decimal: [],
  not_a_lot_code: [],
  not_a_slug: [],
  not_a_topic: [],
  not_a_nib: [],
  not_a_phone: [],
  not_an_hs_code: [],
  hs_code_needs_subheading: ['code'],
  hs_code_unknown: ['code'],
  hs_code_category_mismatch: ['chapter', 'category'],
  not_a_category_code: [],
  not_an_account_code: ['example'],
  not_an_expense_account: [],
  not_a_cash_account: [],
  not_a_month: [],
  not_a_quantity: [],
  not_a_percent: [],
  // refinements
  used_twice: [],
  listed_twice: [],
  not_batchable: [],
  not_a_locale: [],
  not_a_code_lower: [],
  not_a_code_upper: [],
  one_language_needed: [],
  levels_same_points: [],
  criterion_twice: [],
  star_level_twice: [],
  thresholds_order: [],
  required_without_template: [],
  product_or_group: [],
  not_a_choice: [],
  before_start: [],
  below_going: ['going'],
  before_joined: [],
  not_storable: [],
  span_too_long: ['days'],
  more_than_zero: [],
  debit_or_credit: [],
  margin_too_high: ['maximum'],
  markup_or_margin: [],
  date_too_early: ['minimum'],
  date_too_late: ['maximum'],
  in_future: [],
  in_past: [],
  after_today: ['today'],
  // DHIS2 exchange
  not_this_period_type: ['periodType'],
  secret_needed: [],
  // NIK (Dukcapil)
  nik_digits: [],
  not_a_national_id: [],
  certificate_number_format: ['example'],
  nik_province: [],
  nik_month: [],
  nik_day: [],
  nik_encodes_woman: [],
  nik_encodes_man: [],
  nik_birth_year_mismatch: ['encoded', 'birthYear'],
  nik_serial_zero: [],
  // certificates
  pirt_number: [],
  bpom_md_number: [],
  halal_number: [],
  fda_number: [],
  merek_number: [],
  gi_number: [],
  fda_expiry: ['due'],
  pirt_expiry_required: [],
  expiry_too_late: ['latest', 'years'],
  expires_before_issued: [],
  // references and records
  unknown_reference: [],
  rules_outdated: [],
  no_links_yet: [],
  same_as_original: [],
  not_a_program_locale: ['values'],
  title_of_thread_only: [],
  not_mentor_topic: [],
  not_allowed_here: [],
  taken: [],
  not_an_assessor: [],
  not_a_trainer: [],
  not_a_facilitator: [],
  required_for_role: ['role'],
  not_for_role: ['role'],
  not_in_country: ['country'],
  not_village_level: [],
  scheme_outdated: [],
  round_taken: ['year'],
  certificate_number_mistyped: [],
  level_not_allowed: ['levels'],
  no_panel_score: [],
  // what a market's export checklist misses (quality's export-readiness.ts)
  readiness_name_en: [],
  readiness_hs_code: [],
  readiness_hs_code_subheading: [],
  readiness_food_permit: [],
  readiness_halal: [],
  readiness_name_ja: [],
  readiness_ingredients: [],
  readiness_allergens: [],
  readiness_net_quantity: [],
  readiness_best_before: [],
  readiness_storage: [],
  readiness_origin: [],
  readiness_importer: [],
  readiness_jp_import_notification: [],
  readiness_eu_operator: [],
  readiness_eu_honey_approved_country: [],
  readiness_fda_registration: [],
  readiness_us_prior_notice: [],
  readiness_us_textile_labelling: [],
  readiness_phytosanitary: [],
  needed_to_sell: [],
  needed_for_export: [],
  member_left: [],
  member_below_min_age: ['minAge'],
  disability_derived: [],
  nib_disagrees: [],
  not_enrolled: [],
  not_a_session_day: ['from', 'to'],
  answers_count: ['count'],
  status_transition: ['from'],
  allocations_on_confirm: [],
  bad_cursor: [],
  version_mismatch: [],
  version_required: [],
  // money, stock and books
  money_decimals: ['currency', 'decimals'],
  wrong_currency: ['currency'],
  locale_not_declared: ['locales'],
  rate_required: ['currency', 'groupCurrency'],
  rate_not_allowed: ['currency'],
  below_minimum_order: ['minimum'],
  positive_amount: ['currency'],
  period_closed: ['closedThrough'],
  period_not_ended: [],
  not_under_final_tax: [],
  no_final_tax_due: [],
  cooperative_only: [],
  phone_of_other_account: [],
  email_or_phone: [],
  before_production: [],
  cost_derived: [],
  batch_not_yours: [],
  stock_short: ['available'],
  produced_later: [],
  batch_expired: ['date'],
  allocations_sum: ['wanted'],
  account_line: ['lines'],
  overdraft_cash_only: [],
  from_after_to: [],
  over_balance: ['amount', 'held'],
  unbalanced_lines: [],
  unknown_account: [],
  residual_too_high: [],
  after_this_month: ['month'],
  before_acquired: ['date'],
  cost_from_batches: [],
  production_as_batch: [],
  // accounts and passwords
  wrong_password: [],
  password_too_short: ['minimum'],
  password_too_long: ['maximum'],
  password_personal: [],
  password_guessable: [],
  password_keyboard: [],
  password_repeats: [],
  password_sequence: [],
  password_dates: [],
  password_common: [],
  password_words: [],
  // files and area imports
  file_type_document: [],
  file_type_photo: ['got'],
  too_many_photos: ['maximum'],
  file_empty: [],
  file_too_large: ['maxMegabytes'],
  file_missing: [],
  not_multipart: [],
  photo_pixels: ['width', 'height', 'maxMegapixels'],
  area_code_invalid: ['code'],
  duplicate_line: ['line'],
  area_other_country: ['code', 'country'],
  unknown_parent: ['code'],
  area_cycle: ['code'],
  csv_invalid: [],
  csv_header: [],
  csv_columns: ['count'],
  not_a_period: [],
  not_an_indicator: [],
  not_an_area_level: [],
  outline_file_invalid: [],
  outline_no_code: ['property'],
  outline_geometry: [],
  outline_unknown_area: ['code', 'level'],
  outline_covers_outlined: ['code'],
} as const satisfies Record<string, readonly string[]>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
export type FieldCode = keyof typeof FIELD_CODES;
export type ErrorCode = ProblemCode | FieldCode;
export type ErrorParams = Record<string, string | number>;
/** A catalogue: one sentence per code, `{name}` for a parameter. */
export type ErrorTexts = Record<`error.${ErrorCode}`, string>;

/** Fills `{name}` with the parameter's value; a missing one stays visible as `{name}`. */
export function fillParams(text: string, params: ErrorParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}

/**
 * Format checks (`.regex(pattern, message)`) cannot carry a code in zod, so a schema names its
 * message through `coded(code, message)` and the code is found again from the issue's message.
 */
const codeOfMessage = new Map<string, FieldCode>();
export function coded(code: FieldCode, message: string): string {
  codeOfMessage.set(message, code);
  return message;
}

/** What of a zod issue decides its code (structural, so the web needs no zod at runtime for it). */
export interface IssueLike {
  code: string;
  message: string;
  origin?: string;
  format?: string;
  expected?: string;
  input?: unknown;
  minimum?: number | bigint | Date;
  maximum?: number | bigint | Date;
  inclusive?: boolean;
  values?: readonly unknown[];
  divisor?: number | bigint;
  params?: Record<string, unknown>;
}

const FORMATS: Partial<Record<string, FieldCode>> = {
  uuid: 'invalid_uuid',
  email: 'invalid_email',
  date: 'invalid_date',
  datetime: 'invalid_datetime',
  url: 'invalid_url',
};
const SIZED = new Set(['string', 'number', 'array']);

const value = (v: number | bigint | Date | undefined): string | number =>
  typeof v === 'bigint' ? v.toString() : v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? 0);

/** zod's issue → a stable code and the parameters its sentence uses. */
export function issueCode(issue: IssueLike): { code: FieldCode; params: ErrorParams } {
  const named = codeOfMessage.get(issue.message);
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = value(small ? issue.minimum : issue.maximum);
      if (small && issue.origin === 'string' && bound === 1) return { code: 'required', params: {} };
      const origin = SIZED.has(issue.origin ?? '') ? `_${issue.origin}` : '';
      const exclusive = issue.origin === 'number' && issue.inclusive === false ? '_exclusive' : '';
      const code = `${issue.code}${origin}${exclusive}` as FieldCode;
      return { code, params: small ? { minimum: bound } : { maximum: bound } };
    }
    case 'invalid_format':
      return { code: named ?? FORMATS[issue.format ?? ''] ?? 'invalid_format', params: {} };
    case 'invalid_type': {
      // zod leaves the input out of its issues unless asked; its own sentence then says what came.
      const absent = 'input' in issue ? issue.input === undefined : /received undefined$/.test(issue.message);
      if (absent) return { code: 'required', params: {} };
      return { code: issue.expected === 'int' ? 'not_integer' : 'invalid_type', params: {} };
    }
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: (issue.values ?? []).map(String).join(', ') } };
    case 'unrecognized_keys':
      return { code: 'unknown_field', params: {} };
    case 'not_multiple_of':
      return { code: 'not_multiple_of', params: { divisor: value(issue.divisor) } };
    case 'custom': {
      const { code, ...params } = issue.params ?? {};
      const known = typeof code === 'string' && code in FIELD_CODES ? (code as FieldCode) : (named ?? 'invalid');
      return { code: known, params: params as ErrorParams };
    }
    default:
      return { code: named ?? 'invalid', params: {} };
  }
}

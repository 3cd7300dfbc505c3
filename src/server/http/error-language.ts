import { errorsEn } from '../../shared/messages/errors.en.js';
import { errorsId } from '../../shared/messages/errors.id.js';
import { errorsJa } from '../../shared/messages/errors.ja.js';
import { errorsTh } from '../../shared/messages/errors.th.js';
import { errorsVi } from '../../shared/messages/errors.vi.js';
import { fillParams, type ErrorCode, type ErrorParams, type ErrorTexts } from '../../shared/problem-codes.js';

type ErrorLanguage = 'id' | 'en' | 'ja' | 'th' | 'vi';

const CATALOGUES: Record<ErrorLanguage, ErrorTexts> = {
  id: errorsId,
  en: errorsEn,
  ja: errorsJa,
  th: errorsTh,
  vi: errorsVi,
};

/**
 * The language of a problem's `detail` and field messages, from `Accept-Language` (its q-values
 * honoured). An API client that sends no header, or asks for none of ours, keeps English: the
 * server's own sentences, as precise as before. The web app sends its interface language.
 */
export function errorLanguage(header: string | undefined): ErrorLanguage {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  const found = ranked.find((x): x is { language: ErrorLanguage; q: number } => x.language! in CATALOGUES);
  return found?.language ?? 'en';
}

/** The catalogue's sentence for a code in a language; English keeps the server's own text. */
export function errorText(language: ErrorLanguage, code: ErrorCode, params: ErrorParams, own: string): string {
  if (language === 'en') return own;
  const text = CATALOGUES[language][`error.${code}`];
  return text === undefined ? own : fillParams(text, params);
}

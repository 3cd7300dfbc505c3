import type { HsCodePage } from '../../../../shared/schemas/registry';
import { api, withQuery } from '../../../lib/http';

/** HS 2022 subheadings by code prefix or English words (the descriptions are English only). */
export const searchHsCodes = (q: string, locale: string, signal?: AbortSignal) =>
  api<HsCodePage>(withQuery('/api/v1/hs-codes', { q, locale, limit: '8' }), { signal });

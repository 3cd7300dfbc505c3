import { api } from '../../../lib/http';

export interface ReadinessCheck {
  code: string;
  ok: boolean | null;
  manual?: true;
  reason: string;
}
export interface ExportReadiness {
  productId: string;
  on: string;
  status: string;
  readyAnywhere: boolean;
  markets: { market: 'JP' | 'EU' | 'US'; ready: boolean; checks: ReadinessCheck[] }[];
}

export const getExportReadiness = (productId: string, signal?: AbortSignal) =>
  api<ExportReadiness>(`/api/v1/products/${productId}/export-readiness`, { signal });

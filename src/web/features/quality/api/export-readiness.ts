import type { ExportReadinessAnswer } from '../../../../shared/schemas/quality';
import { api } from '../../../lib/http';

export type ReadinessCheck = ExportReadinessAnswer['markets'][number]['checks'][number];

export const getExportReadiness = (productId: string, signal?: AbortSignal) =>
  api<ExportReadinessAnswer>(`/api/v1/products/${productId}/export-readiness`, { signal });

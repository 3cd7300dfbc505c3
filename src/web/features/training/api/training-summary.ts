import type { TrainingSummaryAnswer } from '../../../../shared/schemas/training';
import { api } from '../../../lib/http';

export const getTrainingSummary = (programId: string, signal?: AbortSignal) =>
  api<TrainingSummaryAnswer>(`/api/v1/programs/${programId}/training-summary`, { signal });

import { api } from '../../../lib/http';

export interface TrainingSummary {
  programId: string;
  byTopic: { topic: string; female: number; male: number; total: number }[];
  people: { female: number; male: number; total: number };
}

export const getTrainingSummary = (programId: string, signal?: AbortSignal) =>
  api<TrainingSummary>(`/api/v1/programs/${programId}/training-summary`, { signal });

import type { GroupTrainingAnswer } from '../../../../shared/schemas/training';
import { api } from '../../../lib/http';

export const getGroupTraining = (groupId: string, signal?: AbortSignal) =>
  api<GroupTrainingAnswer>(`/api/v1/groups/${groupId}/training`, { signal });

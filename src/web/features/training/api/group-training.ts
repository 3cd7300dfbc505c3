import { api } from '../../../lib/http';
import type { Localized } from './training.types';

export interface GroupTraining {
  groupId: string;
  items: {
    memberId: string;
    name: string;
    completed: { certificateId: string; course: { title: Localized; topic: string }; endsOn: string }[];
  }[];
}

export const getGroupTraining = (groupId: string, signal?: AbortSignal) =>
  api<GroupTraining>(`/api/v1/groups/${groupId}/training`, { signal });

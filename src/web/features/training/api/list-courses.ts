import { api, withQuery, type Page } from '../../../lib/http';
import type { Course } from './training.types';

export const listCourses = (programId: string, signal?: AbortSignal) =>
  api<Page<Course>>(withQuery('/api/v1/courses', { programId, limit: 200 }), { signal });

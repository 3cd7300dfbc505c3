import type { z } from 'zod';
import type { createCourseBody } from '../../../../shared/schemas/training';
import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import type { Course } from './training.types';

export const listCourses = (programId: string, signal?: AbortSignal) =>
  api<Page<Course>>(withQuery('/api/v1/courses', { programId, limit: 200 }), { signal });

export const createCourse = (body: z.input<typeof createCourseBody>) =>
  api<Course>('/api/v1/courses', { method: 'POST', body, quiet: formQuiet });

import type { z } from 'zod';
import type { CourseAnswer, CoursePageAnswer, createCourseBody } from '../../../../shared/schemas/training';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

export const listCourses = (programId: string, signal?: AbortSignal) =>
  api<CoursePageAnswer>(withQuery('/api/v1/courses', { programId, limit: 200 }), { signal });

export const createCourse = (body: z.input<typeof createCourseBody>) =>
  api<CourseAnswer>('/api/v1/courses', { method: 'POST', body, quiet: formQuiet });

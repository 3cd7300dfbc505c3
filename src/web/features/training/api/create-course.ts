import type { z } from 'zod';
import type { createCourseBody } from '../../../../shared/schemas/training';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type { Course } from './training.types';

export const createCourse = (body: z.input<typeof createCourseBody>) =>
  api<Course>('/api/v1/courses', { method: 'POST', body, quiet: formQuiet });

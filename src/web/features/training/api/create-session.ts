import type { z } from 'zod';
import type { createSessionBody } from '../../../../shared/schemas/training';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type { TrainingSession } from './training.types';

export const createSession = (body: z.input<typeof createSessionBody>) =>
  api<TrainingSession>('/api/v1/sessions', { method: 'POST', body, quiet: formQuiet });

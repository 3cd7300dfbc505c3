import type { z } from 'zod';
import type { hppBody, HppAnswer } from '../../../../shared/schemas/business';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

export type HppRequest = z.input<typeof hppBody>;

/** A pure calculation on the server (exact money arithmetic): nothing is stored. */
export const computeHpp = (body: HppRequest) =>
  api<HppAnswer>('/api/v1/hpp', { method: 'POST', body, quiet: formQuiet });

import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type { HppRequest, HppResult } from './books.types';

/** A pure calculation on the server (exact money arithmetic): nothing is stored. */
export const computeHpp = (body: HppRequest) =>
  api<HppResult>('/api/v1/hpp', { method: 'POST', body, quiet: formQuiet });

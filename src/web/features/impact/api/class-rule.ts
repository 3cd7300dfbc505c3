import type { ClassRuleAnswer, ClassRuleBody } from '../../../../shared/schemas/impact';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

const url = (programId: string) => `/api/v1/programs/${encodeURIComponent(programId)}/naik-kelas-rule`;

/** The program's naik kelas rule: which conditions count and the sales growth percentage. */
export const getClassRule = (programId: string, signal?: AbortSignal) =>
  api<ClassRuleAnswer>(url(programId), { signal });

export const putClassRule = (programId: string, body: ClassRuleBody) =>
  api<ClassRuleAnswer>(url(programId), { method: 'PUT', body, quiet: formQuiet });

import type { z } from 'zod';
import type { InvitationAnswer, invitePersonBody } from '../../../../shared/schemas/programs';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

export const invitePerson = (programId: string, body: z.input<typeof invitePersonBody>) =>
  api<InvitationAnswer>(`/api/v1/programs/${programId}/invitations`, { method: 'POST', body, quiet: formQuiet });

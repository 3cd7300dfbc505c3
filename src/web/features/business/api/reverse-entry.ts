import type { z } from 'zod';
import type { reverseEntryBody } from '../../../../shared/schemas/business';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type { JournalEntry } from './books.types';

export const reverseEntry = (groupId: string, entryId: string, body: z.input<typeof reverseEntryBody>) =>
  api<JournalEntry>(`/api/v1/groups/${groupId}/journal/${entryId}/reverse`, {
    method: 'POST',
    body,
    quiet: formQuiet,
  });

import { withQuery } from '../../../lib/http';

/** The three SAK EMKM statements as one PDF or workbook: a plain link the browser downloads. */
export const statementsUrl = (
  groupId: string,
  query: { format: 'pdf' | 'xlsx'; from: string; to: string; locale: string },
) => withQuery(`/api/v1/groups/${groupId}/reports/statements`, query);

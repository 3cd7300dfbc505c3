import { describe, expect, it } from 'vitest';
import { simpleTransactionBody } from '../../../../shared/schemas/business';
import { KIND_GROUPS } from './transaction-kinds';

describe('the one-tap transaction kinds', () => {
  it('ask only for fields the server takes for that kind, which refuses any other', () => {
    for (const spec of KIND_GROUPS.flatMap((group) => group.kinds)) {
      const option = simpleTransactionBody.options.find((o) => o.shape.kind.value === spec.kind);
      expect(option, spec.kind).toBeDefined();
      for (const field of spec.fields) expect(Object.keys(option!.shape), `${spec.kind}: ${field}`).toContain(field);
    }
  });
});

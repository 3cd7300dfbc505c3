import { api, withQuery } from '../../../lib/http';

// The public provenance answer (src/server/modules/business/batches.schemas.ts `provenance`).
// Written out here because public pages load no zod.
export interface Provenance {
  batch: { id: string; lotCode: string; producedOn: string; expiresOn: string | null; quantity: string; unit: string };
  product: {
    id: string;
    name: string;
    description: string | null;
    story: string | null;
    category: string;
    public: boolean;
  };
  village: { code: string; name: string; region: string[]; potentials: string[] };
  group: { name: string; kind: string; foundedOn: string | null };
  certifications: { kind: string; number: string; issuer: string; validUntil: string | null }[];
  inputs: {
    lotCode: string;
    quantity: string;
    unit: string;
    producedOn: string;
    product: string;
    village: string;
    group: string;
  }[];
}

export const getProvenance = (id: string, locale: string, signal?: AbortSignal) =>
  api<Provenance>(withQuery(`/api/v1/provenance/batches/${encodeURIComponent(id)}`, { locale }), {
    signal,
    quiet: (error) => error.status === 404 || error.status === 400,
  });

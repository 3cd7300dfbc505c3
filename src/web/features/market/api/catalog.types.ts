import type { Money } from '../../../lib/http';

// The public catalog's answers, as src/server/modules/market/market.schemas.ts describes them.
// Written out here because public pages load no zod (their JavaScript budget).

export interface CatalogPhoto {
  url: string;
  thumbnailUrl: string;
}

export interface CatalogItem {
  id: string;
  name: string;
  description: string | null;
  category: string;
  unit: string;
  price: Money;
  status: 'ready' | 'export_ready';
  exportReady: boolean;
  stars: number | null;
  photo: CatalogPhoto | null;
  village: { code: string; name: string };
  region: string[];
  group: { id: string; name: string; kind: string };
}

interface AreaRef {
  code: string;
  name: string;
  level: string;
}

export interface CatalogProduct extends Omit<CatalogItem, 'village' | 'group'> {
  languages: string[];
  story: string | null;
  photos: (CatalogPhoto & { width: number; height: number })[];
  village: AreaRef & { ancestors: AreaRef[] };
  group: CatalogItem['group'] & { foundedOn: string | null };
  certifications: { kind: string; number: string; issuer: string; validUntil: string | null }[];
  capacityPerMonth: number | null;
  hsCode: string | null;
}

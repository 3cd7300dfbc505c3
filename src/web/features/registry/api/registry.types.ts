import type { z } from 'zod';
import type {
  createGroupBody,
  createMemberBody,
  createProductBody,
  createVillageBody,
  GROUP_KINDS,
  MEMBER_ROLES,
  PRODUCT_STATUSES,
} from '../../../../shared/schemas/registry';
import type { Money } from '../../../lib/http';

// The registry's answers (src/server/modules/registry/*.service.ts presenters).

export type GroupKind = (typeof GROUP_KINDS)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export type Localized = Record<string, string>;

export interface Village {
  id: string;
  programId: string;
  areaCode: string;
  area: { code: string; name: string; level: string };
  profile: { population: number | null; households: number | null; potentials: string[]; notes: string | null };
  facilitatorId: string | null;
  version: number;
}

export interface Group {
  id: string;
  programId: string;
  villageId: string;
  village: { areaCode: string; name: string };
  name: string;
  kind: GroupKind;
  foundedOn: string | null;
  legalIds: { nib?: string };
  contact: { phone?: string; email?: string; address?: string };
  version: number;
}

export interface Member {
  id: string;
  groupId: string;
  name: string;
  sex: 'female' | 'male';
  birthYear: number;
  disability: boolean;
  role: MemberRole;
  joinedOn: string;
  leftOn: string | null;
  nationalId: string | null;
  phone: string | null;
  personalData: 'clear' | 'masked';
  version: number;
}

export interface Photo {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
}

export interface Product {
  id: string;
  programId: string;
  groupId: string;
  name: Localized;
  description: Localized;
  story: Localized;
  category: string;
  unit: string;
  price: Money;
  capacityPerMonth: number | null;
  hsCode: string | null;
  status: ProductStatus;
  stars: number | null;
  photos: Photo[];
  version: number;
}

export type CreateVillage = z.input<typeof createVillageBody>;
export type CreateGroup = z.input<typeof createGroupBody>;
export type CreateMember = z.input<typeof createMemberBody>;
export type CreateProduct = z.input<typeof createProductBody>;

/** The registry module's public face: villages, producer groups, members, products. */
import type { Queryable } from '../../db/database.js';
import { groupsRepository } from './groups.repository.js';
import { productsRepository } from './products.repository.js';
export { registryRoutes } from './registry.routes.js';
export { enrolVillage } from './villages.service.js';
export { registerGroup } from './groups.service.js';
export { addMember } from './members.service.js';
export {
  createProduct,
  patchProduct,
  presentPhoto,
  productTarget,
  readProduct,
  searchText,
} from './products.service.js';
export { groupTarget, readGroup } from './groups.service.js';
export { groupsRepository, type GroupRow } from './groups.repository.js';
export {
  setExportReadinessCheck,
  type ExportReadinessCheck,
  type ExportReadinessQuestion,
} from './export-readiness.hook.js';
export { addPhoto } from './photos.service.js';
export { productsRepository, type ProductRow, type PhotoRow } from './products.repository.js';
export { demoteToReady, exportReadyProductIds, setProductBadge } from './product-standing.js';

/** A producer group by id as the registry stores it (its program and area path place it in scope). */
export const groupById = (db: Queryable, id: string) => groupsRepository.byId(db, id);
/** A product by id as the registry stores it. */
export const productById = (db: Queryable, id: string) => productsRepository.byId(db, id);
/** The photos of some products, in their order. */
export const productPhotos = (db: Queryable, productIds: string[]) => productsRepository.photos(db, productIds);

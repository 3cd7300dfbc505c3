/** The registry module's public face: villages, producer groups, members, products. */
import type { Queryable } from '../../db/database.js';
import { groupsRepository as groups } from './groups.repository.js';
import { membersRepository as members } from './members.repository.js';
import { productsRepository as products } from './products.repository.js';
export { registryRoutes } from './registry.routes.js';
export { enrolVillage } from './villages.service.js';
export { registerGroup } from './groups.service.js';
export { groupTarget, ofGroupTarget as productTarget } from './registry.policy.js';
export { addMember } from './members.service.js';
export { addPhoto } from './photos.service.js';
export { createProduct, presentPhoto, productReadinessQuestion, readProduct, searchText } from './products.service.js';
export type { ExportReadinessCheck, ExportReadinessQuestion, RegistryDeps } from './registry.deps.js';
export type { GroupRow } from './groups.repository.js';
export { demoteToReady, exportReadyProductIds, setProductBadge } from './product-standing.js';

/** A producer group by id as the registry stores it (its program and area path place it in scope). */
export const groupById = (db: Queryable, id: string) => groups.byId(db, id);
/** A product by id as the registry stores it. */
export const productById = (db: Queryable, id: string) => products.byId(db, id);
/** The photos of some products, in their order. */
export const productPhotos = (db: Queryable, productIds: string[]) => products.photos(db, productIds);
/**
 * The office (chair, secretary, treasurer or plain member) that the member of a group linked to an
 * account holds on `today`, or null when the account is not linked to a current member of it.
 */
export const officeOf = (db: Queryable, groupId: string, userId: string, today: string) =>
  members.officeOf(db, groupId, userId, today);

/** What waits in the registry for the caller, for the home screen. */
export { registryTasks } from './tasks.service.js';

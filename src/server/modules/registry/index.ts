/** The registry module's public face: villages, producer groups, members, products. */
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

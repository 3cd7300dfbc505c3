/** The geography module's public face. */
export { geographyRoutes } from './geography.routes.js';
export { areaPath, areasOfCountry, getArea, importAreas, setAreaNames } from './geography.service.js';
export { parseAreasCsv, readIndonesiaAreas } from './area-import.js';
export type { AreaInput } from './geography.schemas.js';
export { importBoundaries, importIndonesiaOutlines, type BoundaryImportResult } from './boundaries.service.js';
export { parseOutlineFile } from './boundary-import.js';

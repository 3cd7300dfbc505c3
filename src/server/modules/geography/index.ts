/** The geography module's public face. */
export { geographyRoutes } from './geography.routes.js';
export { areaPath, getArea, importAreas, type ImportResult } from './geography.service.js';
export { parseAreasCsv, readIndonesiaAreas } from './area-import.js';
export { areaCode, countryCode } from './geography.schemas.js';

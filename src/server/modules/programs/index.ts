/** The programs module's public face. */
import type { Queryable } from '../../db/database.js';
import { programsRepository } from './programs.repository.js';
export { programsRoutes } from './programs.routes.js';
export { createProgram, getProgram, grantRole } from './programs.service.js';
export { programsRepository } from './programs.repository.js';

/** A program by id. */
export const programById = (db: Queryable, id: string) => programsRepository.byId(db, id);
/** A program by its code (the demo seed finds its program so). */
export const programByCode = (db: Queryable, code: string) => programsRepository.byCode(db, code);

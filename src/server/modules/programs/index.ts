/** The programs module's public face. */
import type { Queryable } from '../../db/database.js';
import { programsRepository as repository, type ProgramRow } from './programs.repository.js';
export { programsRoutes } from './programs.routes.js';
export { createProgram, grantRole } from './programs.service.js';

/**
 * The whole repository, for modules still switching to the named functions below.
 * @deprecated use `programById` and `programByCode`.
 */
export const programsRepository = repository;

/** A program by id. */
export const programById = (db: Queryable, id: string): Promise<ProgramRow | undefined> => repository.byId(db, id);
/** A program by its code (the demo seed finds its program so). */
export const programByCode = (db: Queryable, code: string): Promise<ProgramRow | undefined> =>
  repository.byCode(db, code);

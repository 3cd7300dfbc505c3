/** The programs module's public face. */
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { can, programTarget } from '../platform/index.js';
import { programPolicy } from './programs.policy.js';
import { programsRepository as repository, type ProgramRow } from './programs.repository.js';
export { programsRoutes } from './programs.routes.js';
export { createProgram, grantRole } from './programs.service.js';
export { mayInviteIntoGroup } from './programs.policy.js';

/** Whether the actor works in the program at all (any role, however narrowed): who may name it in a request. */
export const worksInProgram = (actor: Actor, programId: string): boolean =>
  can(actor, programPolicy, 'read', programTarget(programId));

/** A program by id. */
export const programById = (db: Queryable, id: string): Promise<ProgramRow | undefined> => repository.byId(db, id);
/** A program by its code (the demo seed finds its program so). */
export const programByCode = (db: Queryable, code: string): Promise<ProgramRow | undefined> =>
  repository.byCode(db, code);
/** The group offices (chair, treasurer …) whose holders keep their group's books in a program. */
export const bookkeepingOfficesOf = (db: Queryable, programId: string): Promise<string[]> =>
  repository.bookkeepingOffices(db, programId);

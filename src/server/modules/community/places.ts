import type { Queryable } from '../../db/database.js';
import type { FieldError } from '../../http/errors.js';
import { areaPath } from '../geography/index.js';
import { spacesRepository } from './spaces.repository.js';

/**
 * Where an announcement or an event is placed, as the area path its managers' reach is checked
 * against: an area by its code, or a space of the program (its area). A code or space that is not
 * there adds an error naming its field, so a caller reports every bad field at once.
 */
export async function areaPlace(db: Queryable, code: string, errors: FieldError[]): Promise<string | undefined> {
  const path = await areaPath(db, code);
  if (path === undefined) errors.push({ path: 'areaCode', code: 'unknown_reference', message: 'no such area' });
  return path;
}

export async function spacePlace(
  db: Queryable,
  programId: string,
  spaceId: string,
  errors: FieldError[],
): Promise<string | undefined> {
  const space = await spacesRepository.byId(db, spaceId);
  if (space && space.program_id === programId) return space.area_path;
  errors.push({ path: 'spaceId', code: 'unknown_reference', message: 'no such space' });
  return undefined;
}

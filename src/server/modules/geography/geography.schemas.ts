export * from '../../../shared/schemas/geography.js';

/** One row of an areas CSV: `code,parent_code,level,name`. */
export interface AreaInput {
  line: number;
  code: string;
  parentCode: string | null;
  level: string;
  name: string;
}

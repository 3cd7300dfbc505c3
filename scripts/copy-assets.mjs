// Copies what tsc does not: the SQL migrations, beside the compiled migration runner, and the
// area outlines shipped with the geography module.
import { cpSync } from 'node:fs';

cpSync('src/server/db/migrations', 'dist/server/db/migrations', { recursive: true });
cpSync('src/server/modules/geography/boundaries', 'dist/server/modules/geography/boundaries', { recursive: true });

// Copies what tsc does not: the SQL migrations, beside the compiled migration runner, and the
// area outlines shipped with the geography module, and the HS 2022 nomenclature the registry reads.
import { cpSync } from 'node:fs';

cpSync('src/server/db/migrations', 'dist/server/db/migrations', { recursive: true });
cpSync('src/server/modules/registry/hs', 'dist/server/modules/registry/hs', { recursive: true });
cpSync('src/server/modules/geography/boundaries', 'dist/server/modules/geography/boundaries', { recursive: true });

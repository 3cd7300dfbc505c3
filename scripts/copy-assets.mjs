// Copies what tsc does not: the SQL migrations, beside the compiled migration runner.
import { cpSync } from 'node:fs';

cpSync('src/server/db/migrations', 'dist/server/db/migrations', { recursive: true });

import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The folders directly under `dir` (relative to this file): the server modules, the web features. */
function foldersIn(dir) {
  return readdirSync(new URL(dir, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const serverModules = foldersIn('./src/server/modules/');
const webFeatures = foldersIn('./src/web/features/');

/*
 * Boundaries (docs/architecture.md, STYLE.md "Vertical slices"), as import-x/no-restricted-paths
 * zones. The zones are globs that match the layout at any depth under this folder, so they hold for
 * the code and for the same layout in the fixtures of test/architecture/lint-boundaries.test.ts.
 */
const root = import.meta.dirname;
const fixtures = 'test/architecture/fixtures-*/';
const anywhere = (path) => `**/${path}`;
const boundaryZones = [
  // A server module reaches another module only through that module's index.ts.
  ...serverModules.map((module) => ({
    target: anywhere(`src/server/modules/!(${module})/**`),
    from: anywhere(`src/server/modules/${module}/**`),
    except: [anywhere(`src/server/modules/${module}/index.ts`)],
    message: `Import another module only through its index.ts ('../${module}/index.js').`,
  })),
  // A web feature, and the app shell, reach a feature only through its index.ts.
  ...webFeatures.map((feature) => ({
    target: [anywhere(`src/web/features/!(${feature})/**`), anywhere('src/web/app/**')],
    from: anywhere(`src/web/features/${feature}/**`),
    except: [anywhere(`src/web/features/${feature}/index.ts`)],
    message: `Import another feature only through its index.ts; compose features in src/web/app.`,
  })),
  {
    target: [anywhere('src/web/components/**'), anywhere('src/web/lib/**')],
    from: anywhere('src/web/features/**'),
    message: 'Shared web code (components, lib) imports no feature.',
  },
  {
    target: anywhere('src/shared/**'),
    from: [anywhere('src/server/**'), anywhere('src/web/**')],
    message: 'src/shared is used by the server and the web; it imports from neither.',
  },
  {
    target: anywhere('src/web/**'),
    from: anywhere('src/server/**'),
    message: 'The web app imports nothing from the server (types included): use src/shared.',
  },
];

export default tseslint.config(
  // The fixtures break the boundaries on purpose; lint-boundaries.test.ts lints them on its own.
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'test-results/', fixtures] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', `${fixtures}**/*.{ts,tsx}`],
    plugins: { 'import-x': importX },
    settings: {
      // import-x/no-cycle reads the imported files too: it must know that .ts/.tsx are code.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones }],
      // Cycles between files; a cycle of modules through their index files is one too.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'bin/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);

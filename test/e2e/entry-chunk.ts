import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * What a visitor's browser loads to start the app on a public page, from the build's manifest
 * (`web`: dist/web): the entry chunk and everything it imports statically, gzip -9; and a language's
 * message chunks, loaded with it (Japanese) or only by the staff app (Indonesian).
 */
export function entryJavaScript(web: string): { files: string[]; gzip: number; localeGzip: number; staffGzip: number } {
  const gzipBytes = (file: string) => gzipSync(readFileSync(join(web, file)), { level: 9 }).length;
  const manifest = JSON.parse(readFileSync(join(web, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]!.imports ?? []) walk(next);
  };
  walk(entryKey);
  const files = [...seen].map((k) => manifest[k]!.file);
  const chunk = (key: string) => (manifest[key] ? gzipBytes(manifest[key].file) : 0);
  return {
    files,
    gzip: files.reduce((sum, f) => sum + gzipBytes(f), 0),
    localeGzip: chunk('i18n/public/ja.json'),
    staffGzip: chunk('i18n/staff/id.json'),
  };
}

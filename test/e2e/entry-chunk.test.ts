import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryJavaScript } from './entry-chunk.js';
import { ROOT } from './server.js';

/*
 * Issue 18's goal for the public pages: at most 60 KB gzip of JavaScript before the app starts. It
 * grew to 95 KB unnoticed once (the community's index brought the outbox and its schemas into the
 * entry through one re-export), so the build the journeys run on is held to it here.
 */
describe('the JavaScript a public page loads to start the app', () => {
  it('is at most 60 KB gzip: the entry chunk and its static imports', () => {
    const js = entryJavaScript(join(ROOT, 'dist/web'));
    expect(js.files.length).toBeGreaterThan(0);
    expect(js.gzip, `${js.files.length} files: ${js.files.join(' ')}`).toBeLessThanOrEqual(60 * 1024);
    // Nothing of the staff screens' or the offline outbox's code: they come with their own chunks.
    expect(js.files.filter((file) => /outbox|schemas|StaffApp/.test(file))).toEqual([]);
  });
});

/**
 * An area's materialised path: the codes from the root down to it, '/'-separated and
 * '/'-terminated (Karangasem is `/51/51.07/`). Decision 005.
 */

/** The codes of a path, root first: `/51/51.07/` → ['51', '51.07']. */
export function pathCodes(path: string | null | undefined): string[] {
  return (path ?? '').split('/').filter((code) => code !== '');
}

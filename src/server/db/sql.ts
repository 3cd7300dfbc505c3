/** A LIKE pattern matching every string that starts with `prefix` (wildcards in it escaped). */
export function likePrefix(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}

/** A LIKE pattern matching every string that contains `text`. */
export function likeContaining(text: string): string {
  return `%${escapeLike(text)}%`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

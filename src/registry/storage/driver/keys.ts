/**
 * Keys of a {@link StorageDriver}: relative, `/`-separated, no empty, `.` or `..` segment, no
 * backslash or NUL. Every driver checks a key with {@link checkKey} before it becomes a path or an
 * object name, whatever the layout checked before.
 */

/** Joins key segments with `/`. */
export function joinKey(...segments: readonly string[]): string {
  return segments.filter((segment) => segment !== '').join('/');
}

/** Returns `key` when it is a safe key; throws otherwise. The empty key is the store's root. */
export function checkKey(key: string): string {
  if (key === '') return key;
  if (key.startsWith('/') || key.includes('\\') || key.includes('\0')) throw unsafe(key);
  for (const segment of key.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') throw unsafe(key);
  }
  return key;
}

function unsafe(key: string): Error {
  return new Error(`unsafe storage key ${JSON.stringify(key)}`);
}

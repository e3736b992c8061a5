/**
 * 32-bit FNV-1a over the UTF-16 code units of `value`, as 8 lowercase hex digits. Pure JS, stable
 * across platforms and releases: tags built from it must not change between versions. Not a
 * cryptographic hash; it only keeps truncated names apart.
 */
export function fnv1a32(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

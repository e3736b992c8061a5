const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'];

/**
 * A byte count for people: `512 B`, `1.5 KiB`, `12.3 MiB`, `2 GiB` (binary units, one decimal
 * below 100, none from 100 up, a trailing `.0` dropped). Negative or non-finite input is `unknown size`.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown size';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  // 1023.97 KiB would print as "1024 KiB": move up a unit once rounding reaches 1024.
  while (Math.round(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value >= 100 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  return `${text} ${UNITS[unit]}`;
}

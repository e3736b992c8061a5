/** Numbers and dates as the pages show them. */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** `1.4 MiB`; bytes below 1 KiB as `512 B`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

/** `12,345`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `2026-12-04 17:29 UTC`, or `—` for an unknown date. */
export function formatDate(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `-rwxr-xr-x` style permission text for a mode and an entry type letter. */
export function formatMode(mode: number, type: string): string {
  const letter = { directory: 'd', symlink: 'l', char: 'c', block: 'b', fifo: 'p' }[type] ?? '-';
  let text = letter;
  for (const shift of [6, 3, 0]) {
    const bits = (mode >> shift) & 7;
    text += (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (bits & 1 ? 'x' : '-');
  }
  return text;
}

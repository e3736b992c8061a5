import type { ArchiveFormat, ImageRef } from './types.js';

/** The URL path (with query) of an image's Download, for links and the pages' button. */
export function downloadPath(registry: string, image: string, ref: ImageRef, format: ArchiveFormat): string {
  const query = new URLSearchParams();
  if (ref.digest !== undefined) query.set('digest', ref.digest);
  else if (ref.tag !== undefined) query.set('tag', ref.tag);
  query.set('format', format);
  // `-` stands for the open-mode group of one-component names (`''`).
  const path = [
    ...(registry === '' ? ['-'] : registry.split('/')),
    'packages',
    ...image.split('/'),
    'download',
  ]
    .map(encodeURIComponent)
    .join('/');
  return `/api/v1/registries/${path}?${query.toString()}`;
}

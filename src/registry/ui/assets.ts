import { createHash } from 'node:crypto';
import { ICON_BASE64 } from './assets/icon.js';
import { SCRIPT } from './assets/script.js';
import { STYLE } from './assets/style.js';

/** A static file of the pages, named after its content so browsers may cache it for good. */
export interface Asset {
  readonly file: string;
  readonly body: Buffer;
  readonly contentType: string;
}

function asset(stem: string, extension: string, content: string | Buffer, contentType: string): Asset {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { file: `${stem}-${hash}.${extension}`, body, contentType };
}

/** The stylesheet, the script and the icon, bundled into the registry: the pages need no network. */
export const ASSETS = {
  style: asset('style', 'css', STYLE, 'text/css; charset=utf-8'),
  script: asset('app', 'js', SCRIPT, 'text/javascript; charset=utf-8'),
  icon: asset('icon', 'ico', Buffer.from(ICON_BASE64, 'base64'), 'image/x-icon'),
} as const;

/** The asset named `file`, or undefined. */
export function findAsset(file: string): Asset | undefined {
  return Object.values(ASSETS).find((a) => a.file === file);
}

/** Where a page links an asset. */
export function assetPath(a: Asset): string {
  return `/ui/-/assets/${a.file}`;
}

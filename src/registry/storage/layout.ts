import type { DigestAlgorithm } from '../../reference/digest.js';
import { isSafeRepository, isSafeTag, isSafeUploadId, parseStoreDigest } from '../names.js';
import { joinKey as join } from './driver/keys.js';

/**
 * The keys of everything in a store (paths under the root directory of the file-system driver,
 * object names under the prefix of the S3 driver):
 *
 * ```
 * blobs/<alg>/<hh>/<hex>                                  content, addressed by digest
 * repositories/<name>/_layers/<alg>/<hex>                 a blob readable in <name> (empty file)
 * repositories/<name>/_manifests/revisions/<alg>/<hex>    a manifest in <name> (holds its media type)
 * repositories/<name>/_manifests/tags/<tag>               a tag (holds the digest it points at)
 * repositories/<name>/_referrers/<alg>/<hex>/<alg>-<hex>  a referrer of subject <alg>:<hex> (descriptor JSON)
 * repositories/<name>/_uploads/<uuid>/{data,startedat}    an upload session
 * package-stats.json                                      pushed dates and download counts
 * ```
 *
 * The file-system driver adds `tmp/` (temp files renamed into place when complete).
 *
 * Repository names, tags and upload ids are checked again here, so no path is ever built from a
 * string that could climb out of the root (`..`, `/`, `%2f`), whatever the caller checked before.
 */
export class Layout {
  readonly blobsDir = 'blobs';
  readonly repositoriesDir = 'repositories';
  readonly statsFile = 'package-stats.json';

  /** Content file of a digest. */
  blob(digest: string): string {
    const { algorithm, hex } = parseStoreDigest(digest);
    return join(this.blobsDir, algorithm, hex.slice(0, 2), hex);
  }

  /** Directory of a repository; throws on an unsafe name. */
  repository(name: string): string {
    if (!isSafeRepository(name)) throw new Error(`unsafe repository name ${JSON.stringify(name)}`);
    return join(this.repositoriesDir, ...name.split('/'));
  }

  layerLink(name: string, digest: string): string {
    const { algorithm, hex } = parseStoreDigest(digest);
    return join(this.repository(name), '_layers', algorithm, hex);
  }

  revisionsDir(name: string, algorithm: DigestAlgorithm): string {
    return join(this.repository(name), '_manifests', 'revisions', algorithm);
  }

  revisionLink(name: string, digest: string): string {
    const { algorithm, hex } = parseStoreDigest(digest);
    return join(this.revisionsDir(name, algorithm), hex);
  }

  tagsDir(name: string): string {
    return join(this.repository(name), '_manifests', 'tags');
  }

  tag(name: string, tag: string): string {
    if (!isSafeTag(tag)) throw new Error(`unsafe tag ${JSON.stringify(tag)}`);
    return join(this.tagsDir(name), tag);
  }

  referrersDir(name: string, subject: string): string {
    const { algorithm, hex } = parseStoreDigest(subject);
    return join(this.repository(name), '_referrers', algorithm, hex);
  }

  referrer(name: string, subject: string, referrer: string): string {
    const { algorithm, hex } = parseStoreDigest(referrer);
    return join(this.referrersDir(name, subject), `${algorithm}-${hex}`);
  }

  uploadsDir(name: string): string {
    return join(this.repository(name), '_uploads');
  }

  upload(name: string, id: string): string {
    if (!isSafeUploadId(id)) throw new Error(`unsafe upload id ${JSON.stringify(id)}`);
    return join(this.uploadsDir(name), id);
  }

  uploadData(name: string, id: string): string {
    return join(this.upload(name, id), 'data');
  }

  uploadStartedAt(name: string, id: string): string {
    return join(this.upload(name, id), 'startedat');
  }
}

/**
 * Environment variables of the conformance configuration: the `OCI_*` variable of each field
 * (`confFromEnv`) and the deprecated variables of the old ginkgo suite (`confLegacyEnv`).
 */
import type { ConformanceConfig, Tls } from './config.js';
import { ConformanceConfigError } from './errors.js';

type Kind = 'string' | 'bool' | 'list' | 'tls';

/** `OCI_<NAME>` -> config path and type, built from the suite's `conformance:"..."` struct tags. */
const FIELDS: [string, string, Kind][] = [
  ['REGISTRY', 'registry', 'string'],
  ['TLS', 'tls', 'tls'],
  ['REPO1', 'repo1', 'string'],
  ['REPO2', 'repo2', 'string'],
  ['USERNAME', 'username', 'string'],
  ['PASSWORD', 'password', 'string'],
  ['CACHE_AUTH', 'cacheAuth', 'bool'],
  ['LOG', 'logging', 'string'],
  ['FILTER_TEST', 'filterTest', 'string'],
  ['API_PING', 'apis.ping', 'bool'],
  ['API_PULL', 'apis.pull', 'bool'],
  ['API_PUSH', 'apis.push', 'bool'],
  ['API_BLOBS_ATOMIC', 'apis.blobs.atomic', 'bool'],
  ['API_BLOBS_DELETE', 'apis.blobs.delete', 'bool'],
  ['API_BLOBS_DIGEST_HEADER', 'apis.blobs.digestHeader', 'bool'],
  ['API_BLOBS_MOUNT_ANONYMOUS', 'apis.blobs.mountAnonymous', 'bool'],
  ['API_BLOBS_UPLOAD_CANCEL', 'apis.blobs.uploadCancel', 'bool'],
  ['API_MANIFESTS_ATOMIC', 'apis.manifests.atomic', 'bool'],
  ['API_MANIFESTS_DELETE', 'apis.manifests.delete', 'bool'],
  ['API_MANIFESTS_DIGEST_HEADER', 'apis.manifests.digestHeader', 'bool'],
  ['API_MANIFESTS_TAG_PARAM', 'apis.manifests.tagParam', 'bool'],
  ['API_TAGS_ATOMIC', 'apis.tags.atomic', 'bool'],
  ['API_TAGS_DELETE', 'apis.tags.delete', 'bool'],
  ['API_TAGS_LIST', 'apis.tags.list', 'bool'],
  ['API_REFERRER', 'apis.referrer', 'bool'],
  ['DATA_IMAGE', 'data.image', 'bool'],
  ['DATA_INDEX', 'data.index', 'bool'],
  ['DATA_INDEX_LIST', 'data.indexList', 'bool'],
  ['DATA_SPARSE', 'data.sparse', 'bool'],
  ['DATA_ARTIFACT', 'data.artifact', 'bool'],
  ['DATA_SUBJECT', 'data.subject', 'bool'],
  ['DATA_SUBJECT_MISSING', 'data.subjectMissing', 'bool'],
  ['DATA_ARTIFACT_LIST', 'data.artifactList', 'bool'],
  ['DATA_SUBJECT_LIST', 'data.subjectList', 'bool'],
  ['DATA_DATA_FIELD', 'data.dataField', 'bool'],
  ['DATA_NONDISTRIBUTABLE', 'data.nondistributable', 'bool'],
  ['DATA_CUSTOM_FIELDS', 'data.customFields', 'bool'],
  ['DATA_NO_LAYERS', 'data.noLayers', 'bool'],
  ['DATA_EMPTY_BLOB', 'data.emptyBlob', 'bool'],
  ['DATA_SHA512', 'data.sha512', 'bool'],
  ['RO_DATA_TAGS', 'roData.tags', 'list'],
  ['RO_DATA_MANIFESTS', 'roData.manifests', 'list'],
  ['RO_DATA_BLOBS', 'roData.blobs', 'list'],
  ['RO_DATA_REFERRERS', 'roData.referrers', 'list'],
  ['RESULTS_DIR', 'resultsDir', 'string'],
  ['VERSION', 'version', 'string'],
];

/** Variables of the old suite that the rewritten suite no longer reads. */
export const IGNORED_LEGACY_VARS = [
  'OCI_HIDE_SKIPPED_WORKFLOWS',
  'OCI_DELETE_MANIFEST_BEFORE_BLOBS',
  'OCI_AUTOMATIC_CROSSMOUNT',
  'OCI_REPORT_DIR',
  'OCI_SKIP_EMPTY_LAYER_PUSH_TEST',
  'OCI_AUTH_SCOPE',
  'OCI_TAG_LIST',
];

/** Normalises a TLS setting the way the suite's `UnmarshalText` does: anything else is `enabled`. */
export function parseTls(value: string): Tls {
  const v = value.toLowerCase();
  return v === 'insecure' || v === 'disabled' ? v : 'enabled';
}

/** Go's `strconv.ParseBool`. */
export function parseBool(name: string, value: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  throw new ConformanceConfigError(
    `failed to parse bool value from environment ${name}=${value}`,
    'use true/false (or 1/0, t/f)',
  );
}

function setPath(config: ConformanceConfig, path: string, value: unknown): void {
  const keys = path.split('.');
  let target = config as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys[keys.length - 1]!] = value;
}

/** Applies every non-empty `OCI_<FIELD>` variable (`confFromEnv`). */
export function applyEnv(config: ConformanceConfig, env: NodeJS.ProcessEnv): void {
  for (const [suffix, path, kind] of FIELDS) {
    const name = `OCI_${suffix}`;
    const value = env[name] ?? '';
    if (value === '') continue;
    if (kind === 'bool') setPath(config, path, parseBool(name, value));
    else if (kind === 'list') setPath(config, path, value.split(' '));
    else if (kind === 'tls') setPath(config, path, parseTls(value));
    else setPath(config, path, value);
  }
}

function trimRepo(value: string): string {
  return value.trim().toLowerCase().replace(/\/$/, '');
}

/** Applies the deprecated variables of the old suite, warning about each (`confLegacyEnv`). */
export function applyLegacyEnv(
  config: ConformanceConfig,
  env: NodeJS.ProcessEnv,
  warn: (m: string) => void,
): void {
  const get = (name: string) => env[name] ?? '';
  const rootUrl = get('OCI_ROOT_URL');
  if (rootUrl !== '') {
    warn('OCI_ROOT_URL is deprecated, use OCI_REGISTRY and OCI_TLS instead');
    const v = rootUrl.trim().toLowerCase().replace(/\/$/, '');
    const at = v.indexOf('://');
    const scheme = at >= 0 ? v.slice(0, at) : 'https';
    config.tls = scheme === 'http' ? 'disabled' : 'enabled';
    config.registry = at >= 0 ? v.slice(at + 3) : v;
  }
  if (get('OCI_NAMESPACE') !== '') {
    warn('OCI_NAMESPACE is deprecated, use OCI_REPO1 instead');
    config.repo1 = trimRepo(get('OCI_NAMESPACE'));
  }
  if (get('OCI_CROSSMOUNT_NAMESPACE') !== '') {
    warn('OCI_CROSSMOUNT_NAMESPACE is deprecated, use OCI_REPO2 instead');
    config.repo2 = trimRepo(get('OCI_CROSSMOUNT_NAMESPACE'));
  }
  if (get('OCI_TEST_PULL') !== '') {
    warn('OCI_PULL is deprecated, use OCI_API_PULL instead');
    config.apis.pull = parseBool('OCI_TEST_PULL', get('OCI_TEST_PULL'));
  }
  if (get('OCI_TEST_PUSH') !== '') {
    warn('OCI_PUSH is deprecated, use OCI_API_PUSH instead');
    config.apis.push = parseBool('OCI_TEST_PUSH', get('OCI_TEST_PUSH'));
  }
  if (get('OCI_TEST_CONTENT_DISCOVERY') !== '') {
    warn('OCI_CONTENT_DISCOVERY is deprecated, use OCI_API_TAG_LIST and OCI_API_REFERRER instead');
    const b = parseBool('OCI_TEST_CONTENT_DISCOVERY', get('OCI_TEST_CONTENT_DISCOVERY'));
    config.apis.tags.list = b;
    config.apis.referrer = b;
  }
  if (get('OCI_TEST_CONTENT_MANAGEMENT') !== '') {
    warn(
      'OCI_CONTENT_MANAGEMENT is deprecated, use OCI_API_TAG_DELETE, OCI_API_MANIFEST_DELETE, and OCI_API_BLOB_DELETE instead',
    );
    const b = parseBool('OCI_TEST_CONTENT_MANAGEMENT', get('OCI_TEST_CONTENT_MANAGEMENT'));
    config.apis.tags.delete = b;
    config.apis.manifests.delete = b;
    config.apis.blobs.delete = b;
  }
  if (get('OCI_DEBUG') !== '') {
    warn('OCI_DEBUG is deprecated, use OCI_LOG=debug instead');
    if (parseBool('OCI_DEBUG', get('OCI_DEBUG'))) config.logging = 'debug';
  }
  const lists: [string, keyof ConformanceConfig['roData'], string][] = [
    ['OCI_TAG_NAME', 'tags', 'OCI_RO_DATA_TAGS'],
    ['OCI_MANIFEST_DIGEST', 'manifests', 'OCI_RO_DATA_MANIFESTS'],
    ['OCI_BLOB_DIGEST', 'blobs', 'OCI_RO_DATA_BLOBS'],
  ];
  for (const [name, field, replacement] of lists) {
    if (get(name) === '') continue;
    warn(`${name} is deprecated, use ${replacement} instead`);
    config.roData[field].push(...get(name).split(' '));
  }
  for (const name of IGNORED_LEGACY_VARS) {
    if (get(name) !== '') warn(`${name} is no longer read by the conformance suite; it has no effect`);
  }
}

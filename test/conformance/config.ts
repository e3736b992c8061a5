/**
 * Configuration of a conformance run (`config.go`): which registry, which repositories, which
 * APIs and which kinds of test data. Defaults depend on the spec version (`1.1` unless
 * `OCI_VERSION`/`version` says `1.0` or `dev`); `loadConfig` then applies, in this order, the
 * deprecated variables of the old suite (`OCI_ROOT_URL`, `OCI_NAMESPACE`, `OCI_TEST_PUSH`, ...),
 * the YAML file named by `OCI_CONFIGURATION` (or `./oci-conformance.yaml`), and the `OCI_*`
 * variables named after each field (`OCI_REGISTRY`, `OCI_API_BLOBS_DELETE`, `OCI_DATA_SHA512`...).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { ConformanceConfigError } from './errors.js';
import { applyLegacyEnv, applyEnv, parseTls } from './config-env.js';

/** Re-exported from `config-env.ts`. */
export { parseTls };

/** How to reach the registry: https (verified), https (any certificate) or plain http. */
export type Tls = 'enabled' | 'insecure' | 'disabled';

/** Every setting of a run. Field names are the YAML keys of the suite's config file. */
export interface ConformanceConfig {
  /** `host:port` of the registry. Default `localhost:5000`. */
  registry: string;
  /** Default `enabled` (https). */
  tls: Tls;
  /** Repository pushed to. Default `conformance/repo1`. */
  repo1: string;
  /** Second repository, the source of cross-repository mounts. Default `conformance/repo2`. */
  repo2: string;
  /** Credentials; both empty means anonymous. */
  username: string;
  password: string;
  /** Reuse an Authorization header for the same host, repository and pull/push. Default true. */
  cacheAuth: boolean;
  /** Log level: debug, info, warn (default) or error. */
  logging: string;
  /** Run only the tests whose full name has this prefix (or is a prefix of it). Default: all. */
  filterTest: string;
  apis: {
    ping: boolean;
    pull: boolean;
    push: boolean;
    blobs: {
      atomic: boolean;
      delete: boolean;
      digestHeader: boolean;
      mountAnonymous: boolean;
      uploadCancel: boolean;
    };
    manifests: { atomic: boolean; delete: boolean; digestHeader: boolean; tagParam: boolean };
    tags: { atomic: boolean; delete: boolean; list: boolean };
    referrer: boolean;
  };
  data: {
    image: boolean;
    index: boolean;
    indexList: boolean;
    sparse: boolean;
    artifact: boolean;
    subject: boolean;
    subjectMissing: boolean;
    artifactList: boolean;
    subjectList: boolean;
    dataField: boolean;
    nondistributable: boolean;
    customFields: boolean;
    noLayers: boolean;
    emptyBlob: boolean;
    sha512: boolean;
  };
  /** Content that already exists, for registries that cannot be pushed to. */
  roData: { tags: string[]; manifests: string[]; blobs: string[]; referrers: string[] };
  /** Where the CLI writes `results.yaml` and `junit.xml`. Default `./results`. */
  resultsDir: string;
  /** Spec version the defaults were chosen for: `1.0`, `1.1` or `1.1+dev`. */
  version: string;
}

/** A nested partial of {@link ConformanceConfig}. */
export type ConfigOverrides = {
  [K in keyof ConformanceConfig]?: ConformanceConfig[K] extends unknown[]
    ? ConformanceConfig[K]
    : ConformanceConfig[K] extends object
      ? {
          [L in keyof ConformanceConfig[K]]?: ConformanceConfig[K][L] extends object
            ? Partial<ConformanceConfig[K][L]>
            : ConformanceConfig[K][L];
        }
      : ConformanceConfig[K];
};

/**
 * The defaults for a spec version: `''`, `stable` or `1.1` (everything but upload cancel, digest
 * headers required and tag parameters), `1.0` (also no anonymous mount and no referrers), `dev`
 * or `1.1+dev` (everything).
 *
 * @throws ConformanceConfigError for any other version
 */
export function defaultConfig(version = ''): ConformanceConfig {
  const c: ConformanceConfig = {
    registry: 'localhost:5000',
    tls: 'enabled',
    repo1: 'conformance/repo1',
    repo2: 'conformance/repo2',
    username: '',
    password: '',
    cacheAuth: true,
    logging: 'warn',
    filterTest: '',
    apis: {
      ping: true,
      pull: true,
      push: true,
      blobs: { atomic: true, delete: true, digestHeader: false, mountAnonymous: true, uploadCancel: false },
      manifests: { atomic: true, delete: true, digestHeader: false, tagParam: false },
      tags: { atomic: true, delete: true, list: true },
      referrer: true,
    },
    data: {
      image: true,
      index: true,
      indexList: true,
      sparse: false,
      artifact: true,
      subject: true,
      subjectMissing: true,
      artifactList: true,
      subjectList: true,
      dataField: true,
      nondistributable: true,
      customFields: true,
      noLayers: true,
      emptyBlob: true,
      sha512: true,
    },
    roData: { tags: [], manifests: [], blobs: [], referrers: [] },
    resultsDir: './results',
    version: '1.1',
  };
  switch (version) {
    case 'dev':
    case '1.1+dev':
      c.apis.blobs.uploadCancel = true;
      c.apis.blobs.digestHeader = true;
      c.apis.manifests.digestHeader = true;
      c.apis.manifests.tagParam = true;
      c.version = '1.1+dev';
      break;
    case '':
    case 'stable':
    case '1.1':
      break;
    case '1.0':
      c.apis.blobs.mountAnonymous = false;
      c.apis.referrer = false;
      c.version = '1.0';
      break;
    default:
      throw new ConformanceConfigError(
        `unsupported config version ${version}`,
        'use one of 1.0, 1.1 (or stable), 1.1+dev (or dev)',
      );
  }
  return c;
}

/**
 * The defaults of `overrides.version` with `overrides` merged over them, for programmatic runs.
 *
 * @throws ConformanceConfigError for an unknown version or a value of the wrong type
 */
export function resolveConfig(overrides: ConfigOverrides = {}): ConformanceConfig {
  const c = defaultConfig(overrides.version ?? '');
  mergeInto(c as unknown as Record<string, unknown>, overrides as Record<string, unknown>, '');
  return c;
}

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Directory searched for `oci-conformance.yaml`. Default: the current directory. */
  cwd?: string;
  /** Receives the deprecation warnings of the old variables. Default: stderr. */
  warn?: (message: string) => void;
}

/**
 * The configuration from the environment and the config file, as the suite's `configLoad` reads it.
 *
 * @throws ConformanceConfigError for an unreadable file, an unknown version or a bad value
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: LoadConfigOptions = {},
): ConformanceConfig {
  const warn = options.warn ?? ((m: string) => process.stderr.write(`WARNING: ${m}\n`));
  const defaultFile = resolve(options.cwd ?? '.', 'oci-conformance.yaml');
  let file: string | undefined = env.OCI_CONFIGURATION;
  if (file === undefined && existsSync(defaultFile) && !statSync(defaultFile).isDirectory())
    file = defaultFile;
  let fromFile: Record<string, unknown> = {};
  if (file !== undefined) {
    try {
      fromFile = (load(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
    } catch (error) {
      throw new ConformanceConfigError(`cannot read the config file ${file}: ${(error as Error).message}`);
    }
  }
  const envVersion = env.OCI_VERSION ?? '';
  const version =
    envVersion !== '' ? envVersion : typeof fromFile.version === 'string' ? fromFile.version : '';
  const c = defaultConfig(version);
  applyLegacyEnv(c, env, warn);
  mergeInto(c as unknown as Record<string, unknown>, fromFile, '');
  applyEnv(c, env);
  return c;
}

/** `http://` or `https://` plus the registry host. */
export function registryUrl(config: ConformanceConfig): string {
  return `${config.tls === 'disabled' ? 'http' : 'https'}://${config.registry}`;
}

/** The configuration with the credentials masked (`Redact`). */
export function redactConfig(config: ConformanceConfig): ConformanceConfig {
  return {
    ...config,
    username: config.username === '' ? '' : '***',
    password: config.password === '' ? '' : '***',
  };
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>, path: string): void {
  for (const [key, value] of Object.entries(source)) {
    if (!(key in target) || value === undefined || value === null) continue;
    const name = path === '' ? key : `${path}.${key}`;
    const current = target[key];
    if (key === 'tls' && typeof value === 'string') target[key] = parseTls(value);
    else if (Array.isArray(current)) {
      if (!Array.isArray(value)) throw badType(name, 'a list of strings', value);
      target[key] = value.map(String);
    } else if (typeof current === 'object' && current !== null) {
      if (typeof value !== 'object' || Array.isArray(value)) throw badType(name, 'a mapping', value);
      mergeInto(current as Record<string, unknown>, value as Record<string, unknown>, name);
    } else if (typeof current !== typeof value) {
      throw badType(name, `a ${typeof current}`, value);
    } else target[key] = value;
  }
}

function badType(name: string, expected: string, value: unknown): ConformanceConfigError {
  return new ConformanceConfigError(`config field ${name} must be ${expected}, got ${JSON.stringify(value)}`);
}

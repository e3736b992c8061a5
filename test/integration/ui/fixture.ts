/**
 * The registry the pages' browser tests look at: a private registry `acme/images` and a public
 * one `acme/public`, read and write tokens, and two images pushed with skopeo (a two-platform
 * index and a hostile image), each from an OCI layout written in code.
 */
import { join } from 'node:path';
import { createToken } from '../../../src/registry/auth/tokens/manage.js';
import { authorizerFor, parseConfig } from '../../../src/registry/index.js';
import type { ContainerTools } from '../../support/containers.js';
import { newTempDir } from '../../support/temp-dir.js';
import { startRegistry, type TestRegistry } from '../registry-support.js';
import { writeHostileLayout, writeMultiPlatformLayout, type LayoutImage } from './images.js';

/** What the tests know about the registry they browse. */
export interface UiFixture {
  readonly registry: TestRegistry;
  /** `127.0.0.1:PORT`. */
  readonly host: string;
  readonly tokens: { readonly read: string; readonly write: string };
  readonly multi: { readonly index: string; readonly platforms: Readonly<Record<string, LayoutImage>> };
  readonly hostile: LayoutImage;
}

/**
 * Starts the registry and pushes `acme/public/hostile:v1`, the same as `acme/public/multi:v0`,
 * then `acme/public/multi:v1` (with `--all`).
 */
export async function createUiFixture(tools: ContainerTools): Promise<UiFixture> {
  const dir = newTempDir('ui');
  const storageDir = join(dir, 'storage');
  const config = parseConfig(
    `
storage: ${JSON.stringify(storageDir)}
tokens-file: ${JSON.stringify(join(dir, 'tokens.json'))}
registries:
  - name: acme/images
  - name: acme/public
    visibility: public
`,
    { source: join(dir, 'registry.yaml') },
  );
  const file = join(dir, 'tokens.json');
  const read = await createToken(file, {
    registries: ['acme/*'],
    scopes: ['read'],
    description: 'pages read',
  });
  const write = await createToken(file, {
    registries: ['acme/*'],
    scopes: ['write'],
    description: 'pages write',
  });
  const registry = await startRegistry({
    storageDir,
    fsync: false,
    automaticCrossMount: false,
    authorizer: authorizerFor(config, (e) => console.error(e)),
  });
  const host = new URL(registry.url).host;
  const creds = ['--dest-tls-verify=false', '--dest-creds', `buildkite:${write.token}`];
  const hostileDir = join(dir, 'hostile');
  const hostile = await writeHostileLayout(hostileDir);
  await tools.skopeo(['copy', ...creds, `oci:${hostileDir}:v1`, `docker://${host}/acme/public/hostile:v1`]);
  // An older tag of multi (pushed first, so v1 is the newest): the hostile image.
  await tools.skopeo(['copy', ...creds, `oci:${hostileDir}:v1`, `docker://${host}/acme/public/multi:v0`]);
  const multiDir = join(dir, 'multi');
  const multi = await writeMultiPlatformLayout(multiDir);
  await tools.skopeo([
    'copy',
    '--all',
    ...creds,
    `oci:${multiDir}:v1`,
    `docker://${host}/acme/public/multi:v1`,
  ]);
  return { registry, host, tokens: { read: read.token, write: write.token }, multi, hostile };
}

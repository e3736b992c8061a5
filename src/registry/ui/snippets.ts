/**
 * The commands and CI steps the pages offer to copy, as plain text. Pasted into a shell (with the
 * placeholders replaced, as the product asks), each works against this registry: the host is the
 * registry's public URL or, without one, the Host the browser used.
 */

/** The variable the login snippets read the token from: never part of the snippet itself. */
export const TOKEN_VARIABLE = 'REGISTRY_TOKEN';

/** Where a registry lives, as clients write it. */
export interface SnippetTarget {
  /** `registry.example.com` or `127.0.0.1:5000`. */
  readonly host: string;
  /** `{org}/{registry}`; `''` for open-mode names with no group. */
  readonly registry: string;
  /** Whether pushes and (for private registries) pulls need a login. */
  readonly auth: boolean;
}

/** `HOST/ORG/REGISTRY`, or just `HOST` for the top-level group of an open registry. */
export function registryRef(target: SnippetTarget): string {
  return target.registry === '' ? target.host : `${target.host}/${target.registry}`;
}

/** `docker login` reading the token from {@link TOKEN_VARIABLE} on stdin. */
export function loginStdin(target: SnippetTarget): string {
  return `printf '%s' "$${TOKEN_VARIABLE}" | docker login ${registryRef(target)} -u buildkite --password-stdin`;
}

/** `docker login` as Buildkite Packages shows it: the token as `-p` (it lands in shell history). */
export function loginProduct(
  target: SnippetTarget,
  token: 'registry-write-token' | 'registry-read-token',
): string {
  return `docker login ${registryRef(target)} -u buildkite -p ${token}`;
}

/** `docker tag current-image-name:tag HOST/ORG/REG/package-name:tag`. */
export function tagCommand(target: SnippetTarget): string {
  return `docker tag current-image-name:tag ${registryRef(target)}/package-name:tag`;
}

/** `docker push HOST/ORG/REG/package-name:tag`. */
export function pushCommand(target: SnippetTarget): string {
  return `docker push ${registryRef(target)}/package-name:tag`;
}

/** `docker pull HOST/ORG/REG/IMAGE:TAG` (or `@DIGEST`). */
export function pullCommand(
  target: SnippetTarget,
  image: string,
  ref: { tag?: string; digest?: string },
): string {
  const suffix = ref.tag !== undefined ? `:${ref.tag}` : `@${ref.digest ?? ''}`;
  return `docker pull ${registryRef(target)}/${image}${suffix}`;
}

/**
 * What pulls an artifact (an SBOM, a signature: no container image, so no `docker pull`): this
 * project's CLI writes it as an OCI archive, `IMAGE-TAG.tar` in the current directory.
 */
export function artifactPullCommand(
  target: SnippetTarget,
  image: string,
  ref: { tag?: string; digest?: string },
): string {
  const suffix = ref.tag !== undefined ? `:${ref.tag}` : `@${ref.digest ?? ''}`;
  const base = image.slice(image.lastIndexOf('/') + 1);
  const file = ref.tag !== undefined ? `${base}-${ref.tag}.tar` : `${base}.tar`;
  return `container-package pull ${registryRef(target)}/${image}${suffix} --output ${file} --format oci-archive`;
}

/** The same with skopeo, into an OCI archive. */
export function artifactSkopeoCommand(
  target: SnippetTarget,
  image: string,
  ref: { tag?: string; digest?: string },
): string {
  const suffix = ref.tag !== undefined ? `:${ref.tag}` : `@${ref.digest ?? ''}`;
  const base = image.slice(image.lastIndexOf('/') + 1);
  return `skopeo copy docker://${registryRef(target)}/${image}${suffix} oci-archive:${base}.tar`;
}

/** The same publish step in a Buildkite pipeline, with this plugin. */
export function pipelineStep(target: SnippetTarget): string {
  const registry = target.auth
    ? [
        `          registry:`,
        `            - url: ${registryRef(target)}`,
        `              username: buildkite`,
        `              token-env: ${TOKEN_VARIABLE}`,
      ]
    : [`          registry:`, `            - url: ${registryRef(target)}`, `              auth: none`];
  return [
    'steps:',
    '  - label: ":docker: Publish"',
    '    command: docker build -t package-name:ci .',
    '    plugins:',
    '      - ORG/container-package#v1.0.0:',
    ...registry,
    '          images:',
    '            - source: docker:package-name:ci',
    '              tags: ["{{build.number}}", latest]',
  ].join('\n');
}

/** The same publish step in a GitHub Actions workflow, with this action. */
export function workflowSteps(target: SnippetTarget): string {
  const login = target.auth
    ? [`          username: buildkite`, `          token: \${{ secrets.${TOKEN_VARIABLE} }}`]
    : [`          auth: none`];
  return [
    'steps:',
    '  - uses: actions/checkout@v5',
    '  - run: docker build -t package-name:ci .',
    '  - uses: ORG/container-package@v1',
    '    with:',
    `      registry: ${registryRef(target)}`,
    ...login.map((l) => l.slice(4)),
    '      images: docker:package-name:ci',
    '      tags: |',
    '        {{build.number}}',
    '        latest',
  ].join('\n');
}

/**
 * The host clients should use: the public URL's host, else the request's `Host` when it looks like
 * a host (`name[:port]` or `[v6]:port`), else `localhost`.
 */
export function clientHost(publicUrl: string | undefined, hostHeader: string | undefined): string {
  if (publicUrl !== undefined) {
    try {
      return new URL(publicUrl).host;
    } catch {
      // fall through to the Host header
    }
  }
  if (
    hostHeader !== undefined &&
    /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/.test(hostHeader)
  ) {
    return hostHeader.toLowerCase();
  }
  return 'localhost';
}

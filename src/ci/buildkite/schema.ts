/**
 * The plugin's configuration schema: the `configuration` block of `plugin.yml`, as code. A test
 * asserts that `plugin.yml` holds exactly this value, so the file the agent reads and the schema
 * the hooks check can never drift apart. Edit both together.
 */
import type { SchemaNode } from './schema-node.js';

/** Names of environment variables and Buildkite secrets: letters, digits and `_`, not starting with a digit. */
export const ENV_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';

/** How a registry is logged in to. */
export const AUTH_METHODS = ['oidc', 'token-env', 'secret', 'docker-config', 'none'] as const;

/** When images are pushed, relative to the step's command. */
export const PUSH_WHEN = ['success', 'always', 'never'] as const;

/** Annotation styles of `buildkite-agent annotate --style`. */
export const ANNOTATION_STYLES = ['success', 'info', 'warning', 'error'] as const;

/** Longest annotation context `buildkite-agent annotate` accepts, in characters. */
export const MAX_ANNOTATION_CONTEXT = 100;

/** Layer compressions for layers that are not compressed yet. */
export const COMPRESSION_NAMES = ['gzip', 'zstd', 'none'] as const;

const envName = (description: string): SchemaNode => ({
  type: 'string',
  pattern: ENV_NAME_PATTERN,
  description,
});

const nonEmpty = (description: string): SchemaNode => ({ type: 'string', minLength: 1, description });

const registryString = nonEmpty(
  'A registry: "{org}/{registry}" (Buildkite Packages), "{registry}" (organization from BUILDKITE_ORGANIZATION_SLUG), or "host[:port][/path]" for any other OCI registry.',
);

/** The login keys a registry item and the top level share. */
const authProperties: Record<string, SchemaNode> = {
  auth: {
    type: 'string',
    enum: AUTH_METHODS,
    description:
      "How to log in: oidc (default for Buildkite Packages: a fresh agent OIDC token before each push), token-env, secret, docker-config (default elsewhere: what the agent's docker config already holds) or none.",
  },
  'token-env': envName('Name of an environment variable that holds the token (never the token itself).'),
  secret: envName('Name of a Buildkite secret that holds the token, read with `buildkite-agent secret get`.'),
  username: nonEmpty('User name for token logins. Default "buildkite" for Buildkite Packages.'),
  audience: nonEmpty(
    'OIDC audience. Buildkite Packages needs none (it is https://packages.buildkite.com/{org}/{registry}); other registries that trust agent OIDC tokens need one.',
  ),
};

const registryObject: SchemaNode = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: { url: registryString, ...authProperties },
  description: 'A registry with its own login settings.',
};

const image: SchemaNode = {
  type: 'object',
  additionalProperties: false,
  required: ['source'],
  description: 'An image the step built and where it goes.',
  properties: {
    source: nonEmpty(
      'Where the image is: docker:REF, podman:REF, oci:DIR[:NAME], oci-archive:FILE[:NAME], docker-archive:FILE[:REF].',
    ),
    name: nonEmpty(
      'Image name under each registry. Default: taken from the source (docker:app:ci gives app).',
    ),
    tags: {
      type: 'array',
      minItems: 1,
      items: nonEmpty('A tag or tag template such as "{{build.number}}", "{{branch}}" or "latest".'),
      description: 'Tags for this image; replaces the top-level tags.',
    },
  },
};

const annotate: SchemaNode = {
  anyOf: [
    { type: 'boolean', description: 'Annotate the build with pull instructions (default true).' },
    {
      type: 'object',
      additionalProperties: false,
      description: 'Annotation settings.',
      properties: {
        context: nonEmpty('Annotation context (at most 100 characters). Default: one per step.'),
        style: {
          type: 'string',
          enum: ANNOTATION_STYLES,
          description: 'Style of the annotation after a successful push. Failures are always "error".',
        },
        priority: { type: 'integer', minimum: 1, maximum: 10, description: 'Annotation priority, 1 to 10.' },
      },
    },
  ],
};

const metaData: SchemaNode = {
  anyOf: [
    {
      type: 'boolean',
      description: "Set build meta-data with each image's digest and references (default true).",
    },
    {
      type: 'object',
      additionalProperties: false,
      description: 'Meta-data settings.',
      properties: { prefix: nonEmpty('Prefix of the meta-data keys. Default "container-package".') },
    },
  ],
};

const localRegistry: SchemaNode = {
  anyOf: [
    { type: 'boolean', description: 'Start the bundled registry for this job (default false).' },
    {
      type: 'object',
      additionalProperties: false,
      description: 'Bundled registry settings.',
      properties: {
        port: {
          type: 'integer',
          minimum: 0,
          maximum: 65535,
          description: 'Port on 127.0.0.1; 0 picks a free one.',
        },
        mirror: {
          type: 'array',
          minItems: 1,
          items: nonEmpty('An upstream registry host to cache pulls from, e.g. docker.io.'),
          description: 'Serve as a pull-through cache of these registries.',
        },
        storage: nonEmpty(
          'Directory for its data, kept between jobs. Default: a temp dir removed after the job.',
        ),
        'export-as': envName(
          'Environment variable that receives the registry address (host:port). Default CONTAINER_PACKAGE_LOCAL_REGISTRY.',
        ),
      },
    },
  ],
};

/** The `configuration` of `plugin.yml`. */
export const PLUGIN_SCHEMA: SchemaNode = {
  type: 'object',
  additionalProperties: false,
  properties: {
    registry: {
      anyOf: [
        registryString,
        {
          type: 'array',
          minItems: 1,
          items: { anyOf: [registryString, registryObject] },
          description: 'Several registries; every image is pushed to each.',
        },
      ],
    },
    'packages-host': nonEmpty(
      'The host "{org}/{registry}" names a Buildkite Packages registry on, and its OIDC audience follows (https://{packages-host}/{org}/{registry}): a staging host, a mirror, or a test registry. Default: $CONTAINER_PACKAGE_PACKAGES_HOST, else packages.buildkite.com.',
    ),
    ...authProperties,
    images: {
      type: 'array',
      minItems: 1,
      description: 'What the step built.',
      items: { anyOf: [nonEmpty('A source; name and tags take their defaults.'), image] },
    },
    tags: {
      type: 'array',
      minItems: 1,
      items: nonEmpty('A tag or tag template such as "{{build.number}}", "{{branch}}" or "latest".'),
      description: 'Tags for every image. Default ["{{build.number}}"].',
    },
    push: {
      type: 'string',
      enum: PUSH_WHEN,
      description: 'When to push: success (default: only when the command succeeded), always, never.',
    },
    annotate,
    'meta-data': metaData,
    retries: {
      type: 'integer',
      minimum: 0,
      maximum: 10,
      description: 'Retries of a failed request (5xx, 429, network). Default 3.',
    },
    compression: {
      type: 'string',
      enum: COMPRESSION_NAMES,
      description: 'Compression of layers that are not compressed yet (docker save output). Default gzip.',
    },
    'local-registry': localRegistry,
  },
};

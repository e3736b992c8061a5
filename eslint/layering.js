// The layering of src/ as an allow-list (docs/ARCHITECTURE.md): each folder names the src/
// layers and the packages it may import; anything else fails `npm run lint`. Root files of src/
// (errors.ts, error-codes.ts, json-object.ts, jwt-claims.ts, map-limit.ts, cache-dir.ts, chunk-pool.ts) are shared by every layer; imports
// inside one's own folder are always allowed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Node.js built-ins every layer that does I/O may use (child processes only in src/exec). */
const NODE_IO = ['node:*', '!node:child_process'];

/** Folder → what it may import. `layers` are src/ folders; `modules` are packages (`*` globs, `!` excludes). */
export const LAYERS = {
  reference: { layers: [], modules: [], why: 'src/reference is pure: no I/O, no other layer of src/' },
  oci: {
    layers: ['reference'],
    modules: ['node:buffer', 'node:crypto', 'node:stream'],
    why: 'src/oci holds formats and digests: no I/O and no higher layer',
  },
  exec: {
    layers: [],
    modules: ['execa', 'node:*'],
    why: 'src/exec is the one child-process seam; it depends on nothing above it',
  },
  render: {
    layers: ['reference', 'oci'],
    modules: [],
    why: 'src/render turns values into text: no I/O, nothing above it',
  },
  'docker-config': {
    layers: [],
    modules: ['node:fs', 'node:fs/promises', 'node:os', 'node:path'],
    why: 'src/docker-config only shapes a docker config directory: files, no network, no CI',
  },
  sources: {
    layers: ['reference', 'oci', 'exec'],
    modules: [...NODE_IO, 'tar-stream'],
    why: 'src/sources reads images; processes only through src/exec, no client, registry or CI',
  },
  client: {
    layers: ['reference', 'oci', 'exec'],
    modules: [...NODE_IO, 'undici', 'undici/*'],
    files: ['package.json'],
    why: 'src/client talks to registries: it knows no registry server, source or CI',
  },
  registry: {
    layers: ['reference', 'oci', 'client'],
    // @aws-sdk: the S3 storage driver (src/registry/storage); tar-stream: layer contents (packages/).
    modules: [...NODE_IO, 'js-yaml', '@aws-sdk/*', 'tar-stream'],
    why: 'src/registry is the server: it may use the client (mirrors), nothing of the publish side',
  },
  publish: {
    layers: ['reference', 'oci', 'sources', 'client', 'render', 'docker-config'],
    modules: [...NODE_IO, 'tar-stream'],
    why: 'src/publish is the CI-neutral main job: adapters call it, it never calls them',
  },
  'ci/buildkite': {
    layers: [
      'reference',
      'oci',
      'sources',
      'client',
      'registry',
      'render',
      'docker-config',
      'exec',
      'publish',
    ],
    modules: [...NODE_IO, 'js-yaml'],
    why: 'the Buildkite adapter translates; it runs programs through src/exec and uses no other adapter',
  },
  'ci/github': {
    layers: [
      'reference',
      'oci',
      'sources',
      'client',
      'registry',
      'render',
      'docker-config',
      'exec',
      'publish',
    ],
    modules: [...NODE_IO, '@actions/core'],
    why: 'the GitHub adapter translates; it runs programs through src/exec and uses no other adapter',
  },
  cli: {
    layers: [
      'reference',
      'oci',
      'sources',
      'client',
      'registry',
      'render',
      'docker-config',
      'exec',
      'publish',
      'ci/buildkite',
    ],
    modules: [...NODE_IO, '@oclif/*'],
    files: ['package.json'],
    why: 'the CLI exposes the core; it never calls the GitHub Actions SDK or spawns processes itself',
  },
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');

/** The layer of an absolute path under src/ (`ci/buildkite`, `client`...), `''` for a root file, undefined outside src/. */
function layerOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  if (parts.length === 1) return '';
  return parts[0] === 'ci' && parts.length > 2 ? `ci/${parts[1]}` : parts[0];
}

function matches(pattern, name) {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** True when `name` (a package or `node:` module) is on the allow-list `patterns`. */
export function moduleAllowed(patterns, name) {
  const bare = name.startsWith('node:') ? name : packageName(name);
  const candidates = [name, bare];
  if (patterns.some((p) => p.startsWith('!') && candidates.some((c) => matches(p.slice(1), c)))) return false;
  return patterns.some((p) => !p.startsWith('!') && candidates.some((c) => matches(p, c)));
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports in src/ follow the allow-list of docs/ARCHITECTURE.md' },
    messages: {
      layer: '{{from}} may not import {{to}}: {{why}} (allowed layers: {{allowed}}).',
      module: '{{from}} may not import the package "{{name}}": {{why}}.',
    },
    schema: [],
  },
  create(context) {
    const file = path.resolve(context.filename);
    const from = layerOf(file);
    if (from === undefined || from === '') return {};
    const allow = LAYERS[from];
    if (allow === undefined) {
      return {
        Program(node) {
          context.report({ node, message: `src/${from}/ is not in eslint/layering.js: add its allow-list` });
        },
      };
    }
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(file), source);
        const to = layerOf(target);
        if (to === undefined) {
          const rel = path.relative(ROOT, target);
          if (!(allow.files ?? []).includes(rel))
            context.report({
              node,
              messageId: 'module',
              data: { from: `src/${from}`, name: rel, why: allow.why },
            });
          return;
        }
        if (to === '' || to === from || allow.layers.includes(to)) return;
        context.report({
          node,
          messageId: 'layer',
          data: {
            from: `src/${from}`,
            to: `src/${to}`,
            why: allow.why,
            allowed: allow.layers.join(', ') || 'none',
          },
        });
        return;
      }
      if (!moduleAllowed(allow.modules, source))
        context.report({
          node,
          messageId: 'module',
          data: { from: `src/${from}`, name: source, why: allow.why },
        });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const layeringPlugin = { rules: { 'allowed-imports': rule } };

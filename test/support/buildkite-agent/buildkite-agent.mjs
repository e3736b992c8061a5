// A recording stand-in for the `buildkite-agent` binary, for tests. It follows the agent's
// documented CLI (clicommand/*.go in buildkite/agent) for the job commands this project uses:
//
//   oidc request-token [--audience A] [--lifetime N] [--claim C]... [--job J] [--skip-redaction]
//   annotate [BODY] [--style S] [--context C] [--append] [--priority N] [--scope S] [--job J]
//   meta-data set KEY [VALUE] | get KEY [--default D] | exists KEY | keys
//   secret get NAME... [--format default|json|env] [--skip-redaction]
//   redactor add [FILE] [--format none|json]
//
// Values come from stdin where the agent reads stdin. Every call is appended as one JSON line
// (argv, stdin, selected env, exit code; never stdout) to $BUILDKITE_AGENT_STANDIN_LOG. State
// (meta-data, annotations, redactions) lives in $BUILDKITE_AGENT_STANDIN_STATE. OIDC tokens are
// real RS256 JWTs signed with the private JWK in $BUILDKITE_AGENT_STANDIN_KEY; secrets come from
// the JSON object in $BUILDKITE_AGENT_STANDIN_SECRETS. $BUILDKITE_AGENT_STANDIN_FAIL lists
// commands (`oidc request-token,annotate`) that fail as if the Buildkite API refused them.
// Unknown commands print the usage and exit 1; unknown flags exit 1 like urfave/cli does.
import { Buffer } from 'node:buffer';
import { createPrivateKey, sign } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  fstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

const env = process.env;
const argv = process.argv.slice(2);
let stdinText;

const GLOBAL = {
  debug: 'bool',
  'no-color': 'bool',
  'log-level': 'string',
  experiment: 'list',
  profile: 'string',
};
const API = { 'agent-access-token': 'string', endpoint: 'string', 'no-http2': 'bool', 'debug-http': 'bool' };
const COMMANDS = {
  'oidc request-token': {
    flags: {
      audience: 'string',
      lifetime: 'int',
      job: 'string',
      claim: 'list',
      'aws-session-tag': 'list',
      'skip-redaction': 'bool',
    },
    run: oidcRequestToken,
    api: true,
  },
  annotate: {
    flags: {
      context: 'string',
      style: 'string',
      append: 'bool',
      priority: 'int',
      job: 'string',
      scope: 'string',
      'redacted-vars': 'list',
    },
    run: annotate,
    api: true,
  },
  'meta-data set': { flags: { job: 'string', 'redacted-vars': 'list' }, run: metaDataSet, api: true },
  'meta-data get': {
    flags: { default: 'string', job: 'string', build: 'string' },
    run: metaDataGet,
    api: true,
  },
  'meta-data exists': { flags: { job: 'string', build: 'string' }, run: metaDataExists, api: true },
  'meta-data keys': { flags: { job: 'string', build: 'string' }, run: metaDataKeys, api: true },
  'secret get': {
    flags: { format: 'string', job: 'string', 'skip-redaction': 'bool' },
    run: secretGet,
    api: true,
  },
  'redactor add': { flags: { format: 'string' }, run: redactorAdd, api: false },
};

class Fatal extends Error {}

function main() {
  const name = [argv.slice(0, 2).join(' '), argv[0]].find(
    (candidate) => candidate !== undefined && COMMANDS[candidate],
  );
  if (name === undefined) {
    process.stderr.write(
      `Usage:\n\n  buildkite-agent <command> [options...]\n\nAvailable commands are:\n\n  ${[...new Set(Object.keys(COMMANDS).map((c) => c.split(' ')[0]))].join('\n  ')}\n\nUse "buildkite-agent <command> --help" for more information about a command.\n`,
    );
    return 1;
  }
  const command = COMMANDS[name];
  const rest = argv.slice(name.split(' ').length);
  let parsed;
  try {
    parsed = parseFlags(rest, { ...GLOBAL, ...(command.api ? API : {}), ...command.flags });
  } catch (error) {
    process.stderr.write(`Incorrect Usage: ${error.message}\n\n`);
    return 1;
  }
  try {
    if (command.api && !(parsed.flags['agent-access-token'] ?? env.BUILDKITE_AGENT_ACCESS_TOKEN)) {
      throw new Fatal(
        'missing agent-access-token: set BUILDKITE_AGENT_ACCESS_TOKEN (the agent sets it for every job)',
      );
    }
    const failing = (env.BUILDKITE_AGENT_STANDIN_FAIL ?? '').split(',').map((s) => s.trim());
    if (failing.includes(name))
      throw new Fatal(`${name}: POST https://agent.buildkite.com/v3/jobs/${jobId(parsed)}: 403 Forbidden`);
    return command.run(parsed) ?? 0;
  } catch (error) {
    if (!(error instanceof Fatal)) throw error;
    process.stderr.write(`fatal: ${error.message}\n`);
    return 1;
  }
}

/** urfave/cli flags: --name value, --name=value, -name value; bools take no value; flags may follow arguments. */
function parseFlags(args, spec) {
  const flags = {};
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const key = eq < 0 ? body : body.slice(0, eq);
    const kind = spec[key];
    if (kind === undefined) throw new Error(`flag provided but not defined: -${key}`);
    let value = eq < 0 ? undefined : body.slice(eq + 1);
    if (kind === 'bool') {
      flags[key] = value === undefined ? true : value === 'true';
      continue;
    }
    if (value === undefined) {
      if (i + 1 >= args.length) throw new Error(`flag needs an argument: -${key}`);
      value = args[++i];
    }
    if (kind === 'int') {
      if (!/^-?\d+$/.test(value)) throw new Error(`invalid value "${value}" for flag -${key}: parse error`);
      flags[key] = Number(value);
    } else if (kind === 'list') {
      (flags[key] ??= []).push(value);
    } else {
      flags[key] = value;
    }
  }
  return { flags, positional };
}

function readStdin() {
  if (stdinText !== undefined) return stdinText;
  let stat;
  try {
    stat = fstatSync(0);
  } catch {
    return (stdinText = '');
  }
  stdinText = stat.isFIFO() || stat.isFile() || stat.isSocket() ? readFileSync(0, 'utf8') : '';
  return stdinText;
}

function jobId(parsed) {
  const id = parsed.flags.job ?? env.BUILDKITE_JOB_ID;
  if (!id) throw new Fatal('missing job: set BUILDKITE_JOB_ID or pass --job');
  return id;
}

function stateDir() {
  const dir =
    env.BUILDKITE_AGENT_STANDIN_STATE ??
    (env.BUILDKITE_AGENT_STANDIN_LOG ? dirname(env.BUILDKITE_AGENT_STANDIN_LOG) : undefined);
  if (!dir) throw new Fatal('BUILDKITE_AGENT_STANDIN_STATE is not set');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function loadState(name, fallback) {
  const path = join(stateDir(), name);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : fallback;
}

function saveState(name, value) {
  const path = join(stateDir(), name);
  writeFileSync(`${path}.tmp`, JSON.stringify(value, null, 2));
  renameSync(`${path}.tmp`, path);
}

function addRedaction(value) {
  saveState('redactions.json', [...loadState('redactions.json', []), value]);
}

const b64url = (data) => Buffer.from(data).toString('base64url');

// $BUILDKITE_AGENT_STANDIN_OIDC_MAX_LIFETIME caps the lifetime of minted tokens (seconds), so a
// test can make tokens expire while a push runs.
function maxLifetime() {
  const max = Number(env.BUILDKITE_AGENT_STANDIN_OIDC_MAX_LIFETIME);
  return Number.isInteger(max) && max > 0 ? max : Infinity;
}

function oidcRequestToken({ flags }) {
  const job = jobId({ flags });
  const lifetime = flags.lifetime ?? 0;
  if (lifetime < 0) throw new Fatal(`lifetime ${lifetime} must be a non-negative integer.`);
  const keyPath = env.BUILDKITE_AGENT_STANDIN_KEY;
  if (!keyPath) throw new Fatal('BUILDKITE_AGENT_STANDIN_KEY is not set');
  const jwk = JSON.parse(readFileSync(keyPath, 'utf8'));
  const now = Math.floor(Date.now() / 1000);
  const org = env.BUILDKITE_ORGANIZATION_SLUG ?? '';
  const pipeline = env.BUILDKITE_PIPELINE_SLUG ?? '';
  const ref = env.BUILDKITE_TAG
    ? `refs/tags/${env.BUILDKITE_TAG}`
    : `refs/heads/${env.BUILDKITE_BRANCH ?? ''}`;
  const payload = {
    iss: env.BUILDKITE_AGENT_STANDIN_ISSUER ?? 'https://agent.buildkite.com',
    sub: `organization:${org}:pipeline:${pipeline}:ref:${ref}:commit:${env.BUILDKITE_COMMIT ?? ''}:step:${env.BUILDKITE_STEP_KEY ?? ''}`,
    aud: flags.audience ?? `https://buildkite.com/${org}`,
    iat: now,
    nbf: now,
    exp: now + Math.min(lifetime === 0 ? 300 : lifetime, maxLifetime()),
    organization_slug: org,
    pipeline_slug: pipeline,
    build_number: Number(env.BUILDKITE_BUILD_NUMBER ?? 0),
    build_branch: env.BUILDKITE_BRANCH ?? '',
    build_tag: env.BUILDKITE_TAG || null,
    build_commit: env.BUILDKITE_COMMIT ?? '',
    step_key: env.BUILDKITE_STEP_KEY || null,
    job_id: job,
    agent_id: env.BUILDKITE_AGENT_ID ?? '',
  };
  const optional = {
    organization_id: 'BUILDKITE_ORGANIZATION_ID',
    pipeline_id: 'BUILDKITE_PIPELINE_ID',
    cluster_id: 'BUILDKITE_CLUSTER_ID',
    queue_key: 'BUILDKITE_AGENT_META_DATA_QUEUE',
  };
  for (const claim of (flags.claim ?? []).flatMap((c) => c.split(','))) {
    if (!optional[claim])
      throw new Fatal(
        `POST https://agent.buildkite.com/v3/jobs/${job}/oidc/tokens: 422 Unprocessable Entity: invalid claim "${claim}"`,
      );
    payload[claim] = env[optional[claim]] ?? '';
  }
  const header = { alg: 'RS256', typ: 'JWT', kid: jwk.kid };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const token = `${input}.${b64url(sign('sha256', Buffer.from(input), createPrivateKey({ key: jwk, format: 'jwk' })))}`;
  if (!flags['skip-redaction']) addRedaction(token);
  process.stdout.write(`${token}\n`);
}

function annotate({ flags, positional }) {
  jobId({ flags });
  const body = positional[0] ?? readStdin();
  if (Buffer.byteLength(body) > 1024 * 1024)
    throw new Fatal(`annotation body size (${Buffer.byteLength(body)}B) exceeds maximum (1048576B)`);
  const style = flags.style ?? '';
  if (!['', 'success', 'info', 'warning', 'error'].includes(style))
    throw new Fatal(`failed to annotate build: 422 Unprocessable Entity: style "${style}" is not valid`);
  const context = flags.context ?? 'default';
  if (context.length > 100)
    throw new Fatal(
      'failed to annotate build: 422 Unprocessable Entity: context is too long (maximum is 100 characters)',
    );
  const priority = flags.priority ?? 3;
  if (priority < 1 || priority > 10)
    throw new Fatal('failed to annotate build: 422 Unprocessable Entity: priority must be between 1 and 10');
  const annotations = loadState('annotations.json', {});
  const before = annotations[context];
  const text = flags.append && before ? before.body + body : body === '' && before ? before.body : body;
  annotations[context] = {
    body: text,
    style: style || before?.style || 'default',
    priority,
    scope: flags.scope ?? 'build',
  };
  saveState('annotations.json', annotations);
}

function metaDataSet({ flags, positional }) {
  jobId({ flags });
  const key = positional[0] ?? '';
  const value = positional.length >= 2 ? positional[1] : readStdin();
  if (key.trim() === '') throw new Fatal('key cannot be empty, or composed of only whitespace characters');
  if (value.trim() === '')
    throw new Fatal('value cannot be empty, or composed of only whitespace characters');
  saveState('meta-data.json', { ...loadState('meta-data.json', {}), [key]: value });
}

function metaDataGet({ flags, positional }) {
  const key = positional[0];
  if (!key) throw new Fatal('missing required argument: meta-data key');
  const data = loadState('meta-data.json', {});
  if (Object.hasOwn(data, key)) return void process.stdout.write(data[key]);
  if (flags.default !== undefined) return void process.stdout.write(flags.default);
  throw new Fatal(
    `failed to get meta-data: GET https://agent.buildkite.com/v3/jobs/${jobId({ flags })}/data/get: 404 Not Found: No key "${key}" found`,
  );
}

function metaDataExists({ positional }) {
  return Object.hasOwn(loadState('meta-data.json', {}), positional[0] ?? '') ? 0 : 100;
}

function metaDataKeys() {
  for (const key of Object.keys(loadState('meta-data.json', {}))) process.stdout.write(`${key}\n`);
}

function secretGet({ flags, positional }) {
  jobId({ flags });
  if (positional.length === 0) throw new Fatal('at least one secret key must be provided');
  const format = flags.format ?? 'default';
  if (!['default', 'json', 'env'].includes(format))
    throw new Fatal(`invalid format "${format}": must be one of 'default', 'json', or 'env'`);
  const file = env.BUILDKITE_AGENT_STANDIN_SECRETS;
  const all = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const lookup = Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), v]));
  const missing = positional.filter((key) => !Object.hasOwn(lookup, key.toLowerCase()));
  if (missing.length > 0)
    throw new Fatal(
      `Failed to fetch some secrets:\n${missing.map((key) => ` - secret "${key}" not found\n`).join('')}`,
    );
  const values = Object.fromEntries(positional.map((key) => [key, lookup[key.toLowerCase()]]));
  if (!flags['skip-redaction']) Object.values(values).forEach(addRedaction);
  if (format === 'default' && positional.length === 1)
    return void process.stdout.write(`${values[positional[0]]}\n`);
  if (format === 'env') {
    for (const key of Object.keys(values).sort())
      process.stdout.write(`${key.toUpperCase()}='${values[key].replace(/'/g, `'\\''`)}'\n`);
    return;
  }
  process.stdout.write(`${JSON.stringify(values)}\n`);
}

function redactorAdd({ flags, positional }) {
  const format = flags.format ?? 'none';
  if (!['json', 'none'].includes(format))
    throw new Fatal(`invalid format: ${format}, must be one of ["json" "none"]`);
  const text = positional[0] !== undefined ? readFileSync(positional[0], 'utf8') : readStdin();
  if (format === 'none') return void addRedaction(text.trim());
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Fatal('failed to parse secrets');
  }
  Object.values(parsed).forEach((value) => addRedaction(String(value)));
}

let exitCode;
try {
  exitCode = main();
} catch (error) {
  process.stderr.write(`fatal: ${error.stack ?? error}\n`);
  exitCode = 2;
}
if (env.BUILDKITE_AGENT_STANDIN_LOG) {
  const selected = ['BUILDKITE_JOB_ID', 'BUILDKITE_BUILD_ID', 'BUILDKITE_STEP_KEY', 'DOCKER_CONFIG'];
  const record = {
    argv,
    stdin: stdinText ?? null,
    env: Object.fromEntries(
      selected.filter((name) => env[name] !== undefined).map((name) => [name, env[name]]),
    ),
    hasAccessToken: Boolean(env.BUILDKITE_AGENT_ACCESS_TOKEN),
    exitCode,
  };
  appendFileSync(env.BUILDKITE_AGENT_STANDIN_LOG, `${JSON.stringify(record)}\n`);
}
process.exitCode = exitCode;

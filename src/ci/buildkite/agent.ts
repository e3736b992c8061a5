/**
 * The one seam to the `buildkite-agent` binary: OIDC tokens, annotations, meta-data, secrets and
 * the log redactor, each following the agent's documented CLI. Tokens, secrets, meta-data values
 * and annotation bodies go on stdin, never in argv (argv is visible to every process on the host).
 */
import { runAgent, type AgentRunOptions } from './agent-run.js';
import { AgentError } from './errors.js';
import { MAX_ANNOTATION_CONTEXT } from './schema.js';

export { AGENT_TIMEOUT_MS, type AgentRunOptions as AgentOptions } from './agent-run.js';

/** Largest annotation body the agent accepts, in bytes (1 MiB). */
export const MAX_ANNOTATION_BYTES = 1024 * 1024;

/** Exit status of `meta-data exists` when the key is not set. */
export const META_DATA_MISSING_STATUS = 100;

/** Arguments of {@link BuildkiteAgent.requestOidcToken}. */
export interface OidcTokenRequest {
  /** The audience the token is for: `https://packages.buildkite.com/{org}/{registry}`. */
  readonly audience: string;
  /** Seconds the token lives. Default 300, the most Buildkite Packages accepts. */
  readonly lifetimeSeconds?: number;
  /** Optional claims to add (`organization_id`, `pipeline_id`, ...), each passed as `--claim`. */
  readonly claims?: readonly string[];
}

/** Arguments of {@link BuildkiteAgent.annotate}. */
export interface AnnotateRequest {
  readonly style: 'success' | 'info' | 'warning' | 'error';
  /** At most 100 characters; an annotation with the same context is replaced (or appended to). */
  readonly context: string;
  /** Append to the annotation with this context instead of replacing it. Default false. */
  readonly append?: boolean;
  /** 1 to 10; omitted by default (the agent then uses 3). */
  readonly priority?: number;
}

/** The agent commands this tool uses. */
export interface BuildkiteAgent {
  /** `oidc request-token --audience A --lifetime N [--claim C]...`: a JWT for this job. */
  requestOidcToken(request: OidcTokenRequest): Promise<string>;
  /**
   * `annotate --style S --context C [--append] [--priority P]` with `body` on stdin. A body over
   * 1 MiB is cut at a character boundary and ends with a note saying so.
   */
  annotate(body: string, request: AnnotateRequest): Promise<{ truncated: boolean }>;
  /** `meta-data set KEY` with `value` on stdin. The value may not be empty or only whitespace. */
  setMetaData(key: string, value: string): Promise<void>;
  /** `meta-data get KEY [--default D]`: the value as stored (no newline is added or removed). */
  getMetaData(key: string, options?: { default?: string }): Promise<string>;
  /** `meta-data exists KEY`: exit status 0 is true, 100 is false. */
  metaDataExists(key: string): Promise<boolean>;
  /** `secret get NAME`: the secret's value (the agent redacts it from the job log itself). */
  secretGet(name: string): Promise<string>;
  /**
   * `redactor add` with `value` on stdin (the default `--format none`, which trims surrounding
   * whitespace): the agent hides it from the rest of the job log. Empty values are skipped. Needs
   * agent 3.67+; tokens from `oidc request-token` (3.104+) and `secret get` are redacted by the agent itself.
   */
  redact(value: string): Promise<void>;
}

/** Creates the agent seam. Options default to `buildkite-agent` on PATH, this process's env and a 5-minute timeout. */
export function createAgent(options: AgentRunOptions = {}): BuildkiteAgent {
  const run = (command: string, args: string[], extra: Parameters<typeof runAgent>[2] = {}) =>
    runAgent(command, args, { ...options, ...extra });
  return {
    async requestOidcToken({ audience, lifetimeSeconds = 300, claims = [] }) {
      if (audience === '') throw invalid('oidc request-token', 'the OIDC audience is empty');
      if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds <= 0) {
        throw invalid(
          'oidc request-token',
          `the token lifetime must be a positive whole number of seconds, got ${lifetimeSeconds}`,
        );
      }
      const args = ['oidc', 'request-token', '--audience', audience, '--lifetime', String(lifetimeSeconds)];
      for (const claim of claims) args.push('--claim', claim);
      const { stdout } = await run('oidc request-token', args, {
        hint: `Check that this agent may request OIDC tokens and that the audience ${audience} is right.`,
      });
      const token = stdout.trim();
      if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) {
        throw new AgentError(
          'CI_AGENT_BAD_OUTPUT',
          'oidc request-token',
          'buildkite-agent oidc request-token printed no JWT',
          {
            hint: 'Upgrade buildkite-agent; `oidc request-token` prints the token alone on stdout.',
          },
        );
      }
      return token;
    },

    async annotate(body, { style, context, append = false, priority }) {
      if (body.trim() === '') throw invalid('annotate', 'the annotation body is empty');
      if (context === '' || [...context].length > MAX_ANNOTATION_CONTEXT) {
        throw invalid(
          'annotate',
          `the annotation context must be 1 to ${MAX_ANNOTATION_CONTEXT} characters, got ${[...context].length}`,
        );
      }
      if (priority !== undefined && (!Number.isInteger(priority) || priority < 1 || priority > 10)) {
        throw invalid(
          'annotate',
          `the annotation priority must be a whole number from 1 to 10, got ${priority}`,
        );
      }
      const { text, truncated } = fitAnnotation(body);
      const args = ['annotate', '--style', style, '--context', context];
      if (append) args.push('--append');
      if (priority !== undefined) args.push('--priority', String(priority));
      await run('annotate', args, { input: text });
      return { truncated };
    },

    async setMetaData(key, value) {
      if (key.trim() === '') throw invalid('meta-data set', 'the meta-data key is empty');
      if (value.trim() === '')
        throw invalid('meta-data set', `the meta-data value for ${JSON.stringify(key)} is empty`);
      await run('meta-data set', ['meta-data', 'set', key], { input: value, secrets: [value] });
    },

    async getMetaData(key, { default: fallback } = {}) {
      const args = ['meta-data', 'get', key];
      if (fallback !== undefined) args.push('--default', fallback);
      return (await run('meta-data get', args)).stdout;
    },

    async metaDataExists(key) {
      const { exitCode } = await run('meta-data exists', ['meta-data', 'exists', key], {
        okCodes: [0, META_DATA_MISSING_STATUS],
      });
      return exitCode === 0;
    },

    async secretGet(name) {
      const { stdout } = await run('secret get', ['secret', 'get', name], {
        hint: `Check that the secret ${name} exists in this agent's cluster and that this pipeline may read it.`,
      });
      const value = stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout;
      if (value === '') {
        throw new AgentError('CI_AGENT_BAD_OUTPUT', 'secret get', `the Buildkite secret ${name} is empty`, {
          hint: `Store the token in the secret ${name}.`,
        });
      }
      return value;
    },

    async redact(value) {
      if (value.trim() === '') return;
      await run('redactor add', ['redactor', 'add'], {
        input: value,
        secrets: [value],
        hint: 'buildkite-agent 3.67 or newer is needed for `redactor add`.',
      });
    },
  };
}

/**
 * Cuts `body` to at most {@link MAX_ANNOTATION_BYTES} UTF-8 bytes, note included, without
 * splitting a character. Bodies that fit come back unchanged.
 */
export function fitAnnotation(
  body: string,
  maxBytes = MAX_ANNOTATION_BYTES,
): { text: string; truncated: boolean } {
  const bytes = Buffer.from(body, 'utf8');
  if (bytes.length <= maxBytes) return { text: body, truncated: false };
  const note = '\n\n_The rest was cut: the annotation was longer than Buildkite allows (1 MiB)._\n';
  let end = maxBytes - Buffer.byteLength(note);
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // back off to the start of a UTF-8 sequence
  return { text: bytes.subarray(0, end).toString('utf8') + note, truncated: true };
}

function invalid(command: string, message: string): AgentError {
  return new AgentError('CI_AGENT_INVALID_ARGUMENT', command, message);
}

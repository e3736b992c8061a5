import { RegistryAuthError } from '../errors.js';
import { REGISTRY_NAME_SHAPE, isRegistryPattern } from '../registry-name.js';
import { SCOPES, effectiveScopes, parseScope, type Scope } from '../scopes.js';
import { generateToken, generateTokenId, hashToken } from './token-format.js';
import { readTokensFile, updateTokensFile, type TokenRecord } from './tokens-file.js';

/** What `token create` needs. */
export interface CreateTokenInput {
  /** `{org}/{registry}` or `{org}/*`; at least one. */
  readonly registries: readonly string[];
  /** `read`, `write`, `delete` or full scope names; at least one. Write and delete imply read. */
  readonly scopes: readonly string[];
  /** Free text shown by `token list`. Default empty. */
  readonly description?: string;
  /** Creation time. Default now. */
  readonly now?: Date;
}

/** A token just created: the secret (shown once, never stored) and its record. */
export interface CreatedToken {
  readonly token: string;
  readonly record: TokenRecord;
}

/**
 * Creates a token and stores its hash in the tokens file at `path` (created with mode 0600 when
 * missing). The stored scopes are the effective ones (`write` also stores `read_packages`).
 *
 * @throws RegistryAuthError `REGISTRY_TOKEN_INVALID_INPUT` for a bad registry name or scope
 */
export async function createToken(path: string, input: CreateTokenInput): Promise<CreatedToken> {
  if (input.registries.length === 0) throw badInput('at least one --registry ORG/REGISTRY is required');
  for (const registry of input.registries) {
    if (!isRegistryPattern(registry)) {
      throw badInput(
        `invalid registry ${JSON.stringify(registry)}: expected ${REGISTRY_NAME_SHAPE}, or ORG/*`,
      );
    }
  }
  if (input.scopes.length === 0) throw badInput('at least one --scope (read, write or delete) is required');
  const scopes: Scope[] = input.scopes.map((value) => {
    const scope = parseScope(value);
    if (scope === undefined) {
      throw badInput(
        `invalid scope ${JSON.stringify(value)}: use read, write or delete (${SCOPES.join(', ')})`,
      );
    }
    return scope;
  });
  const token = generateToken();
  const record: TokenRecord = {
    id: generateTokenId(),
    sha256: hashToken(token).toString('hex'),
    registries: [...new Set(input.registries)],
    scopes: effectiveScopes(scopes),
    description: input.description ?? '',
    createdAt: (input.now ?? new Date()).toISOString(),
  };
  await updateTokensFile(path, (file) => ({ file: { tokens: [...file.tokens, record] }, result: undefined }));
  return { token, record };
}

/** The tokens in the file at `path` (a missing file has none). */
export async function listTokens(path: string): Promise<readonly TokenRecord[]> {
  return (await readTokensFile(path)).tokens;
}

/**
 * Removes the token `id` from the file; the running registry refuses it from its next request on.
 *
 * @throws RegistryAuthError `REGISTRY_TOKEN_NOT_FOUND` when no token has that id
 */
export async function revokeToken(path: string, id: string): Promise<TokenRecord> {
  return updateTokensFile(path, (file) => {
    const found = file.tokens.find((t) => t.id === id);
    if (found === undefined) {
      throw new RegistryAuthError(
        'REGISTRY_TOKEN_NOT_FOUND',
        `no token with id ${JSON.stringify(id)} in ${path}`,
        {
          hint: 'list the tokens with `container-package registry token list`',
        },
      );
    }
    return { file: { tokens: file.tokens.filter((t) => t.id !== id) }, result: found };
  });
}

function badInput(message: string): RegistryAuthError {
  return new RegistryAuthError('REGISTRY_TOKEN_INVALID_INPUT', message);
}

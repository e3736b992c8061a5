import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, ExitCode, exitCodeFor } from '../../../src/cli/exit-codes.js';

/** Literals that look like error codes and are not: each says what it is. */
const NOT_ERROR_CODES = new Set([
  'CLIENT_GONE', // the access log's reason for a client that hung up (status 499), never thrown
  'REGISTRY_TOKEN', // the shell variable the web pages' snippets read the token from
]);

/** Every `'PREFIX_NAME'` string literal in src/ that looks like one of our error codes. */
function codesUsedInSource(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('error-codes.ts') && !path.endsWith('exit-codes.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(
          /'((?:REF|OCI|SRC|CLIENT|REGISTRY|CI|CLI|EXEC|PUBLISH|DOCKER_CONFIG)_[A-Z0-9_]+)'/g,
        ))
          found.add(match[1]!);
      }
    }
  };
  walk('src');
  return found;
}

describe('exit codes', () => {
  it('has an entry for every error code the source throws', () => {
    const missing = [...codesUsedInSource()].filter(
      (code) => !code.endsWith('_') && !NOT_ERROR_CODES.has(code) && !Object.hasOwn(EXIT_CODES, code),
    );
    expect(missing).toEqual([]);
  });

  it.each([
    ['REGISTRY_CONFIG_INVALID', ExitCode.usage],
    ['CI_CONFIG_INVALID', ExitCode.usage],
    ['SRC_INVALID_SPEC', ExitCode.usage],
    ['SRC_UNKNOWN_TRANSPORT', ExitCode.usage],
    ['SRC_INVALID_OPTION', ExitCode.usage],
    ['CLIENT_INVALID_OPTION', ExitCode.usage],
    ['REGISTRY_INVALID_OPTION', ExitCode.usage],
    ['REF_INVALID_TAG', ExitCode.usage],
    ['CLIENT_UNAUTHORIZED', ExitCode.auth],
    ['CLIENT_DENIED', ExitCode.auth],
    ['CLIENT_NOT_FOUND', ExitCode.notFound],
    ['SRC_NOT_FOUND', ExitCode.notFound],
    ['CLIENT_RETRIES_EXHAUSTED', ExitCode.unavailable],
    ['CLIENT_UNAVAILABLE', ExitCode.unavailable],
    // A missing program is not "image not found".
    ['CI_AGENT_NOT_FOUND', ExitCode.failure],
    ['EXEC_NOT_FOUND', ExitCode.failure],
    ['REGISTRY_ADDRESS_IN_USE', ExitCode.failure],
  ] as const)('%s exits %i', (code, exit) => {
    expect(exitCodeFor(code)).toBe(exit);
  });

  it('gives an unknown or missing code the generic failure', () => {
    expect(exitCodeFor(undefined)).toBe(ExitCode.failure);
    expect(exitCodeFor('SOMETHING_ELSE')).toBe(ExitCode.failure);
    expect(exitCodeFor('toString')).toBe(ExitCode.failure);
  });
});

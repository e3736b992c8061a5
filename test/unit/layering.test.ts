/**
 * The layering rule (eslint/layering.js) run through ESLint's Node API on one-line snippets
 * placed in each folder: the imports the architecture forbids fail lint, the allowed ones pass.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const probe = 1;\n`, {
    filePath: path.join(root, file),
  });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'layering/allowed-imports')
    .map((m) => m.message);
}

describe('layering allow-list', () => {
  it.each([
    ['src/oci/probe.ts', "import { publish } from '../publish/index.js';", 'src/publish'],
    ['src/client/probe.ts', "import { startRegistryService } from '../registry/index.js';", 'src/registry'],
    ['src/render/probe.ts', "import type { PublishRequest } from '../publish/index.js';", 'src/publish'],
    ['src/ci/buildkite/probe.ts', "import { execa } from 'execa';", '"execa"'],
    ['src/ci/github/probe.ts', "import { agent } from '../buildkite/agent.js';", 'src/ci/buildkite'],
    ['src/publish/probe.ts', "import { spawn } from 'node:child_process';", 'node:child_process'],
    ['src/reference/probe.ts', "import { readFile } from 'node:fs/promises';", 'node:fs/promises'],
    ['src/cli/probe.ts', "import * as core from '@actions/core';", '@actions/core'],
    ['src/sources/probe.ts', "export { RegistryClient } from '../client/index.js';", 'src/client'],
    ['src/registry/probe.ts', "const m = await import('../publish/index.js');", 'src/publish'],
  ])('%s: %s fails lint', async (file, code, named) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(named);
  });

  it.each([
    ['src/oci/probe.ts', "import { parseReference } from '../reference/index.js';"],
    ['src/registry/probe.ts', "import { RegistryClient } from '../client/index.js';"],
    ['src/ci/buildkite/probe.ts', "import { runProgram } from '../../exec/run-program.js';"],
    ['src/cli/probe.ts', "import { Command } from '@oclif/core';"],
    ['src/client/probe.ts', "import { ContainerPackageError } from '../errors.js';"],
    ['src/exec/probe.ts', "import { spawn } from 'node:child_process';"],
  ])('%s: %s passes', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});

import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/ci/buildkite/hooks/state.ts
import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
var STATE_DIR_ENV = "CONTAINER_PACKAGE_STATE_DIR";
var FILE = "state.json";
async function readState(dir) {
  if (!dir || !existsSync(join(dir, FILE))) return void 0;
  return JSON.parse(await readFile(join(dir, FILE), "utf8"));
}
async function writeState(dir, state) {
  const tmp = join(dir, `${FILE}.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify(state, null, 2), { mode: 384 });
  await rename(tmp, join(dir, FILE));
}

export {
  STATE_DIR_ENV,
  readState,
  writeState
};

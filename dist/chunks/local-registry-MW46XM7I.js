import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  ExecError
} from "./chunk-UMIJCHBN.js";
import "./chunk-P65RQTMN.js";
import "./chunk-MFDBYX32.js";

// src/exec/local-registry.ts
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
var READY = /^registry listening on (http:\/\/(\S+))$/m;
async function startLocalRegistry(options) {
  const logFile = join(options.logDir, "registry.log");
  const fd = openSync(logFile, "a", 384);
  const child = spawn(
    options.node ?? process.execPath,
    [
      options.cli,
      "registry",
      "serve",
      "--listen",
      `127.0.0.1:${options.port}`,
      "--storage",
      options.storage,
      ...options.args ?? []
    ],
    { detached: true, stdio: ["ignore", fd, fd] }
  );
  closeSync(fd);
  let exited;
  child.once("exit", (code) => exited = code);
  child.unref();
  const deadline = Date.now() + (options.readyTimeoutMs ?? 3e4);
  while (Date.now() < deadline) {
    const log = await readFile(logFile, "utf8").catch(() => "");
    const match = READY.exec(log);
    if (match && child.pid !== void 0) {
      return { pid: child.pid, url: match[1], address: match[2], logFile };
    }
    if (exited !== void 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (child.pid !== void 0 && exited === void 0) stopLocalRegistry(child.pid);
  const tail = (await readFile(logFile, "utf8").catch(() => "")).split("\n").slice(-10).join("\n");
  throw new ExecError(
    "EXEC_FAILED",
    "container-package registry serve",
    `the local registry did not start${exited !== void 0 ? ` (exit ${exited})` : " in time"}:
${tail}`,
    { hint: `see ${logFile}` }
  );
}
async function stopLocalRegistryGracefully(pid, graceMs = 1e4) {
  if (!alive(pid)) return;
  stopLocalRegistry(pid);
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (alive(pid)) process.kill(pid, "SIGKILL");
}
function stopLocalRegistry(pid) {
  try {
    process.kill(pid, "SIGTERM");
  } catch {
  }
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
export {
  startLocalRegistry,
  stopLocalRegistryGracefully
};

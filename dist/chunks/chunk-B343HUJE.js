import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/cache-dir.ts
import { homedir } from "node:os";
import { join } from "node:path";
function cacheDir(env = process.env, home = homedir()) {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== void 0 && xdg.startsWith("/")) return join(xdg, "container-package");
  if (process.platform === "win32" && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, "container-package");
  return join(home, ".cache", "container-package");
}

export {
  cacheDir
};

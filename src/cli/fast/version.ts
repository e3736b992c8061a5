/** The fast path for `container-package --version` (see `index.ts`). */
import { arch, platform, release } from 'node:os';
import packageJson from '../../../package.json' with { type: 'json' };

/**
 * Prints what oclif prints for `--version` (its `config.userAgent`: `NAME/VERSION PLATFORM-ARCH
 * node-vX.Y.Z`) and returns true; returns false, having printed nothing, on WSL, where oclif
 * names the platform `wsl` after probing the system, and leaves that to oclif.
 */
export function versionFast(): boolean {
  if (platform() === 'linux' && release().toLowerCase().includes('microsoft')) return false;
  const cpu = arch() === 'ia32' ? 'x86' : arch();
  process.stdout.write(
    `${packageJson.name}/${packageJson.version} ${platform()}-${cpu} node-${process.version}\n`,
  );
  return true;
}

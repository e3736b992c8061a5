/** This package's version, for the `User-Agent` header. */
import packageJson from '../../package.json' with { type: 'json' };

/** The `version` field of package.json, e.g. `0.1.0`. */
export const VERSION: string = packageJson.version;

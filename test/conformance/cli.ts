/**
 * Command-line entry of the conformance port, configured like the suite (`OCI_*` variables,
 * `oci-conformance.yaml`). Prints the suite's text report, writes `results.yaml` and
 * `junit.xml` to the results directory, and exits 1 unless everything passed (2 on a bad
 * configuration). Run it with Node 24's type stripping:
 *
 *   OCI_REGISTRY=127.0.0.1:5000 OCI_TLS=disabled \
 *     npm exec -- node --import ./test/conformance/resolve-ts.mjs test/conformance/cli.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isContainerPackageError } from '../../src/errors.js';
import { loadConfig } from './config.js';
import { junitXml, resultsYaml, textReport } from './report.js';
import { runConformance } from './run.js';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!isContainerPackageError(error)) throw error;
    process.stderr.write(`failed to load config: ${error.message}${error.hint ? `\n${error.hint}` : ''}\n`);
    return 2;
  }
  const report = await runConformance(config);
  process.stdout.write(textReport(report));
  mkdirSync(config.resultsDir, { recursive: true });
  writeFileSync(join(config.resultsDir, 'results.yaml'), resultsYaml(report));
  writeFileSync(join(config.resultsDir, 'junit.xml'), junitXml(report));
  return report.status === 'Pass' ? 0 : 1;
}

process.exitCode = await main();

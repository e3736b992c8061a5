/**
 * The distribution-spec conformance port (`test/conformance/`) against the bundled registry on
 * S3 (Ceph's RADOS Gateway, started by the harness): zero failures required, as on disk.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRegistry, DriverStore, type Registry } from '../../src/registry/index.js';
import { S3Driver } from '../../src/registry/storage/s3/driver.js';
import { resolveConfig } from '../conformance/config.js';
import { runConformance, type ConformanceReport } from '../conformance/run.js';
import { startRgw, type Rgw } from '../support/rgw.js';
import { RGW_TOOLS, describeWithTools } from '../support/tools.js';

describeWithTools(RGW_TOOLS, 'bundled registry on S3 passes the conformance suite', () => {
  let rgw: Rgw;
  let registry: Registry;
  let report: ConformanceReport;

  beforeAll(async () => {
    rgw = await startRgw();
    Object.assign(process.env, rgw.env);
    const bucket = await rgw.newBucket();
    const driver = new S3Driver({
      bucket,
      endpoint: rgw.endpoint,
      forcePathStyle: true,
      prefix: 'conformance',
    });
    registry = createRegistry({ store: new DriverStore(driver, { cacheTtlMs: 1000 }) });
    const { url } = await registry.listen('127.0.0.1', 0);
    report = await runConformance(resolveConfig({ registry: new URL(url).host, tls: 'disabled' }), {
      log: () => undefined,
    });
  }, 600_000);

  afterAll(async () => {
    await registry?.close();
    await rgw?.stop();
  });

  it('fails no check', () => {
    const details = report.failures.map((f) => `### ${f.spec}\n${f.message}\n${f.output.slice(0, 3000)}`);
    expect(
      report.failures.map((f) => `${f.spec}: ${f.message}`),
      details.join('\n\n'),
    ).toEqual([]);
    expect(report.total).toBeGreaterThanOrEqual(848);
    expect({ failed: report.failed, errors: report.errors, skipped: report.skipped }).toEqual({
      failed: 0,
      errors: 0,
      skipped: 0,
    });
  });
});

/**
 * Renderings of a {@link ConformanceReport}: the text summary the suite prints, its JUnit XML
 * (one test case per leaf step, the counts in the suite element) and `results.yaml`.
 */
import { dump } from 'js-yaml';
import { COUNTED_STATUSES, Status, statusName, type Results } from './results.js';
import type { ConformanceReport } from './run.js';

const PAD = 30;

function padded(label: string, value: string | number): string {
  return `  ${label}${'.'.repeat(Math.max(0, PAD - label.length))}: ${String(value).padStart(10)}\n`;
}

/** The suite's console report: the result tree, configuration, counts, API and data status. */
export function textReport(report: ConformanceReport): string {
  let text = `Test results\n${report.results.walk()}\n`;
  text += `Configuration:\n  ${dump(report.config).trimEnd().replaceAll('\n', '\n  ')}\n\n`;
  text += `OCI Conformance Result: ${report.status}\n`;
  for (const s of COUNTED_STATUSES) text += padded(statusName(s), report.results.counts[s] ?? 0);
  text += `${padded('Total', report.total)}\n`;
  text += 'API conformance:\n';
  for (const [name, status] of Object.entries(report.apis)) text += padded(name, status);
  text += '\nData conformance:\n';
  for (const [name, status] of Object.entries(report.data)) text += padded(name, status);
  return `${text}\n`;
}

function xml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .split('')
    .filter((ch) => ch.charCodeAt(0) >= 0x20 || ch === '\t' || ch === '\n' || ch === '\r')
    .join('');
}

function junitStatus(status: Status): string {
  if (status === Status.Pass) return 'passed';
  if (status === Status.Skip || status === Status.Disabled) return 'skipped';
  return status === Status.Fail ? 'failure' : 'error';
}

function testCase(leaf: Results): string {
  const time = ((leaf.stop.getTime() - leaf.start.getTime()) / 1000).toFixed(6);
  const errs = leaf.errs.map((e) => e.message).join('\n');
  return (
    `    <testcase name="${xml(leaf.name)}" classname="" time="${time}" status="${junitStatus(leaf.status)}">\n` +
    (errs === '' ? '' : `      <system-out>${xml(errs)}</system-out>\n`) +
    (leaf.output === '' ? '' : `      <system-err>${xml(leaf.output)}</system-err>\n`) +
    '    </testcase>\n'
  );
}

/** The suite's `junit.xml`. */
export function junitXml(report: ConformanceReport): string {
  const time = ((report.stop.getTime() - report.start.getTime()) / 1000).toFixed(6);
  const counts = `tests="${report.total}" failures="${report.failed}" errors="${report.errors}"`;
  const optional = `${report.disabled > 0 ? ` disabled="${report.disabled}"` : ''}${report.skipped > 0 ? ` skipped="${report.skipped}"` : ''}`;
  return (
    `<testsuites time="${time}" ${counts}${optional}>\n` +
    `  <testsuite name="${xml(report.results.name)}" ${counts}${optional} time="${time}">\n` +
    `    <properties>\n      <property name="Config" value="${xml(dump(report.config))}"></property>\n    </properties>\n` +
    report.results.leaves().map(testCase).join('') +
    '  </testsuite>\n</testsuites>\n'
  );
}

/** The suite's `results.yaml`: the configuration and the status of each API and data set. */
export function resultsYaml(report: ConformanceReport): string {
  return dump({ config: report.config, apis: report.apis, data: report.data });
}

import { evidenceLines, type Finding } from '../engine/finding';
import type { ReportContext } from './formats';
import { SEVERITY_NAMES, type LintReport } from './report';
import { displayPath } from './stylish';

/**
 * JUnit XML, for CI test-report views: one `<testsuite>` per file (its path relative to the
 * working folder: each linted file, then referenced files that have findings), and in it one
 * `<testcase>` per rule (name = rule id, classname = file): passing when the rule found
 * nothing there, else with one `<failure>` listing its findings, `line:col severity message`.
 * The rules are the run's (context.rules) plus any other code that reported (a Spectral rule).
 * Every finding is a failure whatever its severity (the severity is in the text): which
 * severities fail the build is the exit code's business (`--fail-severity`), not the report's.
 * The failure's `type` is the most severe of them. A file that could not be linted is a
 * testcase named `lint` with an `<error>`.
 */
export function formatJunit(report: LintReport, context: ReportContext): string {
  const byFile = new Map<string, Map<string, Finding[]>>(report.files.map((file) => [file, new Map()]));
  for (const finding of report.findings) {
    const rules = byFile.get(finding.source) ?? new Map<string, Finding[]>();
    rules.set(finding.code, [...(rules.get(finding.code) ?? []), finding]);
    byFile.set(finding.source, rules);
  }
  const ruleIds = context.rules.map((rule) => rule.meta.id);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, found] of byFile) {
    const name = displayPath(file, context.cwd);
    const codes = [...new Set([...ruleIds, ...found.keys()])].sort();
    let failed = 0;
    const cases = codes.map((code) => {
      const findings = found.get(code);
      if (!findings) return `    <testcase name="${xml(code)}" classname="${xml(name)}"/>`;
      failed++;
      const body = findings
        .map((finding) => {
          const line = `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${SEVERITY_NAMES[finding.severity]} ${finding.message}`;
          return finding.evidence ? [line, ...evidenceLines(finding.evidence).map((text) => `  ${text}`)].join('\n') : line;
        })
        .join('\n');
      return (
        `    <testcase name="${xml(code)}" classname="${xml(name)}">\n` +
        `      <failure message="${xml(findings[0].message)}" type="${SEVERITY_NAMES[Math.min(...findings.map((finding) => finding.severity))]}">${xml(body, false)}</failure>\n` +
        `    </testcase>`
      );
    });
    tests += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failed}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  for (const error of report.errors) {
    const name = displayPath(error.file, context.cwd);
    const where = error.range ? `:${error.range.start.line + 1}:${error.range.start.character + 1}` : '';
    const text = `${name}${where}: ${error.message}${error.hint ? `\n${error.hint}` : ''}`;
    tests++;
    suites.push(
      `  <testsuite name="${xml(name)}" tests="1" failures="0" errors="1">\n` +
        `    <testcase name="lint" classname="${xml(name)}">\n` +
        `      <error message="${xml(error.message)}">${xml(text, false)}</error>\n` +
        `    </testcase>\n` +
        `  </testsuite>`,
    );
  }
  const head = `<testsuites name="restlint" tests="${tests}" failures="${failures}" errors="${report.errors.length}">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites, '</testsuites>', ''].join('\n');
}

/**
 * Text for an XML attribute (or, with `attribute` false, element content). XML 1.0 cannot hold
 * most control characters even as references, so they become U+FFFD. In an attribute, tab,
 * newline and carriage return are references, or a parser would turn them into spaces; in
 * element content only a carriage return is (a parser would turn it into a newline).
 */
export function xml(text: string, attribute = true): string {
  const escaped = text
    // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
  if (!attribute) return escaped;
  return escaped.replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

import { writeFileSync } from 'node:fs';
import { sep } from 'node:path';
import type { Finding } from '../engine/finding';
import type { AnyRule } from '../engine/rule';
import { colorsFor } from '../report/colors';
import { REPORTERS, type Reporter } from '../report/formats';
import type { HtmlRun } from '../report/html';
import type { LintReport } from '../report/report';
import { displayPath } from '../report/stylish';
import { outputPath, UsageError } from './files';
import { keyFindings, keyString } from './fingerprint';
import { rulesDir } from '../engine/rule-docs';

export interface WriteOptions {
  /** `--quiet`: reporters leave out their summary lines. */
  quiet?: boolean;
  /** Where a format without `--output` goes: stdout, or stderr when stdout carries something else (the `--fix-dry-run` diff). */
  stream?: NodeJS.WriteStream;
  /** Reporters that replace REPORTERS' for some formats (`restlint diff`'s markdown changelog). */
  reporters?: Record<string, Reporter>;
  /** The run, for the HTML report. */
  run?: HtmlRun;
  /** The report a format shows, where it is not `report` (`restlint diff` places removals in the new document for SARIF, GitHub and GitLab). */
  reportFor?(format: string): LintReport | undefined;
}

/**
 * Writes each requested format (`lint` and `probe` alike): to its `--output` file (no colour),
 * or to stdout (options.stream). `rules` are the rules the run used (JUnit lists each as a test case).
 */
export function writeOutputs(report: LintReport, outputs: { format: string; file?: string }[], rules: readonly AnyRule[], cwd: string, options: WriteOptions = {}): void {
  const stream = options.stream ?? process.stdout;
  for (const { format, file } of outputs) {
    const reporter = options.reporters?.[format] ?? REPORTERS[format];
    if (!reporter) throw new UsageError(`unknown format "${format}" (known: ${Object.keys(REPORTERS).join(', ')})`);
    const colors = colorsFor(file ? {} : stream);
    const text = reporter(options.reportFor?.(format) ?? report, { rules, rulesDir: rulesDir(), colors, cwd, quiet: options.quiet, run: options.run, findingKey: findingKeys(report.findings, cwd) });
    if (!file) {
      stream.write(text);
      continue;
    }
    writeFileSync(outputPath(file, '--output', cwd), text);
  }
}

/** The baseline's key of each finding (src/cli/fingerprint.ts), with files relative to `cwd`: computed on first use. */
function findingKeys(findings: readonly Finding[], cwd: string): (finding: Finding) => string {
  let keys: Map<Finding, string> | undefined;
  return (finding) => {
    if (!keys) {
      const list = keyFindings(findings, (source) => displayPath(source, cwd).split(sep).join('/'));
      keys = new Map(findings.map((each, index) => [each, keyString(list[index])]));
    }
    return keys.get(finding) ?? keyString(keyFindings([finding], (source) => displayPath(source, cwd).split(sep).join('/'))[0]);
  };
}

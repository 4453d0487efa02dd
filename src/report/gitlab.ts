import { sep } from 'node:path';
import type { Finding } from '../engine/finding';
import type { ReportContext } from './formats';
import type { LintReport } from './report';
import { displayPath } from './stylish';

/** GitLab's five severities; restlint's error is `major` (ranked above warnings in the merge request widget), info and hint are `info`. */
const SEVERITIES = ['major', 'minor', 'info', 'info'] as const;

/** One entry of a GitLab Code Quality report (the subset of the Code Climate issue GitLab reads). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/**
 * GitLab Code Quality (`artifacts: reports: codequality`): a JSON array, one issue per finding,
 * with the fields GitLab documents: description, check_name, fingerprint, severity and
 * location (path relative to the working folder, the checkout in a pipeline; lines.begin
 * one-based). GitLab tells a new issue from a fixed one by its fingerprint, so it is the
 * baseline's (context.findingKey: rule, file and a hash of the offending node, never the line),
 * and the n-th finding with the same key gets n in its hash too, as GitLab shows only the
 * first of equal fingerprints. A file that could not be linted is a `blocker` issue
 * (check_name `restlint`), so the widget shows it.
 */
export function formatGitlab(report: LintReport, context: ReportContext): string {
  const keyOf = context.findingKey ?? ((finding: Finding) => [finding.code, pathOf(finding.source, context.cwd), JSON.stringify(finding.path), finding.message].join('\0'));
  const seen = new Map<string, number>();
  const unique = (key: string) => {
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return hash(occurrence === 0 ? key : `${key}\0${occurrence}`);
  };
  const issues: CodeQualityIssue[] = report.findings.map((finding) => ({
    description: finding.message,
    check_name: finding.code,
    fingerprint: unique(keyOf(finding)),
    severity: SEVERITIES[finding.severity],
    location: { path: pathOf(finding.source, context.cwd), lines: { begin: finding.range.start.line + 1 } },
  }));
  for (const error of report.errors) {
    const path = pathOf(error.file, context.cwd);
    issues.push({
      description: error.hint ? `${error.message} (${error.hint})` : error.message,
      check_name: 'restlint',
      fingerprint: unique(['restlint', path, error.message].join('\0')),
      severity: 'blocker',
      location: { path, lines: { begin: error.range ? error.range.start.line + 1 : 1 } },
    });
  }
  return JSON.stringify(issues, null, 2) + '\n';
}

function pathOf(file: string, cwd: string): string {
  return displayPath(file, cwd).split(sep).join('/');
}

function hash(text: string): string {
  // Required here: node:crypto loads a dozen modules, which a lint that needs no hash would pay for at start-up.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

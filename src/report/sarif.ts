import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { evidenceLines, type Finding } from '../engine/finding';
import { SEVERITY_NUMBER, type AnyRule, type TextEdit } from '../engine/rule';
import { docPathOf, docSection, docUrlOf, INFORMATION_URI } from '../engine/rule-docs';
import { spectralRuleInfo } from '../engine/spectral/lint';
import type { ReportContext } from './formats';
import type { LintReport } from './report';
import { displayPath } from './stylish';

/** Set by scripts/build.mjs in the bundle; undefined when the sources run under tsx. */
declare const RESTLINT_VERSION: string | undefined;

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF has three levels that mean something to code scanning; a hint is a note. */
const LEVELS = ['error', 'warning', 'note', 'note'] as const;

/** Where the reporter finds what is not in the findings: the rule docs and the tool version. */
export interface SarifDocs {
  /** The folder of `<id>.md` rule docs. */
  rulesDir: string;
  version: string;
}

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run, the rules that
 * have a finding in this run (not every rule: each carries its whole doc as help, and a
 * log that lists forty rules to report one finding is mostly noise), one result per
 * finding, and a `fixes` entry where the rule's fix is safe (`meta.fix: 'yes'`).
 */
export function formatSarif(report: LintReport, context: ReportContext, docs: SarifDocs): string {
  const known = new Map(context.rules.map((rule) => [rule.meta.id, rule]));
  const codes = [...new Set(report.findings.map((finding) => finding.code))].sort();
  const indexOf = new Map(codes.map((code, index) => [code, index]));
  const rules = codes.map((code) => {
    const rule = known.get(code);
    // A finding from outside restlint's rules (a Spectral ruleset, say) still needs a descriptor:
    // its ruleset's description and doc link, where it gives them.
    return rule ? ruleDescriptor(rule, docs.rulesDir) : spectralDescriptor(code);
  });
  const results = report.findings.map((finding) => result(finding, indexOf.get(finding.code)!, known.get(finding.code), context.cwd));
  const log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'restlint', version: docs.version, informationUri: INFORMATION_URI, rules } },
        // Relative URIs below are relative to the folder restlint ran in.
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(context.cwd) } },
        // LSP characters, which findings use, are UTF-16 code units: SARIF's default, said outright.
        columnKind: 'utf16CodeUnits',
        // Files that could not be linted are not results (there is no rule to blame) but the run says so.
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: report.errors.map((error) => ({
              level: 'error',
              message: { text: error.hint ? `${error.message} (${error.hint})` : error.message },
              locations: [{ physicalLocation: { artifactLocation: artifact(error.file, context.cwd), ...(error.range ? { region: region(error.range) } : {}) } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(rule: AnyRule, rulesDir: string) {
  const { meta } = rule;
  // A rule's doc is rules/<id>.md; a `restlint diff` change id's, rules/changes/<id>.md. Without
  // one (a rules folder that does not ship them), the one-line description stands in.
  const file = docPathOf(rulesDir, meta.id);
  const documented = existsSync(file);
  const markdown = documented ? readFileSync(file, 'utf8') : meta.description;
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: docSection(markdown, 'What it does') ?? docSection(markdown, 'What it detects') ?? meta.description },
    help: { text: markdown, markdown },
    ...(documented ? { helpUri: docUrlOf(meta.id) } : {}),
    defaultConfiguration: { level: LEVELS[SEVERITY_NUMBER[meta.severity]] },
    // `tags` shows as the rule's category in code scanning; `precision` feeds its ranking.
    properties: { tags: [meta.group], precision: 'very-high' },
  };
}

function spectralDescriptor(code: string) {
  const info = spectralRuleInfo(code);
  return {
    id: code,
    ...(info?.description ? { shortDescription: { text: info.description }, fullDescription: { text: info.description } } : {}),
    ...(info?.documentationUrl ? { helpUri: info.documentationUrl } : {}),
  };
}

function result(finding: Finding, ruleIndex: number, rule: AnyRule | undefined, cwd: string) {
  const location = artifact(finding.source, cwd);
  const out: Record<string, unknown> = {
    ruleId: finding.code,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.evidence ? [finding.message, ...evidenceLines(finding.evidence)].join('\n') : finding.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(finding.range) } }],
    partialFingerprints: { 'restlint/v1': fingerprint(finding, cwd) },
  };
  // Only safe fixes: a `doc` fix (renaming a published path) is an editor offer, not a suggestion to apply.
  if (finding.fix && finding.fix.length > 0 && rule?.meta.fix === 'yes') {
    out.fixes = [
      {
        description: { text: `Fix ${finding.code}` },
        artifactChanges: [{ artifactLocation: location, replacements: finding.fix.map(replacement) }],
      },
    ];
  }
  return out;
}

function replacement(edit: TextEdit) {
  return { deletedRegion: region(edit.range), insertedContent: { text: edit.newText } };
}

/** Zero-based LSP range → one-based SARIF region; both ends exclusive at the end. */
function region(range: TextEdit['range']) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/**
 * A file under the working folder is a relative URI against %SRCROOT% (so the log does not
 * depend on where the checkout is); anything else is an absolute file URI.
 */
function artifact(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(file, cwd);
  if (shown === file) return { uri: pathToFileURL(file).href };
  return { uri: shown.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function directoryUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * What code scanning uses to follow one finding across commits: the rule, the file, the JSON
 * path and the message, never the line (a line inserted above must not make it a new alert).
 */
function fingerprint(finding: Finding, cwd: string): string {
  const parts = [finding.code, displayPath(finding.source, cwd).split(sep).join('/'), JSON.stringify(finding.path), finding.message];
  // Required here: node:crypto loads a dozen modules, which a lint that needs no hash would pay for at start-up.
   
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/** The version in the bundle, or package.json's when the sources run directly (tests under tsx). */
export function restlintVersion(): string {
  if (typeof RESTLINT_VERSION === 'string') return RESTLINT_VERSION;
  for (let folder = __dirname; ; folder = dirname(folder)) {
    const file = join(folder, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'restlint' && pkg.version) return pkg.version;
    }
    if (dirname(folder) === folder) return '0.0.0';
  }
}

import { applyFixes } from '../../src/cli/fix';
import { parseConfig, recommendedSettings, Config } from '../../src/engine/config/config';
import type { Finding } from '../../src/engine/finding';
import { lintSource } from '../../src/engine/lint';
import type { AnyRule } from '../../src/engine/rule';
import { parseSourceText, SourceError, type SourceFile } from '../../src/engine/source/source-file';
import { allRules } from '../../rules';

/** Where in-memory test documents pretend to live. */
export const VIRTUAL_ROOT = '/virtual';
export const ENTRY = `${VIRTUAL_ROOT}/openapi.yaml`;

export interface LintTextOptions {
  /** A `.restlint.yaml` text; default: restlint:recommended. */
  config?: string;
  /** Other files the entry may `$ref`, by path relative to VIRTUAL_ROOT. */
  files?: Record<string, string>;
  rules?: readonly AnyRule[];
}

/** Lints an in-memory document through the real engine (parse, resolve, walk, rules). */
export function lintText(text: string, options: LintTextOptions = {}): Finding[] {
  const rules = options.rules ?? allRules;
  const config = options.config
    ? parseConfig(`${VIRTUAL_ROOT}/.restlint.yaml`, options.config, rules)
    : new Config(undefined, recommendedSettings(rules), [], VIRTUAL_ROOT);
  const files = new Map<string, SourceFile>();
  const load = (path: string): SourceFile => {
    const cached = files.get(path);
    if (cached) return cached;
    const relative = path.slice(VIRTUAL_ROOT.length + 1);
    const content = options.files?.[relative];
    if (content === undefined) throw new SourceError('missing', path, 'file not found');
    const source = parseSourceText(path, content);
    files.set(path, source);
    return source;
  };
  const entry = parseSourceText(ENTRY, text);
  files.set(ENTRY, entry);
  return lintSource(entry, { rules, config, root: VIRTUAL_ROOT }, load);
}

/** Findings of one rule only, as `{ message, range }` with one-based `line:col-line:col` for readable asserts. */
export function findingsOf(findings: Finding[], code: string): { message: string; at: string; severity: number }[] {
  return findings
    .filter((finding) => finding.code === code)
    .map((finding) => ({ message: finding.message, at: formatRange(finding.range), severity: finding.severity }));
}

export function formatRange(range: Finding['range']): string {
  const { start, end } = range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** A minimal 3.0 document with the given `paths:` block (indented by two spaces per level). */
export function openapi(paths: string, extra = ''): string {
  return `openapi: 3.0.3\ninfo: { title: Test, version: '1' }\n${extra}paths:\n${paths}`;
}

/** The text after applying the fix of every finding of `code` on it (as --fix applies them, in one pass). */
export function fixedText(text: string, code: string, options: LintTextOptions = {}): string {
  const fixes = lintText(text, options).flatMap((finding) => (finding.code === code && finding.fix ? [finding.fix] : []));
  if (fixes.length === 0) throw new Error(`no ${code} finding with a fix`);
  return applyFixes(text, fixes);
}

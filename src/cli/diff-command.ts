import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, ConfigFinder, type Config } from '../engine/config/config';
import { CHANGE_RULES } from '../engine/diff/changes';
import { diffDocuments, type Change } from '../engine/diff/diff';
import { diffFindings } from '../engine/diff/findings';
import { placeInNew } from '../engine/diff/placement';
import { compareFindings, type Finding } from '../engine/finding';
import { openDocument, type OpenDocument } from '../engine/document';
import { SEVERITY_NUMBER } from '../engine/rule';
import { nearestFolder, openDocumentAt, repositoryOf, resolveCommit, treeAt, type TreeAt } from '../engine/source/git-tree';
import { SourceError } from '../engine/source/source-file';
import { colorsFor } from '../report/colors';
import { formatChangelog } from '../report/changelog';
import type { LintReport } from '../report/report';
import { displayPath } from '../report/stylish';
import { lintRules } from '../../rules';
import { maxBytesOf, outputPath, UsageError } from './files';
import { EXIT, type ReportingArgs } from './lint-command';
import { writeOutputs } from './outputs';
import { asUsage } from './since';

export interface DiffArgs extends ReportingArgs {
  old: string;
  new?: string;
  /** `--since <ref>`: the old side is `old` (then the only file) at this git ref. */
  since?: string;
}

/** One side of the diff as opened: its document, how to name it, and how to name its files in reports. */
interface OpenedSide {
  document: OpenDocument;
  /** Report name of a file of this side: itself, or `ref:path` for a file read from git. */
  nameOf(file: string): string;
  /** The git ref it was read at (`ref:path`, `--since ref`). */
  ref?: string;
}

/**
 * Formats whose viewers place each result on a file of the checkout (code scanning, pull
 * request annotations, merge request widgets): a removal is shown where the new document
 * still has the nearest part of it, since `main:openapi.yaml` or a deleted file cannot be.
 */
const ANNOTATION_FORMATS = new Set(['sarif', 'github', 'gitlab']);

/**
 * `restlint diff <old> <new>` and `restlint diff <file> --since <ref>`: the changes between two
 * versions of an API, breaking ones at `error`. 0 when no change is at or above --fail-severity,
 * 1 when one is, 2 when a side cannot be read (naming the side and the file).
 */
export async function diffCommand(args: DiffArgs): Promise<number> {
  const cwd = process.cwd();
  for (const output of args.outputs) {
    if (output.file !== undefined) outputPath(output.file, '--output', cwd, true);
  }
  let oldSpec = args.old;
  let newSpec = args.new;
  if (args.since !== undefined) {
    if (newSpec !== undefined) throw new UsageError('restlint diff --since <ref> takes one file (the new side); its old side is the same file at the ref');
    if (args.since.startsWith('-') || args.since === '') throw new UsageError(`--since ${args.since}: not a git ref; name a branch, tag or commit, e.g. --since origin/main`);
    newSpec = args.old;
    oldSpec = `${args.since}:${args.old}`;
  }
  if (newSpec === undefined) throw new UsageError('restlint diff needs two sides: restlint diff <old> <new>, or restlint diff <file> --since <ref>');
  const maxBytes = maxBytesOf(args.maxFileSize);
  const root = args.root === undefined ? undefined : resolve(cwd, args.root);
  const temps: TreeAt[] = [];
  const stderr = colorsFor(process.stderr);
  const sideError = (which: 'old' | 'new', spec: string, file: string, message: string, line?: number, hint?: string): number => {
    const where = `${displayPath(file, cwd)}${line === undefined ? '' : `:${line + 1}`}`;
    process.stderr.write(`${stderr.red('error')} the ${which} side (${spec}) cannot be read: ${where}: ${message}${hint ? `\n  ${stderr.dim(hint)}` : ''}\n`);
    return EXIT.usage;
  };
  try {
    const sides: Partial<Record<'old' | 'new', OpenedSide>> = {};
    for (const [which, spec] of [['old', oldSpec], ['new', newSpec]] as const) {
      try {
        sides[which] = openSide(spec, cwd, { maxBytes, root }, temps);
      } catch (error) {
        if (error instanceof SourceError) return sideError(which, spec, error.file, error.message, error.range?.start.line, error.hint);
        throw error;
      }
    }
    const old = sides.old!;
    const now = sides.new!;
    let changes: Change[];
    try {
      changes = diffDocuments(old.document, now.document);
    } catch (error) {
      // A file a $ref brings in that cannot be parsed: the side whose document read it.
      if (error instanceof SourceError) {
        const which = old.document.tried().includes(error.file) ? 'old' : 'new';
        const side = which === 'old' ? old : now;
        return sideError(which, which === 'old' ? oldSpec : newSpec, side.nameOf(error.file), error.message, error.range?.start.line, error.hint);
      }
      throw error;
    }
    // The config of the new side's file (given, or found by walking up from it).
    let config: Config;
    try {
      const finder = new ConfigFinder(lintRules, { configPath: args.config === undefined ? undefined : resolve(cwd, args.config) });
      config = finder.configFor(now.document.file);
    } catch (error) {
      if (error instanceof ConfigError) {
        process.stderr.write(`${stderr.red('error')} ${displayPath(error.file, cwd)}${error.range ? `:${error.range.start.line + 1}` : ''}: invalid config: ${error.message}\n`);
        return EXIT.usage;
      }
      throw error;
    }
    // The config's severities, and `x-restlint-ignore: { <change-id>: reason }` on a node of the new document.
    const items = diffFindings(changes, { config, newDocument: now.document, nameOf: (side, file) => (side === 'old' ? old : now).nameOf(file) });
    const findings = items.map((item) => item.finding);
    const threshold = SEVERITY_NUMBER[args.failSeverity];
    const isShown = (finding: Finding) => !args.quiet || finding.severity <= threshold;
    const files = [now.nameOf(now.document.file)];
    const report: LintReport = { findings: findings.filter(isShown), errors: [], files };
    const placement = { oldDocument: old.document, newDocument: now.document, oldPlace: (file: string, line: number) => `${displayPath(old.nameOf(file), cwd)}:${line}`, since: old.ref };
    let placed: LintReport | undefined;
    const reportFor = (format: string) => {
      if (!ANNOTATION_FORMATS.has(format)) return undefined;
      placed ??= { findings: items.map((item) => placeInNew(item, placement)).filter(isShown).sort(compareFindings), errors: [], files };
      return placed;
    };
    writeOutputs(report, args.outputs, CHANGE_RULES, cwd, { quiet: args.quiet, reporters: { markdown: formatChangelog }, reportFor });
    return findings.some((finding) => finding.severity <= threshold) ? EXIT.findings : EXIT.ok;
  } finally {
    for (const tree of temps) tree.dispose();
  }
}

/**
 * Opens one side: a file, or `ref:path` (the file and every file in the repository at that git
 * ref, written to a temporary folder that mirrors the repository, so its $refs resolve as they
 * did). A path that exists is a file, whatever its name holds.
 */
function openSide(spec: string, cwd: string, options: { maxBytes: number; root?: string }, temps: TreeAt[]): OpenedSide {
  const colon = spec.indexOf(':');
  const isFile = existsSync(resolve(cwd, spec)) || colon <= 0 || /^[a-z]:[\\/]/i.test(spec);
  if (isFile) {
    const document = openDocument(resolve(cwd, spec), options);
    return { document, nameOf: (file) => file };
  }
  const ref = spec.slice(0, colon);
  const path = spec.slice(colon + 1);
  if (ref.startsWith('-')) throw new UsageError(`${spec}: "${ref}" is not a git ref; name a branch, tag or commit, e.g. origin/main:openapi.yaml`);
  const absolute = resolve(cwd, path);
  const top = asUsage(spec, () => repositoryOf(nearestFolder(dirname(absolute))));
  const commit = asUsage(spec, () => resolveCommit(top, ref));
  const tree = asUsage(spec, () => treeAt(top, ref, commit, 'restlint-diff-'));
  temps.push(tree);
  return { document: openDocumentAt(tree, absolute, options), nameOf: tree.nameOf, ref };
}

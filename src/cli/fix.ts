import { accessSync, chmodSync, constants, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ConfigFinder } from '../engine/config/config';
import { lintEntry } from '../engine/entry';
import type { Finding } from '../engine/finding';
import type { TextEdit } from '../engine/rule';
import { parseSourceText } from '../engine/source/source-file';
import { LineIndex } from '../engine/source/line-index';
import type { FileError } from '../report/report';
import { allRules } from '../../rules';
import { configsFor, type FileOutcome, type LintTask } from './lint-worker';
import { unifiedDiff } from './unified-diff';

/** Like ESLint: fixes that overlap wait for the next pass; give up after this many. */
export const MAX_FIX_PASSES = 10;

/** Only rules whose fix is safe on a published API (`fix: 'yes'`); `doc` fixes (path renames) are for editors. */
const SAFE_FIX_RULES = new Set(allRules.filter((rule) => rule.meta.fix === 'yes').map((rule) => rule.meta.id));

export type FixMode = 'write' | 'dry-run';

export interface FixResult {
  /** The outcomes to report: after the fixes (`write`), or unchanged (`dry-run`, or when writing failed). */
  outcomes: FileOutcome[];
  /** Files the fixes could not be written to; nothing was written then. */
  errors: FileError[];
  /** `dry-run`: the unified diff of every file a fix changes. */
  diff: string;
  /** Fixes applied (`write`: written to the files) or that would be (`dry-run`), and the files they change. */
  fixed: { findings: number; files: number };
  /** Safe fixes not applied, each with the finding it would fix and why not. */
  heldBack: HeldBackFix[];
}

/** A safe fix `--fix` did not apply, and why. */
export interface HeldBackFix {
  finding: Finding;
  reason: string;
}

/**
 * `--fix` and `--fix-dry-run`. Edits are applied to the source text (never a re-serialised
 * document), in memory, pass after pass: each pass applies the fixes that do not overlap an
 * earlier one and re-lints the edited texts, until nothing changes or MAX_FIX_PASSES. Only
 * then are the files written (`write`), all or none, or diffed (`dry-run`).
 */
export function runFixes(outcomes: FileOutcome[], task: LintTask, mode: FixMode, cwd: string): FixResult {
  const configs = configsFor(task);
  const texts = new Map<string, FileText>();
  const applied = new Map<string, number>();
  /** Why a fix was not applied, by fixKey, when the safety check refused it. */
  const refused = new Map<string, string>();
  let current = outcomes;
  let ranOut = true;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const changed = new Set<string>();
    for (const [file, fixes] of safeFixesWithFindings(current)) {
      const text = texts.get(file) ?? readText(file);
      if (!text) continue;
      const next = applySafely(file, text.current, fixes, refused);
      if (next.text === text.current) continue;
      text.current = next.text;
      texts.set(file, text);
      applied.set(file, (applied.get(file) ?? 0) + next.applied);
      changed.add(file);
    }
    if (changed.size === 0) {
      ranOut = false;
      break;
    }
    const overlay = new Map([...texts].map(([file, text]) => [file, text.current]));
    current = current.map((outcome) => (touches(outcome, changed) ? relint(outcome, task, overlay, configs) : outcome));
  }
  // What is left with a safe fix was refused, or still overlapped another fix when the passes ran out.
  const heldBack = [...safeFixesWithFindings(current)].flatMap(([file, fixes]) =>
    fixes.map(({ fix, finding }) => ({
      finding,
      reason: refused.get(fixKey(file, fix)) ?? (ranOut ? `it still overlapped another fix after ${MAX_FIX_PASSES} passes; run --fix again` : 'its edit lies outside the file'),
    })),
  );

  const changes = [...texts.values()].filter((text) => text.current !== text.original);
  const fixed = (files: readonly FileText[]) => ({ findings: files.reduce((sum, text) => sum + (applied.get(text.path) ?? 0), 0), files: files.length });
  if (mode === 'dry-run') {
    const diff = changes.map((text) => {
      const name = displayPath(text.path, cwd);
      return unifiedDiff(text.bom + text.original, text.bom + text.current, `a/${name}`, `b/${name}`);
    });
    return { outcomes, errors: [], diff: diff.join(''), fixed: fixed(changes), heldBack };
  }
  const errors = changes.flatMap((text) => unwritable(text.path));
  if (errors.length > 0) return { outcomes, errors, diff: '', fixed: fixed([]), heldBack };
  const written: FileText[] = [];
  for (const text of changes) {
    const error = writeAtomically(text.path, text.bom + text.current);
    if (error) errors.push(error);
    else written.push(text);
  }
  return { outcomes: current, errors, diff: '', fixed: fixed(written), heldBack };
}

/** `fixed 3 findings in 1 file` and a line per fix held back, for stderr (`would fix` in a dry run). */
export function formatFixSummary(result: FixResult, mode: FixMode, cwd: string, quiet: boolean): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const lines: string[] = [];
  if (!quiet) {
    const { findings, files } = result.fixed;
    if (findings === 0 && result.heldBack.length === 0 && result.errors.length === 0) lines.push('nothing to fix: no finding has a safe fix');
    else if (findings > 0) lines.push(`${mode === 'write' ? 'fixed' : 'would fix'} ${plural(findings, 'finding')} in ${plural(files, 'file')}`);
    else if (result.errors.length === 0) lines.push(mode === 'write' ? 'fixed nothing' : 'would fix nothing');
  }
  for (const { finding, reason } of result.heldBack) {
    const where = `${displayPath(finding.source, cwd)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    lines.push(`held back the fix for ${finding.code} at ${where}: ${reason}`);
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** A file being fixed: its text as read (without a byte-order mark, as the parser sees it) and as edited. */
interface FileText {
  path: string;
  bom: string;
  original: string;
  current: string;
}

function readText(path: string): FileText | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // The lint already failed on it and says why.
  }
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const original = bom ? text.slice(1) : text;
  return { path, bom, original, current: original };
}

/** The safe fixes in the outcomes, grouped by the file they edit; the same fix found through two entries counts once. */
export function safeFixesByFile(outcomes: readonly FileOutcome[]): Map<string, TextEdit[][]> {
  return new Map([...safeFixesWithFindings(outcomes)].map(([file, fixes]) => [file, fixes.map(({ fix }) => fix)]));
}

/** safeFixesByFile, each fix with (the first) finding that offers it. */
function safeFixesWithFindings(outcomes: readonly FileOutcome[]): Map<string, { fix: TextEdit[]; finding: Finding }[]> {
  const byFile = new Map<string, Map<string, { fix: TextEdit[]; finding: Finding }>>();
  for (const finding of outcomes.flatMap((outcome) => outcome.findings)) {
    if (!finding.fix?.length || !SAFE_FIX_RULES.has(finding.code)) continue;
    const fixes = byFile.get(finding.source) ?? new Map<string, { fix: TextEdit[]; finding: Finding }>();
    const key = JSON.stringify(finding.fix);
    if (!fixes.has(key)) fixes.set(key, { fix: finding.fix, finding });
    byFile.set(finding.source, fixes);
  }
  return new Map([...byFile].map(([file, fixes]) => [file, [...fixes.values()]]));
}

function fixKey(file: string, fix: readonly TextEdit[]): string {
  return `${file}\0${JSON.stringify(fix)}`;
}

/**
 * Applies fixes (each a list of edits, all or none) to a text. A fix that touches or overlaps
 * one applied before it is skipped, as in ESLint, and left for the next pass: its ranges were
 * computed on the text before the other fix, so applying both could garble it. A fix whose
 * range lies outside the text is skipped too. Everything outside the edits stays byte-identical.
 */
export function applyFixes(text: string, fixes: readonly TextEdit[][]): string {
  return applyCounting(text, fixes).text;
}

/** applyFixes, and how many of the fixes it applied. */
function applyCounting(text: string, fixes: readonly TextEdit[][]): { text: string; applied: number } {
  // Positions are read as the engine made them (src/engine/source/line-index.ts); one outside the text is refused.
  const lines = new LineIndex(text);
  const offsetOf = (position: TextEdit['range']['start']) => lines.offsetAt(position);

  type Span = { start: number; end: number; newText: string };
  const candidates: Span[][] = [];
  for (const fix of fixes) {
    const spans = fix.map((edit) => ({ start: offsetOf(edit.range.start), end: offsetOf(edit.range.end), newText: edit.newText }));
    if (spans.some((span) => span.start === undefined || span.end === undefined || span.end < span.start)) continue;
    const sorted = (spans as Span[]).sort((a, b) => a.start - b.start || a.end - b.end);
    if (sorted.some((span, index) => index > 0 && span.start <= sorted[index - 1].end)) continue; // overlaps itself
    candidates.push(sorted);
  }
  candidates.sort((a, b) => a[0].start - b[0].start || a[a.length - 1].end - b[b.length - 1].end);

  const accepted: Span[] = [];
  let lastEnd = -1;
  let applied = 0;
  for (const spans of candidates) {
    if (spans[0].start <= lastEnd) continue;
    accepted.push(...spans);
    applied++;
    lastEnd = spans[spans.length - 1].end;
  }
  let result = text;
  for (const span of accepted.reverse()) result = result.slice(0, span.start) + span.newText + result.slice(span.end);
  return { text: result, applied };
}

/**
 * applyFixes, but a fix may never break the document: the result must parse and keep every key
 * it spells. (Removing the slash of `/pets/` where `/pets` exists makes a duplicate key: YAML
 * rejects it, but JSON.parse keeps the last one, silently dropping a path.) When the fixes
 * together fail that, each is tried alone and only the harmless ones are applied.
 */
function applySafely(path: string, text: string, fixes: { fix: TextEdit[] }[], refused: Map<string, string>): { text: string; applied: number } {
  const all = applyCounting(text, fixes.map(({ fix }) => fix));
  if (harm(path, all.text) === undefined) return all;
  const harmless = fixes.filter(({ fix }) => {
    const why = harm(path, applyFixes(text, [fix]));
    if (why !== undefined) refused.set(fixKey(path, fix), why);
    return why === undefined;
  });
  const next = applyCounting(text, harmless.map(({ fix }) => fix));
  if (harm(path, next.text) === undefined) return next;
  for (const { fix } of harmless) refused.set(fixKey(path, fix), 'together with the other fixes in the file it would break the document');
  return { text, applied: 0 };
}

/**
 * Why a fixed text would break the document, or undefined when it would not: it must parse, and
 * its data must hold every key the text spells (only JSON.parse drops a duplicate; js-yaml rejects one).
 */
function harm(path: string, text: string): string | undefined {
  let file;
  try {
    file = parseSourceText(path, text);
  } catch (error) {
    return /duplicate/i.test((error as Error).message) ? 'it would make a duplicate key (two paths would merge into one)' : 'the fixed document would not parse';
  }
  if (file.format === 'json' && jsonKeysSpelt(text) !== keyCount(file.data)) return 'it would make a duplicate key (two paths would merge into one)';
  return undefined;
}

/** The member keys a JSON text spells: its strings that a `:` follows (in JSON every `"` outside a string opens one). */
function jsonKeysSpelt(text: string): number {
  let count = 0;
  for (const string of text.matchAll(/"(?:[^"\\]|\\.)*"\s*(:?)/g)) if (string[1] === ':') count++;
  return count;
}

/** Keys in every mapping of the data. */
function keyCount(data: unknown): number {
  let count = 0;
  const stack = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    const children = Array.isArray(value) ? value : Object.values(value);
    if (!Array.isArray(value)) count += children.length;
    stack.push(...children);
  }
  return count;
}

/** Whether an entry's lint read one of the changed files (it is one, or has findings in one). */
function touches(outcome: FileOutcome, changed: ReadonlySet<string>): boolean {
  return changed.has(outcome.file) || outcome.findings.some((finding: Finding) => changed.has(finding.source));
}

/** Lints an entry again over the edited texts, in this thread (the texts live here). */
function relint(outcome: FileOutcome, task: LintTask, overlay: ReadonlyMap<string, string>, configs: ConfigFinder): FileOutcome {
  const { findings, failure } = lintEntry(outcome.file, { rules: allRules, configs, root: task.root, maxBytes: task.maxBytes, overlay });
  return failure ? { file: outcome.file, findings, failure } : { file: outcome.file, findings };
}

/** Why a fixed file cannot be written, checked for every file before any is written. */
function unwritable(path: string): FileError[] {
  const hint = 'make it writable (chmod u+w) or run without --fix; no file was changed';
  try {
    // A file with no write bit at all is read-only on purpose, even to root (who passes access()).
    if ((statSync(path).mode & 0o222) === 0) return [{ file: path, message: 'cannot apply fixes: the file is read-only', hint }];
    accessSync(path, constants.W_OK);
    accessSync(dirname(realpathSync(path)), constants.W_OK);
    return [];
  } catch (error) {
    return [{ file: path, message: `cannot apply fixes: ${(error as Error).message}`, hint }];
  }
}

/**
 * Writes next to the file and renames over it, so a crash never leaves half a document. A
 * symlink is followed (its target is rewritten, the link stays), and the file's mode is kept.
 */
function writeAtomically(path: string, text: string): FileError | undefined {
  let temp: string | undefined;
  try {
    const target = realpathSync(path);
    temp = join(dirname(target), `.${basename(target)}.restlint-fix-${process.pid}.tmp`);
    const mode = statSync(target).mode & 0o7777;
    writeFileSync(temp, text, { mode, flag: 'wx' });
    chmodSync(temp, mode); // the umask may have narrowed it
    renameSync(temp, target);
    return undefined;
  } catch (error) {
    if (temp) rmSync(temp, { force: true });
    return { file: path, message: `cannot write fixes: ${(error as Error).message}` };
  }
}

/** The path a diff names: relative to the working folder, with `/` on every platform. */
function displayPath(path: string, cwd: string): string {
  const name = relative(cwd, path) || path;
  return name.split(sep).join('/');
}

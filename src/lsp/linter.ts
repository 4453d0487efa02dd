import { readFileSync } from 'node:fs';
import { ConfigFinder, type Config } from '../engine/config/config';
import type { OpenDocument } from '../engine/document';
import { lintEntry, lintOpened, openEntry, type EntryFailure, type LintOutcome, type OpenedEntry } from '../engine/entry';
import type { Finding } from '../engine/finding';
import type { AnyRule } from '../engine/rule';
import type { ShouldStop } from '../engine/stop';
import { addSpectralFindings } from '../engine/spectral/lint';
import { parseErrorFinding } from './diagnostics';
import { moveFindings } from './kept-findings';
import type { SourceFile } from '../engine/source/source-file';

/** What one lint of an entry document found, per file it touched. */
interface EntryResult {
  /** Every file the lint read: a change to one of them re-lints the entry. */
  files: string[];
  /** Findings by file (absolute path). */
  findings: Map<string, Finding[]>;
  /** The texts those findings were found in (a good result's): kept findings move from them onto newer texts. */
  texts?: Map<string, string>;
}

export interface LinterOptions {
  /** The rules to lint with (those that check documents). */
  rules: readonly AnyRule[];
  /** Every rule a config may name (live-only ones too: the same config serves `restlint.probe`). */
  knownRules: readonly AnyRule[];
  /** The text of a file open in the editor (its unsaved state), or undefined to read it from disk. */
  openText(path: string): string | undefined;
}

/**
 * The editor's view of the project: which OpenAPI documents are linted (entries: open ones
 * and, after "Lint workspace", every one in the workspace), what each found in each file it
 * read, and which entries read which file. Linting is the engine's `lintEntry`, as for the CLI,
 * on the open texts (unsaved config buffers included), so the editor and `restlint lint` agree.
 */
export class Linter {
  private readonly results = new Map<string, EntryResult>();
  /** The last result without a parse error, kept for the rest of a document while it is broken. */
  private readonly lastGood = new Map<string, EntryResult>();
  /** The config and document of each entry's last lint, when it succeeded (undefined while it fails). */
  private readonly linted = new Map<string, { config: Config; document: OpenDocument }>();
  private configs: ConfigFinder;
  /** Problems of config files (a bad `.restlint.yaml`), shown on the config file. */
  private readonly configProblems = new Map<string, Finding>();
  private readonly overlay: { get(path: string): string | undefined };
  /**
   * Entries whose last lint's document may be patched for the next edit instead of parsed again
   * (SourceFile.patchScalar), with the files that were open in the editor then. Dropped when the
   * config reloads or a file changes on disk.
   */
  private readonly patchable = new Map<string, Set<string>>();
  /** How the last lint ran: `incremental` (a patched scalar, no parse) or `full`. */
  lastLintKind: 'incremental' | 'full' = 'full';

  constructor(private readonly options: LinterOptions) {
    this.overlay = { get: (path) => options.openText(path) };
    this.configs = new ConfigFinder(options.knownRules, { overlay: this.overlay });
  }

  /**
   * Forgets every loaded config (a config file or its buffer changed, or the setting did);
   * `configPath` is `restlint.configPath`, when set: one config for every file.
   */
  reloadConfig(configPath?: string): void {
    this.configs = new ConfigFinder(this.options.knownRules, { configPath: configPath || undefined, overlay: this.overlay });
    this.configProblems.clear();
    this.patchable.clear();
  }

  /** Files changed on disk (not in the editor): the documents that read them are parsed again. */
  changedOnDisk(paths: readonly string[]): void {
    for (const entry of [...this.patchable.keys()]) {
      const document = this.linted.get(entry)?.document;
      if (!document || paths.some((path) => document.tried().includes(path))) this.patchable.delete(entry);
    }
  }

  get entries(): string[] {
    return [...this.results.keys()];
  }

  isEntry(path: string): boolean {
    return this.results.has(path);
  }

  /**
   * The entries whose last lint read `path` (the file itself first, when it is an entry), or
   * whose document read it since (`restlint.diff.base` follows $refs the rules did not).
   */
  dependents(path: string): string[] {
    return [...this.results]
      .filter(([entry, result]) => entry === path || result.files.includes(path) || this.linted.get(entry)?.document.tried().includes(path))
      .map(([entry]) => entry);
  }

  /** The files an entry's last lint read (the entry itself when it was never linted). */
  filesOf(entry: string): string[] {
    return this.results.get(entry)?.files ?? [entry];
  }

  forget(entry: string): void {
    this.results.delete(entry);
    this.lastGood.delete(entry);
    this.linted.delete(entry);
    this.patchable.delete(entry);
  }

  /** The config and document the last lint of an entry used, unless it failed (a parse error, a broken config). */
  lastLinted(entry: string): { config: Config; document: OpenDocument } | undefined {
    return this.linted.get(entry);
  }

  /**
   * Lints one entry and records what it found. Returns false when the file is not an OpenAPI
   * document (it is then not an entry). A parse error becomes one finding at its place, and the
   * entry keeps its last good findings for the rest of the document. `shouldStop` abandons the
   * lint (it throws LintStopped, and nothing is recorded).
   */
  async lint(entry: string, shouldStop?: ShouldStop): Promise<boolean> {
    const patched = this.lintPatched(entry, shouldStop);
    this.lastLintKind = patched ? 'incremental' : 'full';
    const result = patched ?? lintEntry(entry, { rules: this.options.rules, configs: this.configs, overlay: this.overlay, shouldStop });
    const { failure } = result;
    this.patchable.delete(entry);
    if (result.opened) this.linted.set(entry, result.opened);
    else this.linted.delete(entry);
    if (failure?.kind === 'config') {
      this.showConfigProblem(failure);
      this.results.set(entry, { files: this.lastGood.get(entry)?.files ?? [entry], findings: this.keptFindings(entry) });
      return true;
    }
    if (failure) {
      if (failure.kind === 'not-openapi' && failure.file === entry) {
        this.forget(entry);
        return false;
      }
      const broken = failure.file;
      // An emptied entry (all deleted, or only whitespace left) keeps nothing: only "file is empty" shows.
      const emptied = broken === entry && (this.textOf(entry) ?? '').trim() === '';
      const findings = emptied ? new Map<string, Finding[]>() : this.keptFindings(entry);
      findings.set(broken, [...(findings.get(broken) ?? []), parseErrorFinding(broken, failure.message, failure.range)]);
      this.results.set(entry, { files: [...new Set([...result.files, ...(this.lastGood.get(entry)?.files ?? [])])], findings });
      return true;
    }
    const config = this.configs.configFor(entry);
    let findings = result.findings;
    // Spectral rulesets read files from disk: they run when the open texts are saved.
    if (config.spectral && result.files.every((file) => this.isSaved(file))) {
      try {
        findings = await addSpectralFindings(entry, config, findings);
      } catch (error) {
        findings = [...findings, parseErrorFinding(config.spectral.file, (error as Error).message, undefined)];
      }
    }
    const byFile = new Map<string, Finding[]>(result.files.map((file) => [file, []]));
    for (const finding of findings) byFile.set(finding.source, [...(byFile.get(finding.source) ?? []), finding]);
    const texts = new Map(result.opened?.document.files().map((file) => [file.path, file.text]));
    const recorded = { files: result.files, findings: byFile, texts };
    if (!config.spectral && result.opened) {
      const open = result.opened.document.tried().filter((file) => this.options.openText(file) !== undefined);
      this.patchable.set(entry, new Set(open));
    }
    this.results.set(entry, recorded);
    this.lastGood.set(entry, recorded);
    return true;
  }

  /**
   * The incremental path: when the only change since the entry's last good lint is one edit of
   * one open file that SourceFile.patchScalar can apply (typing inside a description, a summary,
   * a name), that file is patched instead of parsed and the same document is linted again.
   * Undefined when the edit is any other: the caller lints from scratch.
   */
  private lintPatched(entry: string, shouldStop?: ShouldStop): LintOutcome | undefined {
    const openThen = this.patchable.get(entry);
    const opened = this.linted.get(entry);
    if (!openThen || !opened) return undefined;
    const parsed = new Set(opened.document.files().map((file) => file.path));
    let edit: { file: SourceFile; start: number; end: number; newText: string } | undefined;
    for (const path of opened.document.tried()) {
      const now = this.options.openText(path);
      if ((now !== undefined) !== openThen.has(path)) return undefined; // opened or closed since: its text may differ
      if (now === undefined) continue; // on disk, unchanged (changedOnDisk says otherwise)
      if (!parsed.has(path)) return undefined; // a buffer for a file that was missing
      const file = opened.document.read(path);
      if (file.text === now) continue;
      if (edit) return undefined; // two files changed
      edit = { file, ...changedRegion(file.text, now) };
    }
    if (!edit || !edit.file.patchScalar(edit.start, edit.end, edit.newText)) return undefined;
    return lintOpened(opened, { rules: this.options.rules, shouldStop });
  }

  /** Every file with findings (or that had some: callers clear those), and the merged findings of each. */
  findingsByFile(): Map<string, Finding[]> {
    const merged = new Map<string, Finding[]>();
    const seen = new Set<string>();
    const add = (file: string, finding: Finding) => {
      const key = `${file}\0${finding.code}\0${finding.range.start.line}:${finding.range.start.character}\0${finding.message}`;
      if (!merged.has(file)) merged.set(file, []);
      if (seen.has(key)) return;
      seen.add(key);
      merged.get(file)!.push(finding);
    };
    for (const result of this.results.values()) {
      for (const [file, findings] of result.findings) {
        if (!merged.has(file)) merged.set(file, []);
        for (const finding of findings) add(file, finding);
      }
    }
    for (const [file, problem] of this.configProblems) add(file, problem);
    return merged;
  }

  /** An entry's config and document as the editor sees them (for `restlint.probe`); a config problem is shown on the config file. */
  open(entry: string): OpenedEntry {
    const opened = openEntry(entry, { configs: this.configs, overlay: this.overlay });
    if (opened.failure?.kind === 'config') this.showConfigProblem(opened.failure);
    return opened;
  }

  private showConfigProblem(failure: EntryFailure): void {
    this.configProblems.set(failure.file, parseErrorFinding(failure.file, failure.message, failure.range));
  }

  /**
   * The last good findings of an entry, on the files' current texts (src/lsp/kept-findings.ts):
   * moved with the edits before them, hidden where an edit touched them, without their fixes.
   */
  private keptFindings(entry: string): Map<string, Finding[]> {
    const good = this.lastGood.get(entry);
    const kept = new Map<string, Finding[]>();
    if (!good) return kept;
    for (const [file, findings] of good.findings) {
      const before = good.texts?.get(file);
      const now = this.textOf(file);
      kept.set(file, before === undefined || now === undefined ? [] : moveFindings(findings, before, now));
    }
    return kept;
  }

  /** A file's text as the editor has it (the open buffer, else the file on disk). */
  private textOf(file: string): string | undefined {
    const open = this.options.openText(file);
    if (open !== undefined) return open;
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  private isSaved(file: string): boolean {
    const open = this.options.openText(file);
    if (open === undefined) return true;
    try {
      return readFileSync(file, 'utf8') === open;
    } catch {
      return false;
    }
  }
}

/** Past this many characters, the common start and end of two texts are compared a chunk at a time (natively). */
const CHUNK = 1 << 16;

/** The one region in which `after` differs from `before`: `before[start, end)` became `newText`. */
function changedRegion(before: string, after: string): { start: number; end: number; newText: string } {
  const shortest = Math.min(before.length, after.length);
  let start = 0;
  while (start + CHUNK <= shortest && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const room = shortest - start;
  while (tail + CHUNK <= room && before.slice(before.length - tail - CHUNK, before.length - tail) === after.slice(after.length - tail - CHUNK, after.length - tail)) tail += CHUNK;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}

import { dirname } from 'node:path';
import type { Config } from '../engine/config/config';
import { diffDocuments } from '../engine/diff/diff';
import { diffFindings, type DiffFinding } from '../engine/diff/findings';
import { placeInNew } from '../engine/diff/placement';
import type { OpenDocument } from '../engine/document';
import type { Finding } from '../engine/finding';
import { GitError, nearestFolder, openDocumentAt, repositoryOf, resolveCommit, treeAt, type TreeAt } from '../engine/source/git-tree';
import { SourceError } from '../engine/source/source-file';

export interface DiffBaseOptions {
  /** Tells the user once per setting value that the diff cannot run, and how to fix it (window/showMessage). */
  warn(message: string): void;
}

/** The old side of one entry: the document at the resolved commit, or none (the file is not there: everything is new). */
interface OldSide {
  tree: TreeAt;
  document: OpenDocument | undefined;
}

/**
 * `restlint.diff.base`: the breaking changes of each open document against the same file at a
 * git ref, as `restlint diff ref:file file` reports them (the engine's diffDocuments and
 * diffFindings, the config's severities and `x-restlint-ignore`s), on the editor's texts.
 *
 * The ref is resolved to a commit once per repository when the setting is set and again on
 * save (`refresh`), never per keystroke; the repository's files at that commit are written
 * once to a temporary folder (src/engine/source/git-tree.ts) and each entry's old document is
 * read from there once. A change located in the old document (a removal) is shown in the new
 * document at the nearest node that survives (the path item, or `paths`), its message saying
 * where it was (`ref:path:line`).
 */
export class DiffBase {
  private base = '';
  private warned = false;
  /** Folder → its repository's top, or why it has none. */
  private readonly tops = new Map<string, string | GitError>();
  /** Repository top → the commit the base resolves to there, or why it does not. */
  private readonly commits = new Map<string, string | GitError>();
  /** Repository top → its files at the resolved commit. */
  private readonly trees = new Map<string, TreeAt>();
  private readonly olds = new Map<string, OldSide>();
  /** Entry → the breaking changes shown, by file. */
  private readonly results = new Map<string, Map<string, Finding[]>>();

  constructor(private readonly options: DiffBaseOptions) {}

  get enabled(): boolean {
    return this.base !== '';
  }

  /** The setting's value; a new one forgets every resolved commit, old document and result. */
  setBase(value: string): void {
    const base = value.trim();
    if (base === this.base) return;
    this.base = base;
    this.warned = false;
    this.tops.clear();
    this.commits.clear();
    this.olds.clear();
    this.results.clear();
    this.disposeTrees();
  }

  /**
   * Resolves the base again in every repository seen (a save: the ref may have moved); true
   * when it now names another commit somewhere (then every open document is to be diffed again).
   */
  refresh(): boolean {
    if (!this.enabled) return false;
    let moved = false;
    for (const [top, before] of this.commits) {
      const now = this.resolve(top);
      this.commits.set(top, now);
      if (typeof now !== typeof before || (typeof now === 'string' && now !== before)) moved = true;
    }
    return moved;
  }

  /**
   * Diffs an open entry against its version at the base. `opened` is its config and document as
   * just linted; undefined when the lint failed (a parse error), and then the entry keeps the
   * changes it showed. A failure of git is warned about once, and the entry shows nothing.
   */
  diff(entry: string, opened: { config: Config; document: OpenDocument } | undefined): void {
    if (!this.enabled) return void this.results.delete(entry);
    if (!opened) return;
    const old = this.oldSide(entry);
    if (!old?.document) return void this.results.delete(entry);
    let found: DiffFinding[];
    try {
      found = diffFindings(diffDocuments(old.document, opened.document), { config: opened.config, newDocument: opened.document });
    } catch (error) {
      // A file a $ref brings in that cannot be parsed: lint shows it on the new side; an old one has nothing to compare.
      if (!(error instanceof SourceError)) throw error;
      if (old.document.tried().includes(error.file)) this.results.delete(entry);
      return;
    }
    const byFile = new Map<string, Finding[]>();
    for (const item of found) {
      if (!item.finding.breaking) continue;
      const finding = placeInNew(item, { oldDocument: old.document, newDocument: opened.document, oldPlace: (file, line) => `${old.tree.nameOf(file)}:${line}`, since: old.tree.ref });
      byFile.set(finding.source, [...(byFile.get(finding.source) ?? []), finding]);
    }
    this.results.set(entry, byFile);
  }

  forget(entry: string): boolean {
    this.olds.delete(entry);
    return this.results.delete(entry);
  }

  /** The changes to show, by file (each once, however many entries found it). */
  findingsByFile(): Map<string, Finding[]> {
    const merged = new Map<string, Finding[]>();
    const seen = new Set<string>();
    for (const byFile of this.results.values()) {
      for (const [file, findings] of byFile) {
        for (const finding of findings) {
          const key = `${file}\0${finding.code}\0${finding.range.start.line}:${finding.range.start.character}\0${finding.message}`;
          if (seen.has(key)) continue;
          seen.add(key);
          merged.set(file, [...(merged.get(file) ?? []), finding]);
        }
      }
    }
    return merged;
  }

  /** Removes the temporary folders. */
  dispose(): void {
    this.disposeTrees();
  }

  private disposeTrees(): void {
    for (const tree of this.trees.values()) tree.dispose();
    this.trees.clear();
  }

  private resolve(top: string): string | GitError {
    try {
      return resolveCommit(top, this.base);
    } catch (error) {
      if (error instanceof GitError) return error;
      throw error;
    }
  }

  /** The entry at the base, read once per resolved commit; undefined when git cannot give it (warned). */
  private oldSide(entry: string): OldSide | undefined {
    const folder = dirname(entry);
    let top = this.tops.get(folder);
    if (top === undefined) {
      try {
        top = repositoryOf(nearestFolder(folder));
      } catch (error) {
        if (!(error instanceof GitError)) throw error;
        top = error;
      }
      this.tops.set(folder, top);
    }
    if (top instanceof GitError) return this.failed(top, entry);
    let commit = this.commits.get(top);
    if (commit === undefined) this.commits.set(top, (commit = this.resolve(top)));
    if (commit instanceof GitError) return this.failed(commit, entry);
    let tree = this.trees.get(top);
    if (tree?.commit !== commit) {
      tree?.dispose();
      try {
        tree = treeAt(top, this.base, commit, 'restlint-lsp-diff-');
      } catch (error) {
        if (error instanceof GitError) return this.failed(error, entry);
        throw error;
      }
      this.trees.set(top, tree);
    }
    let old = this.olds.get(entry);
    if (old?.tree !== tree) {
      let document: OpenDocument | undefined;
      try {
        document = openDocumentAt(tree, entry);
      } catch (error) {
        // Not at the ref, or not an OpenAPI document there: everything in it is new.
        if (!(error instanceof SourceError)) throw error;
      }
      this.olds.set(entry, (old = { tree, document }));
    }
    return old;
  }

  private failed(error: GitError, entry: string): undefined {
    if (!this.warned) {
      this.warned = true;
      const setting = `restlint.diff.base "${this.base}"`;
      const fix =
        error.kind === 'unknown-ref'
          ? `${setting}: ${error.message}; set it to a branch, tag or commit that exists (for a remote branch, fetch it first: git fetch origin), or clear the setting`
          : error.kind === 'not-a-repository'
            ? `${setting}: ${entry} is not in a git repository, so it has no version at a git ref; open a clone, or clear the setting`
            : `${setting}: restlint ${error.message}; install git, or clear the setting`;
      this.options.warn(fix);
    }
    return undefined;
  }
}

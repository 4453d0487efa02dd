import type { Finding } from './finding';
import type { NodeLocation } from './model/location';
import type { SourceFile } from './source/source-file';
import type { Part } from './source/span';
import { closestName } from './suggest';

/** The extension key that silences rules inside the object it is written on. */
export const IGNORE_KEY = 'x-restlint-ignore';
const UNUSED_IGNORE = 'unused-ignore';

/** One rule named by an `x-restlint-ignore`: a list item, or a key of the map form. */
interface IgnoreEntry {
  rule: string;
  /** The object the ignore is written on: findings at it or inside it are silenced. */
  scope: readonly string[];
  /** Where the rule is named (the list item or the map key), for reporting the entry itself. */
  at: NodeLocation;
  part: Part;
  used: boolean;
}

/** The messages of the `unused-ignore` rule (rules/unused-ignore.ts), kept beside the code that reports them. */
export const IGNORE_MESSAGES = {
  unused: `${IGNORE_KEY} of "{{rule}}" silences nothing here; remove it`,
  unknown: `${IGNORE_KEY} names unknown rule "{{rule}}"{{suggestion}}; \`restlint rules\` lists them`,
  malformed: `${IGNORE_KEY} takes a list of rule ids, or a map of rule id to the reason it is ignored`,
} as const;

/** Something to report about an ignore: it silenced nothing, names no rule, or is malformed. */
export interface IgnoreProblem {
  messageId: keyof typeof IGNORE_MESSAGES;
  data: Record<string, string>;
  at: NodeLocation;
  part: Part;
}

/**
 * The `x-restlint-ignore`s of a set of files. A finding is silenced only by ignores written
 * in its own file (a referenced file governs its own findings), on an object whose pointer
 * is a prefix of the finding's: the object itself counts, so an ignore inside a path item
 * silences what is reported on the path's key.
 */
export class Ignores {
  private readonly byFile = new Map<string, IgnoreEntry[]>();
  private readonly malformed: IgnoreProblem[] = [];

  /** Reads the ignores of `files`; a file whose text never mentions the key costs one `includes`. */
  static collect(files: Iterable<SourceFile>): Ignores {
    const ignores = new Ignores();
    for (const file of files) if (file.text.includes(IGNORE_KEY)) ignores.read(file);
    return ignores;
  }

  get isEmpty(): boolean {
    return this.byFile.size === 0 && this.malformed.length === 0;
  }

  /** Whether an ignore covers the finding; the ignores that do are marked used. */
  silences(finding: Finding): boolean {
    const entries = this.byFile.get(finding.source);
    if (!entries) return false;
    const pointer = finding.path.map(String);
    let silenced = false;
    for (const entry of entries) {
      if (entry.rule === finding.code && startsWith(pointer, entry.scope)) {
        entry.used = true;
        silenced = true;
      }
    }
    return silenced;
  }

  /**
   * What to report once every finding went through `silences`. Not "unused":
   * - an ignore for a rule that is turned off where it is written: configs differ between
   *   environments (a rule off locally, on in CI), and the ignore is needed where the rule runs;
   * - an ignore outside the entry file: a referenced file may be shared by several entries,
   *   each reaching a different part of it, so one entry cannot tell that it is dead.
   */
  problems(entryPath: string, knownRules: ReadonlySet<string>, isOff: (rule: string, at: NodeLocation) => boolean): IgnoreProblem[] {
    const problems = [...this.malformed];
    for (const entries of this.byFile.values()) {
      for (const entry of entries) {
        if (!knownRules.has(entry.rule)) {
          const suggestion = closestName(entry.rule, [...knownRules]);
          problems.push({ messageId: 'unknown', data: { rule: entry.rule, suggestion: suggestion ? ` (did you mean "${suggestion}"?)` : '' }, at: entry.at, part: entry.part });
        } else if (!entry.used && entry.at.file.path === entryPath && entry.rule !== UNUSED_IGNORE && !isOff(entry.rule, entry.at)) {
          // An ignore of unused-ignore itself is about the other entries, so never reported as unused.
          problems.push({ messageId: 'unused', data: { rule: entry.rule }, at: entry.at, part: entry.part });
        }
      }
    }
    // `x-restlint-ignore: [unused-ignore, …]` keeps the entries beside it quiet.
    return problems.filter((problem) => !this.covers(problem.at, UNUSED_IGNORE));
  }

  private covers(at: NodeLocation, rule: string): boolean {
    const entries = this.byFile.get(at.file.path) ?? [];
    return entries.some((entry) => entry.rule === rule && startsWith(at.pointer, entry.scope));
  }

  private read(file: SourceFile): void {
    // A walk over plain data (no $ref following: each file is read on its own). Objects are
    // visited once by identity, so YAML aliases stay linear.
    const seen = new Set<object>();
    const stack: { value: unknown; pointer: string[] }[] = [{ value: file.data, pointer: [] }];
    while (stack.length > 0) {
      const { value, pointer } = stack.pop()!;
      if (value === null || typeof value !== 'object' || seen.has(value)) continue;
      seen.add(value);
      const object = value as Record<string, unknown>;
      if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(object, IGNORE_KEY)) {
        this.readIgnore(file, pointer, object[IGNORE_KEY]);
      }
      for (const key of Object.keys(object)) {
        if (key !== IGNORE_KEY) stack.push({ value: object[key], pointer: [...pointer, key] });
      }
    }
  }

  private readIgnore(file: SourceFile, scope: string[], value: unknown): void {
    const at = (...segments: string[]): NodeLocation => ({ file, pointer: [...scope, IGNORE_KEY, ...segments] });
    const entries = this.byFile.get(file.path) ?? [];
    const add = (rule: string, where: NodeLocation, part: Part) => entries.push({ rule, scope, at: where, part, used: false });
    const malformed = (where: NodeLocation, part: Part) =>
      this.malformed.push({ messageId: 'malformed', data: {}, at: where, part });
    if (Array.isArray(value)) {
      value.forEach((item, index) => (typeof item === 'string' ? add(item, at(String(index)), 'value') : malformed(at(String(index)), 'value')));
    } else if (value !== null && typeof value === 'object') {
      // Map form: rule id → the reason it is ignored (the reason is for readers; any value is kept).
      for (const rule of Object.keys(value)) add(rule, at(rule), 'key');
    } else if (typeof value === 'string') {
      add(value, at(), 'value');
    } else {
      malformed(at(), 'value');
    }
    if (entries.length > 0) this.byFile.set(file.path, entries);
  }
}

function startsWith(pointer: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= pointer.length && prefix.every((segment, index) => pointer[index] === segment);
}

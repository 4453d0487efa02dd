import { FindingCollector, jsonPath, type Finding } from './finding';
import { CHANGE_BY_ID } from './diff/changes';
import { isInside, RefResolver, resolveAllRefs } from './resolve/refs';
import { SchemaValidator } from './schema/validator';
import type { Direction } from './schema/convert';
import { IGNORE_MESSAGES, Ignores } from './ignores';
import type { Config } from './config/config';
import { openApiVersion } from './document';
import { textEditOf } from './fix-edit';
import { formatMessage, ruleMessage, type Report, type AnyRule, type TextEdit } from './rule';
import { SourceError, type SourceFile } from './source/source-file';
import type { NodeLocation } from './model/location';
import type { Visitors } from './walk/nodes';
import { Walker } from './walk/walker';
import { checkpoint, LintStopped, type ShouldStop } from './stop';
import { documentWideLocation, HabitFindings } from './habits';

export interface LintSourceOptions {
  rules: readonly AnyRule[];
  config: Config;
  /** Folder outside which no referenced file is read. */
  root: string;
  /** Checked between nodes and files: true abandons the lint (LintStopped is thrown). */
  shouldStop?: ShouldStop;
}

/**
 * Lints a parsed document: one walk over it, with every enabled rule's visitors.
 * `load` reads referenced files (and is where a language server serves open buffers).
 * Shells call lintEntry (./entry.ts), which opens the document and picks the config.
 */
export function lintSource(entry: SourceFile, options: LintSourceOptions, load: (path: string) => SourceFile): Finding[] {
  const version = openApiVersion(entry);
  const { config } = options;
  const entrySettings = config.settingsFor(entry.path);
  const enabled = config.rulesEverEnabled();
  const findings = new FindingCollector(config);

  // Every file this lint reads, for their `x-restlint-ignore`s.
  const loaded = new Set<SourceFile>([entry]);
  const loadSeen = (path: string) => {
    checkpoint(options.shouldStop);
    const file = load(path);
    loaded.add(file);
    return file;
  };
  // A referenced file that does not parse is a finding on it and one at each `$ref` to it; the lint goes on.
  const resolver = new RefResolver({ load: loadSeen, root: options.root, unparsable: 'report' });
  const resolve = (value: unknown, at: NodeLocation) => resolver.resolve(value, at);
  // One validator per lint, made on the first call: its compiled schemas serve every rule,
  // and a lint that never validates never loads ajv. It reads files as the resolver does,
  // never outside the root (the resolver reports such a `$ref`; the schema is then not checked).
  let validator: SchemaValidator | undefined;
  const validate = (schema: unknown, schemaAt: NodeLocation, value: unknown, direction?: Direction) => {
    validator ??= new SchemaValidator(version, (path) => {
      if (!isInside(options.root, path)) throw new Error(`${path} is outside the project root`);
      return loadSeen(path);
    }, { nullableEnum: 'spec', allOfClosed: 'siblings', formats: 'standard' });
    return validator.validate({ value: schema, loc: schemaAt }, value, direction);
  };
  const byId = new Map(options.rules.map((rule) => [rule.meta.id, rule]));
  const optionsOf = (id: string): Record<string, unknown> | undefined => {
    const rule = byId.get(id);
    const setting = entrySettings.get(id);
    if (!rule || !setting || setting.severity === 'off') return undefined;
    return { ...(rule.meta.options?.defaults as Record<string, unknown> | undefined), ...setting.options };
  };
  const visitors: Visitors[] = [];
  // Per-operation findings of document-wide habits, held back until the walk ends.
  const habits = new Map<AnyRule, HabitFindings>();
  for (const rule of options.rules) {
    if (!rule.create || !enabled.has(rule.meta.id)) continue;
    const given = entrySettings.get(rule.meta.id)?.options;
    const ruleOptions = rule.meta.options ? { ...rule.meta.options.defaults, ...given } : {};
    const report = (found: Report) => {
      const message = ruleMessage(rule, found.messageId, found.data);
      // As in ESLint, only a rule whose meta says it fixes may attach a fix: `restlint explain`, --fix and the editor trust meta.fix.
      if (found.fix && rule.meta.fix === 'no') throw new Error(`rule ${rule.meta.id} attached a fix, but its meta.fix is 'no'`);
      // A fix is all or nothing: if one edit cannot be placed exactly, none is offered.
      const edits = found.fix;
      const fix = edits
        ? () => {
            const placed = edits.map(textEditOf);
            return placed.every((edit) => edit !== undefined) ? (placed as TextEdit[]) : undefined;
          }
        : undefined;
      const range = () => found.at.file.rangeOf(found.at.pointer, found.part, found.within);
      const input = { code: rule.meta.id, message, at: found.at, range, cap: found.severity, usedBy: found.usedBy, fix };
      if (found.habit === undefined) return findings.add(input);
      if (rule.meta.habits?.[found.habit] === undefined || found.usedBy === undefined) throw new Error(`rule ${rule.meta.id} reported habit "${found.habit}" without its meta.habits message or usedBy`);
      habitsOf(rule).hold(found.habit, found.usedBy, input, found.data);
    };
    const habitsOf = (of: AnyRule) => habits.get(of) ?? habits.set(of, new HabitFindings()).get(of)!;
    const checked = (habit: string, operation: string) => habitsOf(rule).checked(habit, operation);
    visitors.push(guard(rule.meta.id, rule.create({ options: ruleOptions, version, report, checked, resolve, validate, optionsOf })));
  }

  const root = { file: entry, pointer: [] };
  new Walker(visitors, resolver, version, options.shouldStop).walk(entry.data as Record<string, unknown>, root);
  checkpoint(options.shouldStop);
  const documentWide = documentWideLocation(root);
  for (const [rule, held] of habits) {
    const summary = (habit: string, data: Record<string, string | number>) => ({
      code: rule.meta.id,
      message: formatMessage(rule.meta.habits![habit], data),
      at: documentWide,
      range: () => entry.rangeOf(documentWide.pointer, 'key'),
    });
    for (const input of held.settle(summary)) findings.add(input);
  }
  // Every `$ref` is followed even with invalid-ref and unresolved-ref off: a referenced file that
  // does not parse is reported whatever rules are on (an entry whose references are all local and
  // resolve costs one scan of its text).
  const refsStarted = ruleTimings ? performance.now() : 0;
  resolveAllRefs(resolver, root);
  if (ruleTimings) ruleTimings.set('(all $refs)', (ruleTimings.get('(all $refs)') ?? 0) + performance.now() - refsStarted);
  for (const problem of resolver.problems) {
    // A `$ref` to a file that does not parse is marked as that file's error is reported: whatever rules are on.
    if (problem.unparsable) findings.addParseError(problem.at.file.path, problem.message, problem.at.file.rangeOf(problem.at.pointer), jsonPath(problem.at.file.data, problem.at.pointer));
    else findings.add({ code: problem.kind, message: problem.message, at: problem.at, range: () => problem.at.file.rangeOf(problem.at.pointer) });
  }
  for (const error of resolver.unparsable.values()) findings.addParseError(error.file, error.message, error.range);
  // Inline ignores, applied once after every rule ran (src/engine/ignores.ts).
  const ignores = Ignores.collect(loaded);
  if (!ignores.isEmpty) {
    findings.drop((finding) => ignores.silences(finding));
    // `restlint diff`'s change ids are known too; lint never reports them, so their ignores are never "unused" here.
    const known = new Set([...options.rules.map((rule) => rule.meta.id), ...CHANGE_BY_ID.keys()]);
    const isOff = (rule: string, at: NodeLocation) => CHANGE_BY_ID.has(rule) || (config.settingsFor(at.file.path, at.pointer).get(rule)?.severity ?? 'off') === 'off';
    for (const problem of ignores.problems(entry.path, known, isOff)) {
      const message = formatMessage(IGNORE_MESSAGES[problem.messageId], problem.data);
      findings.add({ code: 'unused-ignore', message, at: problem.at, range: () => problem.at.file.rangeOf(problem.at.pointer, problem.part) });
    }
  }
  return findings.results();
}

/**
 * Milliseconds spent in each rule's visitors, collected when RESTLINT_TIMING is set (like
 * ESLint's TIMING): the CLI prints the table on stderr, for finding the rule that is slow.
 */
export const ruleTimings: Map<string, number> | undefined = process.env.RESTLINT_TIMING ? new Map() : undefined;

/** What every visitor is called with, as far as the guard needs to know (the callbacks take narrower node types). */
type VisitedNode = { loc?: NodeLocation } | undefined;

/** A rule that throws names itself and where it was, instead of a bare stack trace. */
function guard(id: string, visitors: Visitors): Visitors {
  const guarded: Record<string, (node: VisitedNode) => void> = {};
  for (const [key, callback] of Object.entries(visitors) as [string, (node: VisitedNode) => void][]) {
    guarded[key] = (node) => {
      const started = ruleTimings ? performance.now() : 0;
      try {
        callback(node);
      } catch (error) {
        // A referenced file that does not parse, met through a rule's resolve(): the entry's failure, not the rule's.
        // A stopped lint (a checkpoint met in resolve()) is not the rule's failure either.
        if (error instanceof SourceError || error instanceof LintStopped) throw error;
        const where = node?.loc ? `${node.loc.file.path}#/${node.loc.pointer.join('/')}` : '';
        throw new Error(`rule ${id} failed on ${key} ${where}: ${(error as Error).message}`, { cause: error });
      } finally {
        if (ruleTimings) ruleTimings.set(id, (ruleTimings.get(id) ?? 0) + performance.now() - started);
      }
    };
  }
  return guarded as Visitors;
}

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, type Config } from './config/config';
import { compareFindings, type Finding } from './finding';
import type { NodeLocation } from './model/location';
import { RefResolver, resolveAllRefs } from './resolve/refs';
import { IGNORE_MESSAGES, Ignores } from './ignores';
import { formatMessage, SEVERITY_NUMBER, type Report, type RuleModule, type Severity, type TextEdit } from './rule';
import { checkTextSize, parseSourceText, readSourceFile, SourceError, type SourceFile, DEFAULT_MAX_BYTES } from './source/source-file';
import type { OpenApiVersion, Visitors } from './walk/nodes';
import { Walker } from './walk/walker';

export interface LintOptions {
  rules: readonly RuleModule<any>[];
  config: Config;
  /** Folder outside which no referenced file is read; default: see projectRoot(). */
  root?: string;
  maxBytes?: number;
  /**
   * Texts to lint instead of what is on disk, by absolute path: `--fix` lints its edits before
   * writing them, an editor lints its unsaved buffers. Undefined for a file: read it from disk.
   */
  overlay?: { get(path: string): string | undefined };
}

export interface LintResult {
  /** The entry file, absolute. */
  file: string;
  findings: Finding[];
  /** Set when the entry (or a file it references) cannot be read, parsed, or is not OpenAPI. */
  error?: SourceError;
  /**
   * Every file the lint read or tried to read (the entry first; a missing referenced file too):
   * an editor re-lints the entry when one of them changes or appears.
   */
  files: string[];
}

/** Lints one OpenAPI document (and the files it references) from disk. */
export function lintFile(path: string, options: LintOptions): LintResult {
  const file = resolve(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const cache = new Map<string, SourceFile>();
  const tried = new Set<string>([file]);
  const load = (target: string): SourceFile => {
    tried.add(target);
    let source = cache.get(target);
    if (!source) {
      const text = options.overlay?.get(target);
      if (text !== undefined) checkTextSize(target, text, { maxBytes });
      source = text === undefined ? readSourceFile(target, { maxBytes }) : parseSourceText(target, text);
      cache.set(target, source);
    }
    return source;
  };
  try {
    const entry = load(file);
    return { file, findings: lintSource(entry, { ...options, root: options.root ?? projectRoot(file) }, load), files: [...tried] };
  } catch (error) {
    if (error instanceof SourceError) return { file, findings: [], error, files: [...tried] };
    throw error;
  }
}

/**
 * Lints a parsed document: one walk over it, with every enabled rule's visitors.
 * `load` reads referenced files (and is where a language server serves open buffers).
 */
export function lintSource(entry: SourceFile, options: LintOptions & { root: string }, load: (path: string) => SourceFile): Finding[] {
  const version = openApiVersion(entry);
  const { config } = options;
  const entrySettings = config.settingsFor(entry.path);
  const enabled = config.rulesEverEnabled();
  // The same finding at the same place is reported once; `users` counts the operations that
  // reached it, when a rule names them (a shared component is used by many).
  const findings = new Map<string, { finding: Finding; users: Set<string> }>();

  const add = (code: string, message: string, at: NodeLocation, range: () => Finding['range'], cap?: Severity, usedBy?: string, fix?: Finding['fix']) => {
    const key = `${code}\0${at.file.path}\0${at.pointer.join('/')}\0${message}`;
    const seen = findings.get(key);
    if (seen) {
      if (usedBy) seen.users.add(usedBy);
      return;
    }
    const configured = config.settingsFor(at.file.path, at.pointer).get(code)?.severity ?? 'off';
    if (configured === 'off') return;
    const severity = cap && SEVERITY_NUMBER[cap] > SEVERITY_NUMBER[configured] ? cap : configured;
    const path = jsonPath(at.file.data, at.pointer);
    const finding: Finding = { code, message, path, severity: SEVERITY_NUMBER[severity], source: at.file.path, range: range() };
    if (fix) finding.fix = fix;
    findings.set(key, { finding, users: new Set(usedBy ? [usedBy] : []) });
  };

  // Every file this lint reads, for their `x-restlint-ignore`s.
  const loaded = new Set<SourceFile>([entry]);
  const loadSeen = (path: string) => {
    const file = load(path);
    loaded.add(file);
    return file;
  };
  const resolver = new RefResolver({ load: loadSeen, root: options.root });
  const resolve = (value: unknown, at: NodeLocation) => resolver.resolve(value, at);
  const visitors: Visitors[] = [];
  for (const rule of options.rules) {
    if (!rule.create || !enabled.has(rule.meta.id)) continue;
    const given = entrySettings.get(rule.meta.id)?.options;
    const ruleOptions = rule.meta.options ? { ...rule.meta.options.defaults, ...given } : {};
    const report = (found: Report) => {
      const template = rule.meta.messages[found.messageId];
      if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown message id "${found.messageId}"`);
      const range = () => found.at.file.rangeOf(found.at.pointer, found.part, found.within);
      // A fix is all or nothing: if one edit cannot be placed exactly, none is offered.
      const edits = found.fix?.map((edit) => ({ range: edit.at.file.editRangeOf(edit.at.pointer, edit.part, edit.within), newText: edit.newText }));
      const fix = edits?.every((edit) => edit.range) ? (edits as TextEdit[]) : undefined;
      add(rule.meta.id, formatMessage(template, found.data), found.at, range, found.severity, found.usedBy, fix);
    };
    visitors.push(guard(rule.meta.id, rule.create({ options: ruleOptions, version, report, resolve })));
  }

  const root = { file: entry, pointer: [] };
  new Walker(visitors, resolver, version).walk(entry.data as Record<string, unknown>, root);
  if (enabled.has('invalid-ref') || enabled.has('unresolved-ref')) {
    const started = ruleTimings ? performance.now() : 0;
    resolveAllRefs(resolver, root);
    if (ruleTimings) ruleTimings.set('(all $refs)', (ruleTimings.get('(all $refs)') ?? 0) + performance.now() - started);
  }
  for (const problem of resolver.problems) {
    add(problem.kind, problem.message, problem.at, () => problem.at.file.rangeOf(problem.at.pointer));
  }
  // Inline ignores, applied once after every rule ran (src/engine/ignores.ts).
  const ignores = Ignores.collect(loaded);
  if (!ignores.isEmpty) {
    for (const [key, { finding }] of findings) if (ignores.silences(finding)) findings.delete(key);
    const known = new Set(options.rules.map((rule) => rule.meta.id));
    const isOff = (rule: string, at: NodeLocation) => (config.settingsFor(at.file.path, at.pointer).get(rule)?.severity ?? 'off') === 'off';
    for (const problem of ignores.problems(entry.path, known, isOff)) {
      const message = formatMessage(IGNORE_MESSAGES[problem.messageId], problem.data);
      add('unused-ignore', message, problem.at, () => problem.at.file.rangeOf(problem.at.pointer, problem.part));
    }
  }
  return [...findings.values()]
    .map(({ finding, users }) => (users.size > 1 ? { ...finding, message: `${finding.message} (shared by ${users.size} operations)` } : finding))
    .sort(compareFindings);
}

/** The OpenAPI version of a parsed file, or a SourceError saying what the file is instead. */
export function openApiVersion(source: SourceFile): OpenApiVersion {
  const data = source.data as Record<string, unknown> | null;
  const notOpenApi = (what: string) =>
    new SourceError(source.path, `not an OpenAPI document: ${what}`, undefined, 'restlint lints OpenAPI 2.0 (swagger: "2.0"), 3.0 and 3.1 documents');
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw notOpenApi(`the top level is ${describe(data)}, not a mapping`);
  if (typeof data.openapi === 'string') {
    if (/^3\.0(\.|$)/.test(data.openapi)) return '3.0';
    if (/^3\.[1-9](\.|$)/.test(data.openapi)) return '3.1';
    const hint = /^2(\.|$)/.test(data.openapi)
      ? 'OpenAPI 2.0 documents say `swagger: "2.0"`, not `openapi: 2.0`'
      : 'restlint reads OpenAPI 3.0 and 3.1 (`openapi: 3.x.y`) and Swagger 2.0 (`swagger: "2.0"`)';
    throw new SourceError(source.path, `unsupported OpenAPI version "${data.openapi}"`, source.rangeOf(['openapi']), hint);
  }
  if (data.swagger !== undefined) {
    if (String(data.swagger) === '2.0' || data.swagger === 2) return '2.0';
    throw new SourceError(source.path, `unsupported Swagger version "${String(data.swagger)}"`, source.rangeOf(['swagger']), 'restlint reads Swagger 2.0');
  }
  if (data.asyncapi !== undefined) throw notOpenApi(`it is an AsyncAPI ${String(data.asyncapi)} document`);
  return (() => {
    throw notOpenApi('it has no `openapi` or `swagger` field at the top level');
  })();
}

/**
 * The folder referenced files must stay inside: the nearest folder above the entry that
 * holds a .git, package.json or restlint config, else the entry's own folder.
 */
export function projectRoot(file: string): string {
  const markers = ['.git', 'package.json', ...CONFIG_FILE_NAMES];
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (markers.some((marker) => existsSync(join(dir, marker)))) return dir;
    if (dirname(dir) === dir) return dirname(file);
  }
}

/**
 * Milliseconds spent in each rule's visitors, collected when RESTLINT_TIMING is set (like
 * ESLint's TIMING): the CLI prints the table on stderr, for finding the rule that is slow.
 */
export const ruleTimings: Map<string, number> | undefined = process.env.RESTLINT_TIMING ? new Map() : undefined;

/** A rule that throws names itself and where it was, instead of a bare stack trace. */
function guard(id: string, visitors: Visitors): Visitors {
  const guarded: Record<string, (node: any) => void> = {};
  for (const [key, callback] of Object.entries(visitors) as [string, (node: any) => void][]) {
    guarded[key] = (node) => {
      const started = ruleTimings ? performance.now() : 0;
      try {
        callback(node);
      } catch (error) {
        const where = node?.loc ? `${node.loc.file.path}#/${node.loc.pointer.join('/')}` : '';
        throw new Error(`rule ${id} failed on ${key} ${where}: ${(error as Error).message}`, { cause: error });
      } finally {
        if (ruleTimings) ruleTimings.set(id, (ruleTimings.get(id) ?? 0) + performance.now() - started);
      }
    };
  }
  return guarded as Visitors;
}

function jsonPath(data: unknown, pointer: readonly string[]): (string | number)[] {
  const path: (string | number)[] = [];
  let node = data;
  for (const segment of pointer) {
    path.push(Array.isArray(node) ? Number(segment) : segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

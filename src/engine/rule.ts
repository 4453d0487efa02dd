import type { NodeLocation } from './model/location';
import type { Visitors } from './walk/nodes';
import type { OpenApiVersion } from './walk/nodes';
import type { Part } from './source/span';
import type { LiveCheck, ProbePlan, SchemaFailure } from './live/types';
import type { Direction } from './schema/convert';

export type Severity = 'error' | 'warn' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warn', 'info', 'hint'];

/** Spectral's numbering, used in JSON output: 0 error, 1 warn, 2 info, 3 hint. */
export const SEVERITY_NUMBER: Record<Severity, 0 | 1 | 2 | 3> = { error: 0, warn: 1, info: 2, hint: 3 };

export type RuleGroup = 'naming' | 'methods' | 'status-codes' | 'errors' | 'caching' | 'versioning' | 'security' | 'references' | 'correctness';

/** How safe an automatic fix is (see ../shared/guidelines.md): `doc` is offered for unpublished documents only. */
export type FixSafety = 'yes' | 'doc' | 'no';

/** Everything a tool needs to know about a rule without running it. */
export interface RuleMeta<Options> {
  /** Public name used in configs; never rename. */
  id: string;
  group: RuleGroup;
  /** Severity in `restlint:recommended`. */
  severity: Severity;
  /** One line, for `restlint rules`. */
  description: string;
  /** Citations from the guidelines' source keys: `course`, `Z#141`, `AIP-122`, `RFC 9110 §9.3.1`, … */
  sources: readonly string[];
  fix: FixSafety;
  /** Whether `restlint:recommended` turns the rule on (default true); `restlint:all` turns on every rule. */
  recommended?: boolean;
  /** JSON Schema of the options object, and the defaults a user's options are merged over. */
  options?: { schema: Record<string, unknown>; defaults: Options };
  /** Message templates keyed by id; `{{name}}` is replaced by `data.name`. */
  messages: Record<string, string>;
  /**
   * Document-wide habits (src/engine/habits.ts): for each habit a report can name, the message
   * of its one finding at `paths` when most operations break it; `{{share}}` (`all 639`,
   * `600 of 639`), `{{count}}` and `{{total}}` count the operations, and the first held
   * report's data fills the rest (so use only data every report of the habit shares).
   */
  habits?: Record<string, string>;
}

/** A text edit on one source file, LSP-style (zero-based). */
export interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** One edit of a fix, located like a finding; the engine turns it into a TextEdit on the source (src/engine/fix-edit.ts). */
export type FixEdit = ReplaceText | InsertEntry | RemoveEntry;

/** Replaces the key or value at a pointer, optionally only part of its text. */
export interface ReplaceText {
  at: NodeLocation;
  part?: Part;
  within?: { text: string; start: number; end: number };
  newText: string;
}

/** Adds members (`[key, value]` pairs, in order) to the mapping at `into`, written in the style of the text around it. */
export interface InsertEntry {
  into: NodeLocation;
  entries: readonly (readonly [string, unknown])[];
}

/** Removes the mapping member at `remove`: its key and its value. */
export interface RemoveEntry {
  remove: NodeLocation;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  /** The node the finding is about. */
  at: NodeLocation;
  /** Whether the finding is about the property's name (a path key) or its value. Default: value. */
  part?: Part;
  /** Narrows the range to part of the key or value text (one segment of a path). */
  within?: { text: string; start: number; end: number };
  /**
   * At most this severity: a weaker case of the rule (a tier-2 verb, say) lowers the
   * configured severity to this, never raises it.
   */
  severity?: Severity;
  /**
   * The operation this finding was found through (`GET /users`), for a node shared by many
   * operations (a component response, say): the engine reports it once, at the component,
   * with the number of operations that use it.
   */
  usedBy?: string;
  /**
   * This finding is one operation's case of a document-wide habit, a key of `meta.habits`; the
   * operation is `usedBy`. When most operations the habit was checked on break it, the engine
   * reports it once for the document instead (src/engine/habits.ts).
   */
  habit?: string;
  /**
   * The fix, as edits of the source text (never a re-serialised document). Whether a tool may
   * apply it without asking is the rule's `meta.fix`: `yes` safe, `doc` offered in an editor only.
   */
  fix?: FixEdit[];
}

export interface RuleContext<Options> {
  readonly options: Options;
  readonly version: OpenApiVersion;
  report(report: Report): void;
  /**
   * Counts an operation (`GET /users`, as `usedBy` names it) that a habit of `meta.habits`
   * applies to, whether it breaks it or not: the total a document-wide habit is measured on.
   */
  checked(habit: string, operation: string): void;
  /**
   * Follows a `$ref` (and chains of them) from a value found at `at`, as the walker does; a
   * value that is not a reference comes back as it is. Undefined when the reference is broken
   * (invalid-ref reports that). Lets a rule read into schemas without a walk over all of them.
   */
  resolve(value: unknown, at: NodeLocation): { value: unknown; loc: NodeLocation } | undefined;
  /**
   * Validates `value` against `schema`, a schema of the document written at `schemaAt` (JSON
   * Schema as the document's OpenAPI version reads it; `$ref`s followed across files, within
   * the project root): the first failure (a pointer into `value` and a message), or undefined
   * when the value is valid or the schema cannot be checked (an unresolvable `$ref`, a schema
   * ajv cannot compile). `direction` says which of readOnly/writeOnly properties may be
   * missing: writeOnly ones in a `response` (the default), readOnly ones in a `request`.
   * ajv is loaded on the first call: a lint whose rules never call this does not load it.
   */
  validate(schema: unknown, schemaAt: NodeLocation, value: unknown, direction?: Direction): SchemaFailure | undefined;
  /**
   * The options another rule runs with on this document (its defaults under the config's), or
   * undefined when the config turns it off: for rules whose advice must agree with another's
   * (path-no-underscore writes names in path-kebab-case's convention; the case rules leave a
   * segment no-verb-in-path reports to it).
   */
  optionsOf(ruleId: string): Record<string, unknown> | undefined;
}

/**
 * A rule: its metadata, its check on the document (`create`, run by `lint`) and its check on a
 * running API (`live`, run by `probe`). A rule has one or both, as ../shared/guidelines.md's
 * "where" column says (S, L or B).
 */
export interface RuleModule<Options = Record<string, never>> {
  meta: RuleMeta<Options>;
  create?(context: RuleContext<Options>): Visitors;
  live?: LiveCheck<Options>;
  /** With `live`: what the prober must send for the live check (see ProbePlan). */
  probe?: ProbePlan;
}

/**
 * A rule of any options type, for lists that hold many rules. Options are contravariant in
 * `create`, so no narrower type admits every rule: this is the one place `any` stands for them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleModule<any>;

/** A rule context of any options type, for helpers that do not read options. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRuleContext = RuleContext<any>;

/** Where a rule checks: in the document (`spec`), against a running API (`live`), or both. */
export function ruleWhere(rule: AnyRule): 'spec' | 'live' | 'both' {
  return rule.create ? (rule.live ? 'both' : 'spec') : 'live';
}

/** Typing helper for rule modules: `export default defineRule<MyOptions>({ meta, create })`. */
export function defineRule<Options = Record<string, never>>(rule: RuleModule<Options>): RuleModule<Options> {
  return rule;
}

/** A rule's message for a report: its template for `messageId`, filled with `data`. */
export function ruleMessage(rule: AnyRule, messageId: string, data?: Record<string, string | number>): string {
  const template = rule.meta.messages[messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown message id "${messageId}"`);
  return formatMessage(template, data);
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/**
 * The one entry every shell goes through to lint or probe a document: the CLI (each file of
 * `lint`, `--fix`'s re-lints, `--since`'s old versions), the language server and the prober.
 * It picks the config (given or discovered), opens the document and lints it, and says why
 * when it cannot, as a typed failure; the shells differ only in how they show the outcome.
 */
import { resolve } from 'node:path';
import { ConfigError, type Config, type ConfigFinder } from './config/config';
import { openDocument, type OpenDocument, type OpenOptions } from './document';
import type { Finding } from './finding';
import { lintSource } from './lint';
import { splitRef } from './resolve/refs';
import type { AnyRule } from './rule';
import { checkpoint, type ShouldStop } from './stop';
import type { Range } from './source/line-index';
import { SourceError, type SourceErrorKind, type SourceFile } from './source/source-file';

/** Why an entry cannot be linted: a SourceError's kind, or `config` (the config it would use is broken). */
export type EntryFailureKind = SourceErrorKind | 'config';

/** A document that cannot be linted, and why: the CLI prints it and exits 2, the editor shows it. */
export interface EntryFailure {
  kind: EntryFailureKind;
  /** The file at fault: the entry, a file it references, or the config. */
  file: string;
  message: string;
  range?: Range;
  hint?: string;
  /** `not-openapi`: what the document is instead, when restlint can tell (an AsyncAPI document). */
  documentType?: 'asyncapi';
}

export interface EntryOptions extends OpenOptions {
  /** Where each entry's config comes from (`--config`, or discovery). */
  configs: ConfigFinder;
}

export interface LintOptions extends EntryOptions {
  /** The rules to run (those some part of the config turns on are run). */
  rules: readonly AnyRule[];
  /** Asked at checkpoints (after the parse, between nodes and files): true abandons the lint, which throws LintStopped (./stop.ts). */
  shouldStop?: ShouldStop;
}

export interface LintOutcome {
  /** The entry file, absolute. */
  file: string;
  findings: Finding[];
  failure?: EntryFailure;
  /**
   * Every file the lint read or tried to read (the entry first; a missing referenced file too):
   * an editor re-lints the entry when one of them changes or appears.
   */
  files: string[];
  /** The config and the document linted, when the lint succeeded (the editor diffs the same document). */
  opened?: { config: Config; document: OpenDocument };
}

export type OpenedEntry = { config: Config; document: OpenDocument; failure?: undefined } | { failure: EntryFailure; config?: undefined; document?: undefined };

/** The config and the opened document of an entry, or why either cannot be had. */
export function openEntry(path: string, options: EntryOptions): OpenedEntry {
  let config: Config;
  try {
    config = options.configs.configFor(path);
  } catch (error) {
    return { failure: failureOf(error) };
  }
  try {
    return { config, document: openDocument(path, options) };
  } catch (error) {
    return { failure: failureOf(error) };
  }
}

/** Lints one OpenAPI document (and the files it references). */
export function lintEntry(path: string, options: LintOptions): LintOutcome {
  const opened = openEntry(path, options);
  if (opened.failure) return { file: resolve(path), findings: [], failure: opened.failure, files: [resolve(path)] };
  checkpoint(options.shouldStop);
  return lintOpened(opened, options);
}

/**
 * Lints a document already opened (or opened and then patched: the editor's edits inside one
 * scalar, SourceFile.patchScalar): every file it reads is taken from its cache.
 */
export function lintOpened(opened: { config: Config; document: OpenDocument }, options: Pick<LintOptions, 'rules' | 'shouldStop'>): LintOutcome {
  const { config, document } = opened;
  try {
    const findings = lintSource(document.entry, { rules: options.rules, config, root: document.root, shouldStop: options.shouldStop }, document.read);
    // Spectral runs next on the same files, and expands every YAML alias that restlint's rules read once.
    const bomb = config.spectral ? aliasBombIn(document) : undefined;
    if (bomb) return { file: document.file, findings: [], failure: bomb, files: document.tried() };
    return { file: document.file, findings, files: document.tried(), opened: { config, document } };
  } catch (error) {
    // A referenced file that cannot be read (too large, unreadable) stops the lint as the entry's own would; one that does not parse is findings (src/engine/resolve/refs.ts).
    return { file: document.file, findings: [], failure: failureOf(error), files: document.tried() };
  }
}

/**
 * How many nodes YAML aliases may add to a file that a Spectral ruleset reads: Spectral's parser
 * copies each alias, so a few KB of nested aliases ("billion laughs") would be billions of nodes,
 * and the lint would never end. Real documents that use aliases add far fewer.
 */
export const SPECTRAL_MAX_ALIAS_NODES = 10_000_000;

/**
 * The first file of the document whose aliases would expand past SPECTRAL_MAX_ALIAS_NODES, as
 * the entry's failure. Spectral reads every file the document references, and restlint's rules
 * may not have read them all (a config of only a Spectral ruleset runs none): the files they did
 * not read are read here, following each `$ref` to another file.
 */
function aliasBombIn(document: OpenDocument): EntryFailure | undefined {
  const queue: SourceFile[] = [document.entry, ...document.files()];
  const seen = new Set<string>();
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    for (const ref of refsIn(file)) {
      const target = splitRef(ref, file.path).path;
      if (typeof target !== 'string' || seen.has(target)) continue;
      try {
        queue.push(document.readInside(target));
      } catch {
        // Not readable, outside the root, not parsable: restlint's rules or Spectral say so.
      }
    }
    const expansion = file.aliasExpansion;
    if (!file.sharesNodes || !expansion || expansion.expandedNodes - expansion.writtenNodes <= SPECTRAL_MAX_ALIAS_NODES) continue;
    const count = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'more than 10^308');
    return {
      kind: 'too-large',
      file: file.path,
      message: `YAML aliases expand this file from ${count(expansion.writtenNodes)} written nodes to ${count(expansion.expandedNodes)} (an alias bomb); Spectral copies every alias, so a Spectral ruleset is given no file that aliases grow by more than ${count(SPECTRAL_MAX_ALIAS_NODES)} nodes`,
      hint: "write the aliased parts out, or lint without the config's Spectral ruleset (restlint's own rules read each alias once)",
    };
  }
  return undefined;
}

const JSON_REF = /"\$ref"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

/** The `$ref` texts a file writes. */
function refsIn(file: SourceFile): string[] {
  if (file.refHolders) return file.refHolders.map((holder) => holder.$ref).filter((ref): ref is string => typeof ref === 'string');
  if (file.format !== 'json' || !file.text.includes('"$ref"')) return [];
  return [...file.text.matchAll(JSON_REF)].map((match) => (match[1].includes('\\') ? (JSON.parse(`"${match[1]}"`) as string) : match[1]));
}

/** A typed failure for the errors an entry can meet; anything else is a bug and is thrown on. */
function failureOf(error: unknown): EntryFailure {
  if (error instanceof SourceError) {
    const failure: EntryFailure = { kind: error.kind, file: error.file, message: error.message, range: error.range, hint: error.hint };
    if (error.documentType) failure.documentType = error.documentType;
    return failure;
  }
  if (error instanceof ConfigError) return { kind: 'config', file: error.file, message: `invalid config: ${error.message}`, range: error.range };
  throw error;
}

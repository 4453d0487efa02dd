import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import type { Config } from '../config/config';
import { compareFindings, type Finding } from '../finding';
import { IGNORE_KEY, Ignores } from '../ignores';
import { SEVERITY_NUMBER } from '../rule';
import type { Range } from '../source/line-index';
import { parseSourceText, type SourceFile } from '../source/source-file';
import type { SpectralDefinition } from './definition';
import { loadRuleset } from './ruleset';
import { runSpectral } from './run';

/** A Spectral ruleset that cannot be loaded: reported like a broken config (exit 2). */
export class SpectralRulesetError extends Error {
  constructor(
    readonly file: string,
    message: string,
    /** Where in `file` the problem is, when Spectral's error says (it gives a path into the ruleset). */
    readonly range?: Range,
  ) {
    super(message);
  }
}

/** What a loaded Spectral ruleset says of each of its rules, for reports (SARIF) that describe rules. */
export interface SpectralRuleInfo {
  description?: string;
  documentationUrl?: string;
}

const ruleInfo = new Map<string, SpectralRuleInfo>();

/** The rule ids of the Spectral rulesets this run loaded. */
export function spectralRuleIds(): string[] {
  return [...ruleInfo.keys()];
}

/** The description and doc link of a Spectral rule some config of this run loaded (first ruleset wins). */
export function spectralRuleInfo(code: string): SpectralRuleInfo | undefined {
  return ruleInfo.get(code);
}

/** One ruleset per config: loading bundles it, which takes a few hundred milliseconds. */
const rulesets = new WeakMap<Config, Promise<Ruleset>>();

/**
 * The Spectral pass of a lint, run after restlint's own (which is synchronous): lints the
 * entry file with the config's Spectral ruleset and merges the results into `findings`.
 * On Spectral's findings, restlint then applies: `overrides` severities by file and JSON
 * pointer, and `x-restlint-ignore`. Returns `findings` unchanged when the config has no
 * Spectral part, without loading Spectral.
 */
export async function addSpectralFindings(file: string, config: Config, findings: readonly Finding[]): Promise<Finding[]> {
  if (!config.spectral) return [...findings];
  let loading = rulesets.get(config);
  if (!loading) rulesets.set(config, (loading = loadRuleset(config.spectral)));
  let ruleset: Ruleset;
  try {
    ruleset = await loading;
  } catch (error) {
    const at = locateError(error, config.spectral);
    throw new SpectralRulesetError(at?.file ?? config.spectral.file, `Spectral ruleset: ${describeError(error, config.spectral)}`, at?.range);
  }
  for (const [code, rule] of Object.entries(ruleset.rules)) {
    if (ruleInfo.has(code)) continue;
    const { description, documentationUrl } = rule as { description?: unknown; documentationUrl?: unknown };
    ruleInfo.set(code, {
      description: typeof description === 'string' && description !== '' ? description : undefined,
      documentationUrl: typeof documentationUrl === 'string' && documentationUrl !== '' ? documentationUrl : undefined,
    });
  }
  const entry = resolve(file);
  const spectralFindings = (await runSpectral(entry, ruleset)).flatMap((finding) => {
    const source = resolve(finding.source);
    const setting = config.settingsFor(source, finding.path.map(String)).get(finding.code);
    if (setting?.severity === 'off') return [];
    return [{ ...finding, source, severity: setting ? SEVERITY_NUMBER[setting.severity] : finding.severity }];
  });

  const ignores = Ignores.collect(sourcesWithIgnores(spectralFindings));
  const kept = ignores.isEmpty ? spectralFindings : spectralFindings.filter((finding) => !ignores.silences(finding));
  // restlint's pass reported ignores of Spectral rule ids as unknown rules: they are not.
  const spectralIds = new Set(Object.keys(ruleset.rules));
  const own = findings.filter((finding) => finding.code !== 'unused-ignore' || !spectralIds.has(unknownRuleOf(finding.message) ?? ''));

  // Spectral's core reports a broken $ref as `invalid-ref` too, in its own words: where
  // restlint's rule of that id already reported the $ref (same file and line), say it once.
  const restlintRefs = new Set(own.filter((finding) => finding.code === 'invalid-ref').map((finding) => `${finding.source}\0${finding.range.start.line}`));
  const spectralOwn = kept.filter((finding) => finding.code !== 'invalid-ref' || !restlintRefs.has(`${finding.source}\0${finding.range.start.line}`));

  const seen = new Set<string>();
  return [...own, ...spectralOwn]
    .filter((finding) => {
      const key = `${finding.code}\0${finding.source}\0${finding.path.join('\0')}\0${finding.message}`;
      return !seen.has(key) && seen.add(key);
    })
    .sort(compareFindings);
}

/** The files Spectral reported on whose text mentions `x-restlint-ignore`, parsed (others are not read twice). */
function sourcesWithIgnores(findings: readonly Finding[]): SourceFile[] {
  const files: SourceFile[] = [];
  for (const source of new Set(findings.map((finding) => finding.source))) {
    try {
      const text = readFileSync(source, 'utf8');
      if (text.includes(IGNORE_KEY)) files.push(parseSourceText(source, text));
    } catch {
      // A file restlint cannot read has no ignores it could apply.
    }
  }
  return files;
}

function unknownRuleOf(message: string): string | undefined {
  return new RegExp(`^${IGNORE_KEY} names unknown rule "([^"]+)"`).exec(message)?.[1];
}

/**
 * The file and range Spectral's error points into: its path (`rules.my-rule.then.functionOptions`)
 * is into the merged ruleset, so the first of the config and its extended local ruleset files
 * (own rules first, then the later extends, which win over earlier ones) that holds that path.
 */
function locateError(error: unknown, definition: SpectralDefinition): { file: string; range: Range } | undefined {
  const errors = (error as { errors?: unknown[] }).errors;
  const first = Array.isArray(errors) && errors.length > 0 ? errors[0] : error;
  const path = (first as { path?: unknown }).path;
  if (!Array.isArray(path) || path.length === 0) return undefined;
  const pointer = path.map(String);
  const files = [definition.file, ...[...definition.extends].reverse()].filter((file) => /\.(ya?ml|json)$/.test(file));
  for (const file of new Set(files)) {
    try {
      const source = parseSourceText(file, readFileSync(file, 'utf8'));
      if (source.spanOf(pointer)) return { file, range: source.rangeOf(pointer) };
    } catch {
      // A file that cannot be read or parsed holds no location to give.
    }
  }
  return undefined;
}

/** Spectral reports ruleset problems as AggregateErrors of validation errors: say each one. */
function describeError(error: unknown, definition: object): string {
  const errors = (error as { errors?: unknown[] }).errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.map((inner) => describeError(inner, definition)).join('; ');
  const message = error instanceof Error ? error.message : String(error);
  // Validation errors carry where in the ruleset they are: `rules.my-rule.then.function`.
  const path = (error as { path?: unknown }).path;
  if (!Array.isArray(path) || path.length === 0) return message;
  // Spectral says "Function is not defined" without the name: name it, and say where functions come from.
  const value = path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), definition);
  const named = path[path.length - 1] === 'function' && typeof value === 'string';
  const hint = named ? ` ("${value}" is not a core Spectral function; custom ones are listed in \`functions\` and live in \`functionsDir\`)` : '';
  return `${path.join('.')}: ${message}${hint}`;
}

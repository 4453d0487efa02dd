import { basename, extname } from 'node:path';

/**
 * The Spectral part of a restlint config: a Spectral ruleset definition, as a `.spectral.yaml`
 * would hold it. The config keeps it as plain data; src/engine/spectral/ruleset.ts turns it
 * into a Spectral `Ruleset` only when a file is linted with it, so configs without Spectral
 * never load Spectral.
 */
export interface SpectralDefinition {
  /** The file the definition comes from; relative paths in it resolve against its folder. */
  file: string;
  /** `spectral:oas`, `spectral:asyncapi`, or absolute paths of Spectral ruleset files. */
  extends: string[];
  /** Spectral rules (`given`/`then`) and severity overrides of Spectral rule ids. */
  rules: Record<string, unknown>;
  /** Custom function names, loaded from `functionsDir` (absolute), as in a Spectral ruleset. */
  functions?: string[];
  functionsDir?: string;
}

/** The built-in Spectral rulesets `extends` may name. */
export const SPECTRAL_PRESETS = ['spectral:oas', 'spectral:asyncapi'];

/** The Spectral ruleset files restlint picks up when a folder has no restlint config. */
export const SPECTRAL_FILE_NAMES = ['.spectral.yaml', '.spectral.yml', '.spectral.json'];

/** A path names a Spectral ruleset (not a restlint config) by its name: `.spectral.yaml`, `x.spectral.json`, any `.js`. */
export function isSpectralRulesetPath(path: string): boolean {
  return /(^|\.)spectral\.(ya?ml|json|[cm]?js)$/.test(basename(path)) || ['.js', '.cjs', '.mjs'].includes(extname(path));
}

/** A Spectral rule definition, as opposed to a severity: an object with `given` or `then`. */
export function isSpectralRule(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && ('given' in value || 'then' in value);
}

/** Spectral's severities: restlint's names, plus its numbers and booleans. */
export function isSpectralSeverity(value: unknown): boolean {
  return ['off', 'error', 'warn', 'info', 'hint', 0, 1, 2, 3, -1, true, false].includes(value as never);
}

/** One definition extending another: extends concatenate, own rules win. */
export function mergeDefinitions(parent: SpectralDefinition | undefined, own: SpectralDefinition): SpectralDefinition {
  if (!parent) return own;
  return {
    file: own.file,
    extends: [...new Set([...parent.extends, ...own.extends])],
    rules: { ...parent.rules, ...own.rules },
    functions: own.functions ?? parent.functions,
    functionsDir: own.functionsDir ?? parent.functionsDir,
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { decodePointer } from '../model/location';
import type { Range } from '../source/line-index';
import { parseSourceText, SourceError, type SourceFile } from '../source/source-file';
import { SEVERITIES, type AnyRule } from '../rule';
import { CHANGE_RULES } from '../diff/changes';
import { mergeSettings, type RuleSetting, type RuleSettings } from './settings';
import { validateOptions } from './validate-options';
import { closestName } from '../suggest';
import { profilePresets } from './profiles';
import {
  isSpectralRule,
  isSpectralRulesetPath,
  isSpectralSeverity,
  mergeDefinitions,
  SPECTRAL_FILE_NAMES,
  SPECTRAL_PRESETS,
  type SpectralDefinition,
} from '../spectral/definition';

export const CONFIG_FILE_NAMES = ['.restlint.yaml', '.restlint.yml', '.restlint.json'];
export const RECOMMENDED = 'restlint:recommended';

/** A config that cannot be used: it names the file and, where it can, the line. Exit code 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly range?: Range,
  ) {
    super(message);
  }
}

interface Override {
  matches(relativePath: string): boolean;
  /** With `file.yaml#/paths/~1legacy`: the override applies under this pointer only. */
  pointer?: string[];
  rules: RuleSettings;
}

/** A loaded config: the settings it gives every file, and its overrides by file or JSON pointer. */
export class Config {
  constructor(
    /** The config file, or undefined for the built-in default. */
    readonly path: string | undefined,
    private readonly base: RuleSettings,
    private readonly overrides: Override[],
    private readonly dir: string,
    /** The Spectral ruleset this config runs beside restlint's rules (src/engine/spectral/), if any. */
    readonly spectral?: SpectralDefinition,
  ) {}

  /** Each file's path relative to the config's folder, as override globs see it. */
  private readonly relativePaths = new Map<string, string>();

  /** Settings for a file (and, for severity overrides by JSON path, a pointer inside it). */
  settingsFor(file: string, pointer?: readonly string[]): RuleSettings {
    if (this.overrides.length === 0) return this.base;
    let settings = this.base;
    let rel = this.relativePaths.get(file);
    if (rel === undefined) this.relativePaths.set(file, (rel = relative(this.dir, file).split(sep).join('/')));
    for (const override of this.overrides) {
      if (!override.matches(rel)) continue;
      if (override.pointer && !(pointer && startsWith(pointer, override.pointer))) continue;
      settings = mergeSettings(settings, override.rules);
    }
    return settings;
  }

  /** Every rule some part of the config turns on: those are the rules to run. */
  rulesEverEnabled(): Set<string> {
    const ids = new Set<string>();
    for (const settings of [this.base, ...this.overrides.map((override) => override.rules)]) {
      for (const [id, setting] of settings) if (setting.severity !== 'off') ids.add(id);
    }
    return ids;
  }
}

export function recommendedSettings(rules: readonly AnyRule[]): RuleSettings {
  return new Map(rules.map((rule) => [rule.meta.id, { severity: rule.meta.recommended === false ? 'off' : rule.meta.severity }]));
}

/**
 * The built-in configs `extends` names: `restlint:recommended` (the course profile),
 * `restlint:all` (every rule at its default severity), `restlint:strict` (recommended, with
 * warnings raised to errors, and errors in RFC 9457 problem details rather than a format of
 * the document's own), and the profiles of other guides (./profiles.ts).
 */
export const PRESETS: Record<string, (rules: readonly AnyRule[]) => RuleSettings> = {
  [RECOMMENDED]: recommendedSettings,
  'restlint:all': (rules) => new Map(rules.map((rule) => [rule.meta.id, { severity: rule.meta.severity }])),
  'restlint:strict': (rules) =>
    mergeSettings(
      new Map([...recommendedSettings(rules)].map(([id, setting]) => [id, { severity: setting.severity === 'warn' ? 'error' : setting.severity }])),
      new Map([['error-format', { severity: 'error', options: { format: 'problem' } }]]),
    ),
  ...profilePresets(recommendedSettings),
};

/** Texts that stand in for files on disk (an editor's unsaved buffers; `--fix`'s edits), by absolute path. */
export interface TextOverlay {
  get(path: string): string | undefined;
}

export interface ConfigFinderOptions {
  /** `--config` (or the editor's `restlint.configPath`): this config for every file, instead of discovery. */
  configPath?: string;
  /** Config texts to read instead of the files on disk (an editor's unsaved config buffer). */
  overlay?: TextOverlay;
}

/**
 * The config each file is linted with: the one given (`--config`), or the nearest found by
 * walking up from the file's folder (cached per folder). Every shell asks this one question
 * through `configFor`.
 */
export class ConfigFinder {
  private readonly byDir = new Map<string, Config>();
  private readonly configPath: string | undefined;
  /** The given config, loaded once however many files use it. */
  private given: Config | undefined;

  constructor(
    private readonly rules: readonly AnyRule[],
    private readonly options: ConfigFinderOptions = {},
  ) {
    this.configPath = options.configPath === undefined ? undefined : resolve(options.configPath);
  }

  /** The config for a file: the given one, else discovery. Throws ConfigError for a config that cannot be used. */
  configFor(file: string): Config {
    if (this.configPath === undefined) return this.forFile(file);
    return (this.given ??= this.load(this.configPath));
  }

  /** The config discovery finds for a file, ignoring a given one. */
  forFile(file: string): Config {
    const dir = dirname(resolve(file));
    let config = this.byDir.get(dir);
    if (!config) {
      const found = findUp(dir);
      const parent = dirname(dir);
      config = found ? this.load(found) : parent !== dir ? this.forFile(join(parent, '_')) : this.defaultConfig(dir);
      this.byDir.set(dir, config);
    }
    return config;
  }

  /** Loads a config file (`--config`, or one found by walking up). */
  load(path: string): Config {
    const absolute = resolve(path);
    for (const config of this.byDir.values()) if (config.path === absolute) return config;
    return loadConfig(absolute, this.rules, [], this.options.overlay);
  }

  defaultConfig(dir: string): Config {
    return new Config(undefined, recommendedSettings(this.rules), [], dir);
  }
}

function findUp(dir: string): string | undefined {
  // A restlint config wins; a folder with only a Spectral ruleset is linted with that ruleset.
  for (const name of [...CONFIG_FILE_NAMES, ...SPECTRAL_FILE_NAMES]) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function loadConfig(path: string, rules: readonly AnyRule[], chain: string[], overlay: TextOverlay | undefined): Config {
  if (chain.includes(path)) throw new ConfigError(path, `extends forms a cycle: ${[...chain, path].join(' → ')}`);
  // `--config .spectral.yaml`, or one found by discovery: Spectral's rules only, as spectral-cli would run.
  if (isSpectralRulesetPath(path)) {
    if (!existsSync(path)) throw new ConfigError(path, 'cannot read config: file not found');
    return new Config(path, new Map(), [], dirname(path), { file: path, extends: [path], rules: {} });
  }
  return parseConfig(path, overlay?.get(path) ?? readConfigText(path), rules, chain, overlay);
}

function readConfigText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, `cannot read config: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message}`);
  }
}

/** Parses config text (from a file, or given in memory by a test or an editor). */
export function parseConfig(path: string, text: string, rules: readonly AnyRule[], chain: string[] = [], overlay?: TextOverlay): Config {
  // An empty config file means the defaults, as if it held `extends: [restlint:recommended]`.
  if (text.trim() === '') text = '{}';
  let source: SourceFile;
  try {
    source = parseSourceText(path, text);
  } catch (error) {
    if (error instanceof SourceError) throw new ConfigError(path, error.message, error.range);
    throw error;
  }
  const fail = (message: string, pointer: string[], part: 'key' | 'value' = 'value'): never => {
    throw new ConfigError(path, message, source.rangeOf(pointer, part));
  };
  const data = source.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail('a config is a mapping with `extends`, `rules` and `overrides`', []);
  const config = data as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    // `functions` and `functionsDir` are Spectral's, for custom functions of Spectral rules.
    if (!['extends', 'rules', 'overrides', 'functions', 'functionsDir'].includes(key)) {
      fail(`unknown config key "${key}" (expected extends, rules, overrides)`, [key], 'key');
    }
  }
  const dir = dirname(path);
  // `restlint diff`'s change ids take a severity under `rules:` as rule ids do (one config for both).
  const byId = new Map([...CHANGE_RULES, ...rules].map((rule) => [rule.meta.id, rule]));

  let base: RuleSettings = new Map();
  // The Spectral part (src/engine/spectral/definition.ts): built up from `extends`, `rules` and `functions`.
  let spectral: SpectralDefinition | undefined;
  const spectralPart = () => (spectral ??= { file: path, extends: [], rules: {} });
  const extendsList = config.extends === undefined ? [RECOMMENDED] : config.extends;
  const list = Array.isArray(extendsList) ? extendsList : [extendsList];
  list.forEach((entry, index) => {
    const at = Array.isArray(extendsList) ? ['extends', String(index)] : ['extends'];
    if (typeof entry === 'string' && PRESETS[entry]) base = mergeSettings(base, PRESETS[entry](rules));
    else if (typeof entry === 'string' && SPECTRAL_PRESETS.includes(entry)) spectralPart().extends.push(entry);
    else if (typeof entry === 'string' && !entry.includes(':')) {
      const target = resolve(dir, entry);
      const fromPackage = existsSync(target) ? undefined : packageRuleset(entry, dir);
      if (fromPackage) spectralPart().extends.push(fromPackage);
      else if (!existsSync(target)) fail(`extends "${entry}": no such file, and no installed package of that name`, at);
      else if (isSpectralRulesetPath(target)) spectralPart().extends.push(target);
      else {
        const parent = loadConfig(target, rules, [...chain, path], overlay);
        base = mergeSettings(base, parent.settingsFor(target));
        if (parent.spectral) spectral = mergeDefinitions(parent.spectral, spectralPart());
      }
    } else {
      const known = [...Object.keys(PRESETS), ...SPECTRAL_PRESETS].join(', ');
      fail(`extends ${JSON.stringify(entry)}: expected ${known}, a relative path to another config or a Spectral ruleset file`, at);
    }
  });

  if (config.functionsDir !== undefined) {
    if (typeof config.functionsDir !== 'string') fail('`functionsDir` is a folder (relative to this config) holding Spectral functions', ['functionsDir']);
    spectralPart().functionsDir = resolve(dir, config.functionsDir as string);
  }
  if (config.functions !== undefined) {
    if (!Array.isArray(config.functions) || !config.functions.every((name) => typeof name === 'string')) {
      fail('`functions` lists the names of Spectral functions in `functionsDir`', ['functions']);
    }
    spectralPart().functions = config.functions as string[];
  }

  const readRules = (value: unknown, at: string[], inOverride = false): RuleSettings => {
    const settings: RuleSettings = new Map();
    if (value === undefined || value === null) return settings;
    if (typeof value !== 'object' || Array.isArray(value)) fail('`rules` maps rule ids to a severity or [severity, options]', at);
    for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
      const rule = byId.get(id);
      // Not a restlint rule: a Spectral rule (`given`/`then`), or a severity for a rule of the
      // extended Spectral ruleset (Spectral itself says if that rule does not exist).
      if (!rule && isSpectralRule(raw)) {
        if (inOverride) fail(`Spectral rule "${id}" belongs in the top-level \`rules\`, not in an override`, [...at, id], 'key');
        spectralPart().rules[id] = raw;
        continue;
      }
      if (!rule && spectral && isSpectralSeverity(raw)) {
        // Top level: Spectral applies it. In an override: restlint applies it to Spectral's findings there.
        if (inOverride) settings.set(id, { severity: spectralSeverity(raw) });
        else spectral.rules[id] = raw;
        continue;
      }
      if (!rule) fail(`unknown rule "${id}"${suggest(id, [...byId.keys()])}; \`restlint rules\` lists them`, [...at, id], 'key');
      settings.set(id, readSetting(rule!, raw, [...at, id], fail));
    }
    return settings;
  };
  base = mergeSettings(base, readRules(config.rules, ['rules']));

  const overrides: Override[] = [];
  if (config.overrides !== undefined) {
    if (!Array.isArray(config.overrides)) fail('`overrides` is a list of { files, rules }', ['overrides']);
    (config.overrides as unknown[]).forEach((raw, index) => {
      const at = ['overrides', String(index)];
      const entry = raw as Record<string, unknown>;
      if (raw === null || typeof raw !== 'object' || !Array.isArray(entry.files) || entry.files.length === 0) {
        fail('an override needs `files`: a list of globs (relative to this config), optionally with #/json/pointer', at);
      }
      for (const key of Object.keys(entry)) if (key !== 'files' && key !== 'rules') fail(`unknown override key "${key}"`, [...at, key], 'key');
      const rules = readRules(entry.rules, [...at, 'rules'], true);
      (entry.files as unknown[]).forEach((pattern, fileIndex) => {
        if (typeof pattern !== 'string') fail('a `files` entry is a glob string', [...at, 'files', String(fileIndex)]);
        const [glob, fragment] = (pattern as string).split('#');
        const pointer = fragment === undefined ? undefined : decodePointer(fragment);
        if (fragment !== undefined && !pointer) fail(`"#${fragment}" is not a JSON pointer (it starts with /)`, [...at, 'files', String(fileIndex)]);
        overrides.push({ matches: picomatch(glob, { dot: true }), pointer, rules });
      });
    });
  }
  return new Config(path, base, overrides, dir, spectral);
}

/** A Spectral severity (names, 0–3, -1 or false for off, true for the rule's own) as restlint's. */
function spectralSeverity(value: unknown): RuleSetting['severity'] {
  if (value === false || value === -1 || value === 'off') return 'off';
  if (typeof value === 'number') return SEVERITIES[value];
  return value === true ? 'warn' : (value as RuleSetting['severity']);
}

function readSetting(
  rule: AnyRule,
  raw: unknown,
  at: string[],
  fail: (message: string, pointer: string[]) => never,
): RuleSetting {
  const severityOf = (value: unknown, pointer: string[]): RuleSetting['severity'] => {
    if (value === 'off' || SEVERITIES.includes(value as never)) return value as RuleSetting['severity'];
    // Spectral's numbers, as a .spectral.yaml has them: 0 error, 1 warn, 2 info, 3 hint.
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < SEVERITIES.length) return SEVERITIES[value];
    return fail(`severity ${JSON.stringify(value)} for ${rule.meta.id}: expected off, error, warn, info or hint (or, as in Spectral, 0 error, 1 warn, 2 info, 3 hint)`, pointer);
  };
  if (!Array.isArray(raw)) return { severity: severityOf(raw, at) };
  const severity = severityOf(raw[0], [...at, '0']);
  if (raw.length > 2) fail(`${rule.meta.id}: expected [severity, options]`, at);
  if (raw.length < 2) return { severity };
  if (!rule.meta.options) fail(`${rule.meta.id} takes no options`, [...at, '1']);
  const problem = validateOptions(rule, raw[1]);
  if (problem) fail(`${rule.meta.id} options: ${problem.message}`, [...at, '1', ...problem.pointer]);
  return { severity, options: raw[1] as Record<string, unknown> };
}

function suggest(id: string, known: string[]): string {
  const close = closestName(id, known);
  return close ? ` (did you mean "${close}"?)` : '';
}

function startsWith(pointer: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= pointer.length && prefix.every((segment, index) => pointer[index] === segment);
}

/**
 * `extends: ["@acme/api-ruleset"]`: a Spectral ruleset published as a package, found the way
 * Node finds it from the config's folder (its `exports` or `main`). Relative paths are files.
 */
function packageRuleset(name: string, dir: string): string | undefined {
  if (name.startsWith('.') || isAbsolute(name)) return undefined;
  try {
    return require.resolve(name, { paths: [dir] });
  } catch {
    return undefined;
  }
}

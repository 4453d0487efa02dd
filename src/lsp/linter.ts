import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, ConfigFinder, parseConfig, type Config } from '../engine/config/config';
import type { Finding } from '../engine/finding';
import { lintFile } from '../engine/lint';
import type { RuleModule } from '../engine/rule';
import { addSpectralFindings } from '../engine/spectral/lint';
import { parseErrorFinding } from './diagnostics';

/** What one lint of an entry document found, per file it touched. */
interface EntryResult {
  /** Every file the lint read: a change to one of them re-lints the entry. */
  files: string[];
  /** Findings by file (absolute path). */
  findings: Map<string, Finding[]>;
}

export interface LinterOptions {
  /** The rules to lint with (those that check documents). */
  rules: readonly RuleModule<any>[];
  /** Every rule a config may name (live-only ones too: the same config serves `restlint.probe`). */
  knownRules: readonly RuleModule<any>[];
  /** The text of a file open in the editor (its unsaved state), or undefined to read it from disk. */
  openText(path: string): string | undefined;
}

/**
 * The editor's view of the project: which OpenAPI documents are linted (entries: open ones
 * and, after "Lint workspace", every one in the workspace), what each found in each file it
 * read, and which entries read which file. Linting is the CLI's own `lintFile` on the open
 * texts, so the editor and `restlint lint` agree.
 */
export class Linter {
  private readonly results = new Map<string, EntryResult>();
  /** The last result without a parse error, kept for the rest of a document while it is broken. */
  private readonly lastGood = new Map<string, EntryResult>();
  private finder: ConfigFinder;
  /** `restlint.configPath`, when set: one config for every file. */
  private configPath: string | undefined;
  /** Configs parsed from their open, unsaved editor buffers, by path (cleared with the others). */
  private readonly edited = new Map<string, Config>();
  /** Problems of config files (a bad `.restlint.yaml`), shown on the config file. */
  private readonly configProblems = new Map<string, Finding>();

  constructor(private readonly options: LinterOptions) {
    this.finder = new ConfigFinder(options.knownRules);
  }

  /** Forgets every loaded config (a config file changed, or the setting did). */
  reloadConfig(configPath?: string): void {
    this.finder = new ConfigFinder(this.options.knownRules);
    this.configPath = configPath || undefined;
    this.configProblems.clear();
    this.edited.clear();
  }

  get entries(): string[] {
    return [...this.results.keys()];
  }

  isEntry(path: string): boolean {
    return this.results.has(path);
  }

  /** The entries whose last lint read `path` (the file itself first, when it is an entry). */
  dependents(path: string): string[] {
    return [...this.results].filter(([entry, result]) => entry === path || result.files.includes(path)).map(([entry]) => entry);
  }

  forget(entry: string): void {
    this.results.delete(entry);
    this.lastGood.delete(entry);
  }

  /**
   * Lints one entry and records what it found. Returns false when the file is not an OpenAPI
   * document (it is then not an entry). A parse error becomes one finding at its place, and the
   * entry keeps its last good findings for the rest of the document.
   */
  async lint(entry: string): Promise<boolean> {
    const config = this.configFor(entry);
    if (!config) {
      this.results.set(entry, this.lastGood.get(entry) ?? { files: [entry], findings: new Map() });
      return true;
    }
    const result = lintFile(entry, { rules: this.options.rules, config, overlay: { get: (path) => this.options.openText(path) } });
    if (result.error) {
      if (/^not an OpenAPI document/.test(result.error.message) && result.error.file === entry) {
        this.forget(entry);
        return false;
      }
      const good = this.lastGood.get(entry) ?? { files: [entry], findings: new Map() };
      const findings = new Map(good.findings);
      const broken = result.error.file;
      findings.set(broken, [...(findings.get(broken) ?? []), parseErrorFinding(broken, result.error.message, result.error.range)]);
      this.results.set(entry, { files: [...new Set([...result.files, ...good.files])], findings });
      return true;
    }
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
    const recorded = { files: result.files, findings: byFile };
    this.results.set(entry, recorded);
    this.lastGood.set(entry, recorded);
    return true;
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

  /** The config for a file, or undefined when it is invalid (its problem is then shown on the config file). */
  configFor(entry: string): Config | undefined {
    try {
      const config = this.configPath ? this.finder.load(this.configPath) : this.finder.forFile(entry);
      return this.editedVersion(config);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.configProblems.set(error.file, parseErrorFinding(error.file, `invalid config: ${error.message}`, error.range));
      return undefined;
    }
  }

  /** A restlint config open in the editor with unsaved edits: its buffer, as the editor shows it. */
  private editedVersion(config: Config): Config {
    const path = config.path;
    if (!path || !CONFIG_FILE_NAMES.includes(basename(path)) || this.isSaved(path)) return config;
    let edited = this.edited.get(path);
    if (!edited) this.edited.set(path, (edited = parseConfig(path, this.options.openText(path)!, this.options.knownRules)));
    return edited;
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

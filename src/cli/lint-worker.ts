import { ConfigError, ConfigFinder } from '../engine/config/config';
import { lintEntry, type EntryFailure } from '../engine/entry';
import type { Finding } from '../engine/finding';
import { addSpectralFindings, SpectralRulesetError } from '../engine/spectral/lint';
import { allRules } from '../../rules';

/** What lints one file needs; plain data, so it crosses to worker threads. */
export interface LintTask {
  /** `--config`: one config for every file instead of discovery. */
  configPath?: string;
  root?: string;
  maxBytes: number;
}

/** One entry's lint, as the CLI reports it (plain data: it comes back from worker threads). */
export interface FileOutcome {
  file: string;
  findings: Finding[];
  failure?: EntryFailure;
  /** The files the lint read or tried besides the entry (those it references). */
  referenced?: string[];
}

/** The config finder a task uses: the given config, or discovery. */
export function configsFor(task: LintTask): ConfigFinder {
  return new ConfigFinder(allRules, { configPath: task.configPath });
}

/** Lints files one after another in this thread. */
export function lintFilesHere(files: readonly string[], task: LintTask, onDone?: (outcome: FileOutcome) => void): FileOutcome[] {
  const configs = configsFor(task);
  return files.map((file) => {
    const { findings, failure, files: read } = lintEntry(file, { rules: allRules, configs, root: task.root, maxBytes: task.maxBytes });
    const outcome: FileOutcome = failure ? { file, findings, failure } : { file, findings };
    const referenced = read.filter((path) => path !== file);
    if (referenced.length > 0) outcome.referenced = referenced;
    onDone?.(outcome);
    return outcome;
  });
}

/**
 * The Spectral pass (src/engine/spectral/): for files whose config has a Spectral ruleset, adds
 * its findings. Spectral is asynchronous, restlint's rules are not: this runs in this thread
 * after the pool, and loads Spectral only when some config asks for it.
 */
export async function addSpectralPass(outcomes: FileOutcome[], task: LintTask): Promise<FileOutcome[]> {
  const configs = configsFor(task);
  const result: FileOutcome[] = [];
  for (const outcome of outcomes) {
    // restlint's rules read OpenAPI only; an AsyncAPI document is left to a Spectral ruleset (spectral:asyncapi).
    const asyncApi = outcome.failure?.documentType === 'asyncapi';
    if (outcome.failure && !asyncApi) {
      result.push(outcome);
      continue;
    }
    try {
      const config = configs.configFor(outcome.file);
      if (!config.spectral) result.push(outcome);
      else result.push({ file: outcome.file, findings: await addSpectralFindings(outcome.file, config, outcome.findings) });
    } catch (error) {
      if (!(error instanceof SpectralRulesetError || error instanceof ConfigError)) throw error;
      result.push({ file: outcome.file, findings: [], failure: { kind: 'config', file: error.file, message: `invalid config: ${error.message}`, ...(error.range ? { range: error.range } : {}) } });
    }
  }
  return result;
}

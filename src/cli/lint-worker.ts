import { ConfigError, ConfigFinder } from '../engine/config/config';
import { lintFile } from '../engine/lint';
import type { Finding } from '../engine/finding';
import { addSpectralFindings, SpectralRulesetError } from '../engine/spectral/lint';
import type { FileError } from '../report/report';
import { allRules } from '../../rules';

/** What lints one file needs; plain data, so it crosses to worker threads. */
export interface LintTask {
  /** `--config`: one config for every file instead of discovery. */
  configPath?: string;
  root?: string;
  maxBytes: number;
}

export interface FileOutcome {
  file: string;
  findings: Finding[];
  error?: FileError;
}

/** Lints files one after another in this thread. */
export function lintFilesHere(files: readonly string[], task: LintTask, onDone?: (outcome: FileOutcome) => void): FileOutcome[] {
  const finder = new ConfigFinder(allRules);
  return files.map((file) => {
    const outcome = lintOne(file, task, finder);
    onDone?.(outcome);
    return outcome;
  });
}

function lintOne(file: string, task: LintTask, finder: ConfigFinder): FileOutcome {
  try {
    const config = task.configPath ? finder.load(task.configPath) : finder.forFile(file);
    const result = lintFile(file, { rules: allRules, config, root: task.root, maxBytes: task.maxBytes });
    const error = result.error && { file: result.error.file, message: result.error.message, range: result.error.range, hint: result.error.hint };
    return { file, findings: result.findings, error };
  } catch (error) {
    if (error instanceof ConfigError) {
      return { file, findings: [], error: { file: error.file, message: `invalid config: ${error.message}`, range: error.range } };
    }
    throw error;
  }
}

/**
 * The Spectral pass (src/engine/spectral/): for files whose config has a Spectral ruleset, adds
 * its findings. Spectral is asynchronous, restlint's rules are not: this runs in this thread
 * after the pool, and loads Spectral only when some config asks for it.
 */
/** The start of the error restlint's pass gives an AsyncAPI document (src/engine/lint.ts, openApiVersion). */
const ASYNCAPI_ERROR = 'not an OpenAPI document: it is an AsyncAPI';

export async function addSpectralPass(outcomes: FileOutcome[], task: LintTask): Promise<FileOutcome[]> {
  const finder = new ConfigFinder(allRules);
  const result: FileOutcome[] = [];
  for (const outcome of outcomes) {
    // restlint's rules read OpenAPI only; an AsyncAPI document is left to a Spectral ruleset (spectral:asyncapi).
    const asyncApi = outcome.error?.message.startsWith(ASYNCAPI_ERROR) === true;
    if (outcome.error && !asyncApi) {
      result.push(outcome);
      continue;
    }
    try {
      const config = task.configPath ? finder.load(task.configPath) : finder.forFile(outcome.file);
      if (!config.spectral) result.push(outcome);
      else result.push({ file: outcome.file, findings: await addSpectralFindings(outcome.file, config, outcome.findings) });
    } catch (error) {
      if (!(error instanceof SpectralRulesetError || error instanceof ConfigError)) throw error;
      result.push({ file: outcome.file, findings: [], error: { file: error.file, message: `invalid config: ${error.message}` } });
    }
  }
  return result;
}

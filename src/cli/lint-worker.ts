import { ConfigError, ConfigFinder } from '../engine/config/config';
import { lintFile } from '../engine/lint';
import type { Finding } from '../engine/finding';
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

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AnyRule } from '../engine/rule';
import { colorsFor } from '../report/colors';
import { REPORTERS } from '../report/formats';
import type { LintReport } from '../report/report';
import { UsageError } from './files';
import { rulesDir } from '../engine/rule-docs';

/**
 * Writes each requested format (`lint` and `probe` alike): to its `--output` file (no colour),
 * or to stdout. `rules` are the rules the run used (JUnit lists each as a test case).
 */
export function writeOutputs(report: LintReport, outputs: { format: string; file?: string }[], rules: readonly AnyRule[], cwd: string): void {
  for (const { format, file } of outputs) {
    const reporter = REPORTERS[format];
    if (!reporter) throw new UsageError(`unknown format "${format}" (known: ${Object.keys(REPORTERS).join(', ')})`);
    const colors = colorsFor(file ? {} : process.stdout);
    const text = reporter(report, { rules, rulesDir: rulesDir(), colors, cwd });
    if (!file) {
      process.stdout.write(text);
      continue;
    }
    const path = resolve(cwd, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

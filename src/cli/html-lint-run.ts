// What the HTML report shows of a lint run (src/report/html.ts). Apart from html-run.ts, which
// reads the probe's plan: the lint bundle must not take in the prober.
import { readSourceFile } from '../engine/source/source-file';
import type { HtmlRun } from '../report/html';

/** `info.title` and `info.version` of a parsed document, when they are strings. */
export function apiInfo(data: unknown): { title?: string; version?: string } {
  const info = (data as { info?: { title?: unknown; version?: unknown } } | null)?.info;
  return {
    title: typeof info?.title === 'string' ? info.title : undefined,
    version: typeof info?.version === 'string' ? info.version : undefined,
  };
}

/**
 * What the HTML report shows of a lint: when it started, and the API of the first file linted
 * (read again here, only for `--format html`: the lint workers keep no parsed document).
 */
export function lintRun(files: readonly string[], startedAt: Date, maxBytes: number): HtmlRun {
  let info: { title?: string; version?: string } = {};
  try {
    if (files.length > 0) info = apiInfo(readSourceFile(files[0], { maxBytes }).data);
  } catch {
    // Linted already; a file that cannot be read again only loses its title here.
  }
  return { kind: 'lint', ...info, startedAt: startedAt.toISOString(), target: files.length === 1 ? undefined : `${files.length} files` };
}

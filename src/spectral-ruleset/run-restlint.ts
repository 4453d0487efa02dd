import { join, relative } from 'node:path';
import { allRules } from '../../rules';
import { Config, PRESETS } from '../engine/config/config';
import { projectRoot } from '../engine/document';
import { lintSource } from '../engine/lint';
import { encodePointer } from '../engine/model/location';
import { parseSourceText, readSourceFile, SourceError, type SourceFile } from '../engine/source/source-file';
import { refSiteInEntry } from './ref-sites';

/** A restlint finding as a Spectral function result: a message at a JSON path in the linted document. */
export interface SpectralResult {
  message: string;
  path: (string | number)[];
}

/** What Spectral's custom functions see of the document (spectral-core's Document / ParsedDocument). */
export interface SpectralDocument {
  source?: string | null;
  /** The raw text, for a `Document` (what spectral-cli lints); a `ParsedDocument` has none. */
  input?: unknown;
  data?: unknown;
}

// Spectral calls each rule's function once per document: restlint runs once per document
// and each rule then takes its own findings out of the result.
const runs = new WeakMap<object, Map<string, SpectralResult[]>>();

/** restlint's findings for the document, grouped by rule id. */
export function restlintResults(document: SpectralDocument): Map<string, SpectralResult[]> {
  let byRule = runs.get(document);
  if (!byRule) {
    byRule = lintDocument(document);
    runs.set(document, byRule);
  }
  return byRule;
}

function lintDocument(document: SpectralDocument): Map<string, SpectralResult[]> {
  const byRule = new Map<string, SpectralResult[]>();
  // Spectral owns which rules are on and at what severity, so restlint runs every rule at its
  // default severity; a `.restlint.yaml` is not read here (rule options are the defaults).
  const path = document.source ? document.source : join(process.cwd(), 'stdin.yaml');
  const files = new Map<string, SourceFile>();
  const load = (target: string): SourceFile => {
    let file = files.get(target);
    if (!file) files.set(target, (file = readSourceFile(target)));
    return file;
  };
  let entry: SourceFile;
  try {
    // Spectral computes ranges from paths itself, so without the raw text (a ParsedDocument
    // from Spectral's JS API) the data as JSON serves: only restlint's ranges would differ.
    entry = parseSourceText(path, typeof document.input === 'string' ? document.input : JSON.stringify(document.data ?? null));
    files.set(path, entry);
    const root = projectRoot(path);
    const config = new Config(undefined, PRESETS['restlint:all'](allRules), [], root);
    for (const finding of lintSource(entry, { rules: allRules, config, root }, load)) {
      const result = toResult(entry, files, finding);
      if (!result) continue;
      const list = byRule.get(finding.code) ?? [];
      list.push(result);
      byRule.set(finding.code, list);
    }
  } catch (error) {
    // Not an OpenAPI document (an AsyncAPI file, a ruleset), or unreadable: Spectral's own
    // parser reports syntax errors, and restlint's rules have nothing to say about it.
    if (error instanceof SourceError) return byRule;
    throw error;
  }
  return byRule;
}

function toResult(
  entry: SourceFile,
  files: Map<string, SourceFile>,
  finding: { message: string; path: (string | number)[]; source: string },
): SpectralResult | undefined {
  if (finding.source === entry.path) return { message: finding.message, path: finding.path };
  const pointer = finding.path.map(String);
  const site = refSiteInEntry(entry, files.values(), finding.source, pointer);
  if (!site) return undefined;
  const where = `${relative(process.cwd(), finding.source).split('\\').join('/')}#${encodePointer(pointer)}`;
  return { message: `${finding.message} (in ${where})`, path: jsonPath(entry.data, site) };
}

/** Array indices as numbers, as Spectral's paths have them. */
function jsonPath(data: unknown, pointer: readonly string[]): (string | number)[] {
  let node = data;
  return pointer.map((segment) => {
    const step = Array.isArray(node) ? Number(segment) : segment;
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    return step;
  });
}

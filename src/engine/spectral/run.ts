import { readFileSync } from 'node:fs';
import type { Ruleset } from '@stoplight/spectral-core';
import type { Finding } from '../finding';

/**
 * Lints one entry file with a Spectral ruleset and returns Spectral's results as restlint
 * Findings. Spectral's result shape is restlint's (zero-based ranges, severities 0–3), so the
 * mapping only fills what Spectral may leave out. `$ref`s to local files are followed, as
 * spectral-cli does; remote ones are refused, as restlint's own resolver does.
 */
export async function runSpectral(file: string, ruleset: Ruleset, text = readFileSync(file, 'utf8')): Promise<Finding[]> {
  const { Spectral, Document } = require('@stoplight/spectral-core') as typeof import('@stoplight/spectral-core');
  const Parsers = require('@stoplight/spectral-parsers') as typeof import('@stoplight/spectral-parsers');
  const spectral = new Spectral({ resolver: localResolver() });
  spectral.setRuleset(ruleset);
  // spectral-cli parses every document, JSON included, with the YAML parser: so do we, for the same ranges.
  const results = await spectral.run(new Document(text, Parsers.Yaml, file));
  return results.map((result) => ({
    code: String(result.code),
    message: result.message,
    path: [...result.path],
    severity: result.severity as Finding['severity'],
    source: result.source ?? file,
    range: { start: { ...result.range.start }, end: { ...result.range.end } },
  }));
}

/** Spectral's resolver with file refs only: an http(s) $ref becomes an unresolved-ref result, never a request. */
function localResolver() {
  const { Resolver } = require('@stoplight/spectral-ref-resolver') as typeof import('@stoplight/spectral-ref-resolver');
  const { resolveFile } = require('@stoplight/json-ref-readers') as typeof import('@stoplight/json-ref-readers');
  const refuse = {
    resolve: (ref: { toString(): string }) =>
      Promise.reject(new Error(`restlint does not fetch remote $refs (${ref.toString()}); download the file and refer to the local copy`)),
  };
  return new Resolver({ resolvers: { file: { resolve: resolveFile }, http: refuse, https: refuse } });
}

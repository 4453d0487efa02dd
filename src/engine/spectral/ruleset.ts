import * as fs from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { requirePackages, SPECTRAL_PACKAGES } from '../optional-packages';
import { SPECTRAL_PRESETS, type SpectralDefinition } from './definition';

/** Spectral's ruleset loader may fetch `extends: https://…`; restlint reads only local files. */
export const refuseFetch = (url: unknown): never => {
  throw new Error(`restlint does not fetch remote files (${String(url)}); download it and refer to the local copy`);
};

/**
 * Builds the Spectral `Ruleset` of a definition the way spectral-cli loads a `.spectral.yaml`:
 * the migrator turns the YAML/JSON form (with `functions`/`functionsDir`) into a JS module and
 * the bundler resolves `spectral:oas`, files and functions into it. The definition is served
 * from a virtual file beside the config, so relative paths in it resolve from there.
 * Spectral is required here, lazily: runs without a Spectral config never load it.
 */
export async function loadRuleset(definition: SpectralDefinition): Promise<Ruleset> {
  // Spectral is an optional peer dependency: say which packages to install rather than fail on a require.
  const named = definition.extends.map((entry) => (SPECTRAL_PRESETS.includes(entry) ? entry : basename(entry)));
  requirePackages(named.length > 0 ? `extends: ${named.join(', ')}` : `the Spectral rules of ${basename(definition.file)}`, SPECTRAL_PACKAGES);
  const { migrateRuleset } = require('@stoplight/spectral-ruleset-migrator') as typeof import('@stoplight/spectral-ruleset-migrator');
  const { bundleRuleset } = require('@stoplight/spectral-ruleset-bundler') as typeof import('@stoplight/spectral-ruleset-bundler');
  const { node } = require('@stoplight/spectral-ruleset-bundler/presets/node');
  const { stdin } = require('@stoplight/spectral-ruleset-bundler/plugins/stdin');
  const { builtins } = require('@stoplight/spectral-ruleset-bundler/plugins/builtins');
  const { commonjs } = require('@stoplight/spectral-ruleset-bundler/plugins/commonjs');
  const core = require('@stoplight/spectral-core') as typeof import('@stoplight/spectral-core');

  const dir = dirname(definition.file);
  const virtual = join(dir, '.restlint-spectral-ruleset.json');
  const text = JSON.stringify(serialize(definition, dir));
  const virtualFs = {
    ...fs,
    promises: {
      ...fs.promises,
      readFile: (path: fs.PathLike, options?: unknown) => (path === virtual ? Promise.resolve(text) : fs.promises.readFile(path, options as never)),
    },
  };
  const io = { fs: virtualFs, fetch: refuseFetch };
  const migrated = await migrateRuleset(virtual, { format: 'esm', fs: virtualFs as never, fetch: refuseFetch as never });
  const entry = join(dir, '.spectral.js');
  const bundled = await bundleRuleset(entry, {
    target: 'node',
    format: 'commonjs',
    plugins: [stdin(migrated, entry), builtins(), commonjs(), ...node(io)],
  });
  return new core.Ruleset(evaluate(bundled, entry), { severity: 'recommended', source: definition.file });
}

/** The definition as ruleset JSON; `functionsDir` relative to the virtual file, as Spectral expects. */
function serialize(definition: SpectralDefinition, dir: string): Record<string, unknown> {
  const ruleset: Record<string, unknown> = { extends: definition.extends, rules: definition.rules };
  if (definition.functions) ruleset.functions = definition.functions;
  if (definition.functionsDir) ruleset.functionsDir = './' + relative(dir, definition.functionsDir).split(sep).join('/');
  return ruleset;
}

/** Runs the bundled CommonJS module (what spectral-cli does), requiring from beside the config, then from here. */
function evaluate(source: string, uri: string): ConstructorParameters<typeof Ruleset>[0] {
  const { createRequire } = require('node:module') as typeof import('node:module');
  const req = createRequire(uri);
  const paths = [dirname(uri), __dirname];
  const module: { exports?: unknown } = {};
  Function('module, require', source)(module, (id: string) => req(req.resolve(id, { paths })));
  if (module.exports === null || typeof module.exports !== 'object') throw new Error('the Spectral ruleset exports nothing');
  return module.exports;
}

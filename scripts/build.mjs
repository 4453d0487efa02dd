// Bundles the CLI into one file (dist/restlint.js): a tiny spec then starts without resolving
// hundreds of modules, which is most of a linter's cold start. The bin, dist/cli.js, is a few
// lines that load that bundle with a V8 code cache (src/cli/bin.ts): a later run does not
// compile the bundle again. Type checking is separate (npm run typecheck); esbuild only strips types.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import htmlAssetsBuild from '../src/report/html-assets-build.cjs';

const { buildHtmlAssets } = htmlAssetsBuild;

const root = join(import.meta.dirname, '..');

// The prober, the language server and the bundler are bundles of their own (dist/probe-command.js,
// dist/lsp-command.js, dist/bundle-command.js, the last with swagger-parser built in), required by
// dist/restlint.js only for `restlint probe`, `restlint lsp` and `restlint bundle`: `lint` then
// never parses their code, which a small document would feel.
const probeApart = {
  name: 'probe-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/(probe|lsp|bundle)-command$/ }, (args) => ({ path: `${args.path}.js`, external: true }));
  },
};
// What every Node bundle here shares. Spectral is loaded from node_modules only when a config
// asks for a Spectral ruleset: bundling it would make every run parse it, and restlint's own
// rules never need it. ajv likewise: it is loaded only to validate rule options a config
// gives, or live bodies; supertest only for `probe --app`.
const nodeBundle = {
  outdir: join(root, 'dist'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  minify: process.env.RESTLINT_NO_MINIFY !== '1',
  keepNames: true,
  alias: { 'string-width': join(root, 'scripts', 'shims', 'string-width.mjs') },
  external: ['@stoplight/*', 'ajv', 'ajv-formats', 'supertest'],
  // yargs is ESM and reads import.meta.url, which a CommonJS bundle lacks: give it this file's URL.
  define: { 'import.meta.url': '__importMetaUrl' },
};
// The HTML report's script and CSS, defined into the bundles that write reports: a report
// inlines them, so it opens with no network (the recipe is shared with runs from source).
const htmlAssets = JSON.stringify(buildHtmlAssets());
nodeBundle.define.RESTLINT_HTML_ASSETS = htmlAssets;
const importMetaUrl = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

// dist/ is overwritten in place, not deleted first: a test run reading dist/cli.js while
// another build runs never finds it missing (each entry point leaves no stale files).
// No #! line in dist/restlint.js: the bin compiles it wrapped in a function.
await build({
  ...nodeBundle,
  entryPoints: { restlint: join(root, 'src', 'cli', 'main.ts') },
  // No keepNames in the lint bundle: it wraps every named closure in a defineProperty call,
  // which a hot path that makes closures per value pays for (3 % of a Stripe lint). Nothing
  // in it reads a function's or class's name; the other bundles keep names for the libraries
  // bundled into them (swagger-parser's errors are told apart by name).
  keepNames: false,
  banner: { js: importMetaUrl },
  plugins: [probeApart],
  define: { ...nodeBundle.define, RESTLINT_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
});
await build({
  ...nodeBundle,
  entryPoints: {
    'probe-command': join(root, 'src', 'cli', 'probe-command.ts'),
    'lsp-command': join(root, 'src', 'cli', 'lsp-command.ts'),
    'bundle-command': join(root, 'src', 'cli', 'bundle-command.ts'),
  },
  banner: { js: importMetaUrl },
});
// The bin: node: modules only, so it is all it compiles; no source map (nothing to map).
await build({
  ...nodeBundle,
  entryPoints: { cli: join(root, 'src', 'cli', 'bin.ts') },
  banner: { js: '#!/usr/bin/env node' },
  sourcemap: false,
  define: { RESTLINT_BUNDLE_HASH: JSON.stringify(createHash('sha256').update(readFileSync(join(root, 'dist', 'restlint.js'))).digest('hex')) },
});
// The bin must stay executable across rebuilds (npm sets the bit only when it links bins).
chmodSync(join(root, 'dist', 'cli.js'), 0o755);

// restlint's rules as a Spectral ruleset (`restlint/spectral`): CommonJS, as spectral-cli loads
// JS rulesets. No __dirname/import.meta in it: spectral-cli evaluates the bundle with Function().
await build({
  entryPoints: { 'spectral-ruleset': join(root, 'src', 'spectral-ruleset', 'index.ts') },
  outdir: join(root, 'dist'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  legalComments: 'none',
  minify: process.env.RESTLINT_NO_MINIFY !== '1',
  keepNames: true,
  external: ['@stoplight/*'],
});

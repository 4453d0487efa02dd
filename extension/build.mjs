// Builds the VS Code extension: two self-contained CommonJS bundles (the .vsix ships no
// node_modules) and the rule docs the server reads.
//   extension/src/extension.ts → extension/dist/extension.js   (the client; `vscode` is the host's)
//   src/lsp/main.ts            → extension/dist/server.js      (the language server, started over stdio)
//   rules/*.md                 → extension/rules/*.md          (the server reads join(__dirname, '..', 'rules'))
// Usage: node extension/build.mjs   (npm run build:extension; npm run package:extension also makes the .vsix)
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const extensionDir = import.meta.dirname;
const root = join(extensionDir, '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const minify = process.env.RESTLINT_NO_MINIFY !== '1';

// The extension's version follows restlint's (the root package.json).
const manifestPath = join(extensionDir, 'package.json');
const manifestText = readFileSync(manifestPath, 'utf8');
const manifest = JSON.parse(manifestText);
if (manifest.version !== version) {
  writeFileSync(manifestPath, manifestText.replace(/"version": "[^"]*"/, `"version": "${version}"`));
  console.log(`extension/build.mjs: extension/package.json version ${manifest.version} → ${version}`);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
  minify,
  keepNames: true,
};

// Stale bundles from an older layout must not end up in the .vsix.
rmSync(join(extensionDir, 'dist'), { recursive: true, force: true });

await build({
  ...common,
  entryPoints: { extension: join(extensionDir, 'src', 'extension.ts') },
  outdir: join(extensionDir, 'dist'),
  external: ['vscode'],
});

const serverEntry = join(root, 'src', 'lsp', 'main.ts');
if (!existsSync(serverEntry)) {
  console.error(`extension/build.mjs: ${serverEntry} is missing (the language server); dist/server.js not built`);
  process.exit(1);
}
// main.ts starts the server when it is the program (`require.main === module`, which holds for
// the bundle that node runs). Everything is bundled in: the .vsix has no node_modules.
// Spectral is loaded only for configs that extend a Spectral ruleset, and supertest only for
// `probe --app` (never reached from the editor): both stay out, so a config asking for a
// Spectral ruleset gets the server's error instead of a far bigger bundle for everyone.
await build({
  ...common,
  entryPoints: [serverEntry],
  outfile: join(extensionDir, 'dist', 'server.js'),
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl', RESTLINT_VERSION: JSON.stringify(version) },
  alias: { 'string-width': join(root, 'scripts', 'shims', 'string-width.mjs') },
  external: ['@stoplight/*', 'supertest'],
});

// Rule docs: rules/<id>.md beside the bundle's parent, as the server (and the CLI) expect.
const rulesOut = join(extensionDir, 'rules');
rmSync(rulesOut, { recursive: true, force: true });
mkdirSync(rulesOut, { recursive: true });
const docs = readdirSync(join(root, 'rules')).filter((name) => name.endsWith('.md'));
for (const name of docs) copyFileSync(join(root, 'rules', name), join(rulesOut, name));

console.log(`extension/build.mjs: dist/extension.js, dist/server.js, ${docs.length} rule docs (version ${version})`);

// Loaded only when restlint runs from source (tests through tsx): builds the HTML report's
// assets as scripts/build.mjs does. Never bundled (src/report/html-assets.ts requires it by a
// name in a variable).
import { join } from 'node:path';

export function buildHtmlAssets(): { js: string; css: string } {
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const root = join(__dirname, '..', '..');
  const result = buildSync({
    entryPoints: [join(root, 'src', 'report', 'html-client.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
  });
  const js = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const css = readFileSync(require.resolve('chartist/dist/index.css'), 'utf8').replace(/\/\*# sourceMappingURL=.*?\*\//g, '');
  return { js, css };
}

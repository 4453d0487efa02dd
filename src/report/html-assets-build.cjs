// The HTML report's assets: src/report/html-client.ts bundled for the browser with chartist,
// and chartist's CSS. One recipe for both users: scripts/build.mjs defines them into the
// bundles, and src/report/html-assets.ts builds them on first use when restlint runs from
// source (tests through tsx). Plain CommonJS so both can load it; never bundled itself.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/** @returns {{ js: string, css: string }} */
function buildHtmlAssets() {
  const { buildSync } = require('esbuild');
  const root = join(__dirname, '..', '..');
  const result = buildSync({
    entryPoints: [join(root, 'src', 'report', 'html-client.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  // The script is inlined in a <script> element: a "</script" inside it would end the element.
  const js = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const css = readFileSync(require.resolve('chartist/dist/index.css'), 'utf8').replace(/\/\*# sourceMappingURL=.*?\*\//g, '');
  return { js, css };
}

module.exports = { buildHtmlAssets };

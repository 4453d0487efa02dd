/**
 * The HTML report's script (src/report/html-client.ts with chartist) and chartist's CSS, put in
 * by scripts/build.mjs as a define, so a built report needs no file beside dist/. Run from
 * source (tests through tsx), the script is bundled here on first use with esbuild, as the build does.
 */
declare const RESTLINT_HTML_ASSETS: { js: string; css: string } | undefined;

let built: { js: string; css: string } | undefined;

export function htmlAssets(): { js: string; css: string } {
  if (typeof RESTLINT_HTML_ASSETS === 'object') return RESTLINT_HTML_ASSETS;
  if (!built) {
    // Only from source: a name in a variable, so no bundler follows it into dist/.
    const fromSource = './html-assets-build.cjs';
    built = (require(fromSource) as { buildHtmlAssets(): { js: string; css: string } }).buildHtmlAssets();
  }
  return built;
}

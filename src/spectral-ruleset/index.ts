/**
 * restlint's rules as a Spectral ruleset (bundled to dist/spectral-ruleset.js, the package's
 * `restlint/spectral` export): a Spectral user `extends` it and `spectral lint` reports
 * restlint's findings. Every rule runs restlint's engine on the whole document (`given: $`);
 * restlint runs once per document and each rule returns its own findings.
 *
 * What Spectral cannot carry (limits, by design of its function results `{ message, path }`):
 * - the range: Spectral derives it from the path (the node's value), where restlint narrows
 *   it to a key or one path segment; the lines agree.
 * - a finding's own severity: a rule's weaker cases (restlint lowers them, say a tier-2 verb)
 *   take the rule's Spectral severity.
 * - fixes, rule options (rules run with their defaults) and `.restlint.yaml`, which Spectral
 *   replaces; `x-restlint-ignore` still works.
 * - findings in referenced files are shown at the `$ref` in the entry that leads there, with
 *   `(in <file>#<pointer>)` appended to the message (see ref-sites.ts).
 */
import { lintRules } from '../../rules';
import { docUrlOf } from '../engine/rule-docs';
import { restlintResults, type SpectralDocument } from './run-restlint';

function ruleFor(id: string) {
  // Spectral names the function in errors it reports ("Function "restlint" threw …").
  const restlint = (_target: unknown, _options: unknown, context: { document: SpectralDocument }) => restlintResults(context.document).get(id) ?? [];
  return restlint;
}

// Rules that check documents; live-only ones (restlint probe's) have nothing to say to Spectral.
const rules = Object.fromEntries(
  lintRules.map(({ meta }) => [
    meta.id,
    {
      description: meta.description,
      // The finding's own message, not the description (Spectral's default for a rule without one).
      message: '{{error}}',
      severity: meta.severity,
      recommended: meta.recommended !== false,
      documentationUrl: docUrlOf(meta.id),
      given: '$',
      // Paths are in the document as written: restlint follows `$ref`s itself.
      resolved: false,
      then: { function: ruleFor(meta.id) },
    },
  ]),
);

export = { rules };

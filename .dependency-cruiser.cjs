// The import direction, checked by `npm run lint` (part of `npm test`): shells → engine, rules → engine,
// never the engine into a shell. Layers, innermost first:
//   src/engine           the rule engine: parsing, $ref resolution, config, the lint loop, the live vocabulary
//   rules/               the rules and their helpers (rules/lib); they see only the engine
//   src/probe, src/report  the prober and the reporters; they see only the engine (the prober learns
//                        what to send from the rules' declared probe plans, not by importing rules)
//   src/cli, src/lsp, src/spectral-ruleset  the shells; they may use everything above
// Tests, scripts and benchmarks may import anything; product code never imports them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-imports-no-outer-layer',
      comment: 'The engine is the core every shell shares: it imports no rule, prober, reporter or shell code.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^(rules/|src/(cli|lsp|probe|report|spectral-ruleset)/|extension/)' },
    },
    {
      name: 'rules-import-only-the-engine',
      comment: 'Rules depend on the engine and rules/lib only, so every shell runs them the same way.',
      severity: 'error',
      from: { path: '^rules/' },
      to: { path: '^(src/(cli|lsp|probe|report|spectral-ruleset)/|extension/)' },
    },
    {
      name: 'prober-and-reporters-import-only-the-engine',
      comment: 'The prober plans from what rules declare (RuleModule.probe) and reporters format findings: neither imports rules or a shell.',
      severity: 'error',
      from: { path: '^src/(probe|report)/' },
      to: { path: '^(rules/|src/(cli|lsp|spectral-ruleset)/|extension/)' },
    },
    {
      name: 'prober-and-reporters-are-independent',
      comment: 'The prober and the reporters do not lean on each other; what both need belongs in the engine.',
      severity: 'error',
      from: { path: '^src/(probe|report)/' },
      to: { path: '^src/(probe|report)/', pathNot: '^src/$1/' },
    },
    {
      name: 'product-code-imports-no-tests-or-tools',
      comment: 'Tests, scripts and benchmarks are not shipped.',
      severity: 'error',
      from: { path: '^(src|rules)/' },
      to: { path: '^(test|scripts|bench|fixtures)/' },
    },
    {
      name: 'product-code-imports-no-dev-dependencies',
      // The packages scripts/build.mjs bundles into dist/ (yargs, js-yaml, …) are devDependencies:
      // they are not needed at run time. What dist/ requires at run time is a dependency (ajv) or an
      // optional peer (Spectral, supertest); test/package.test.ts installs the packed tarball to check it.
      comment: 'A devDependency is not installed for users: product code may not need one at run time, unless the build bundles it.',
      severity: 'error',
      from: { path: '^(src|rules)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes load order matter and the layers meaningless.',
      severity: 'error',
      from: {},
      // Type-only imports are erased at build time, so a cycle through them alone does not count.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
    // Resolve packages as Node does, through their "exports" maps (e.g. vscode-languageserver/node).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default', 'types'], mainFields: ['main', 'types'] },
  },
};

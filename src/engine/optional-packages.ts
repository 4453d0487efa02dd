/**
 * Packages restlint uses for one feature only, and so does not install itself: they are
 * optional peer dependencies (package.json), installed by the project that uses the feature.
 * A plain `restlint lint` needs none of them. Versions: the ranges of `peerDependencies`.
 */
export const SPECTRAL_PACKAGES = [
  '@stoplight/spectral-core@^1.24.1',
  '@stoplight/spectral-functions@^1.11.1',
  '@stoplight/spectral-parsers@^1.0.5',
  '@stoplight/spectral-ref-resolver@^1.0.5',
  '@stoplight/spectral-ruleset-bundler@^1.7.0',
  '@stoplight/spectral-ruleset-migrator@^1.12.2',
  '@stoplight/spectral-rulesets@^1.23.1',
  '@stoplight/json-ref-readers@^1.2.2',
] as const;

export const SUPERTEST_PACKAGE = 'supertest@^7.3.2';

/** A feature's package is not installed: a usage or config error (exit 2), not a crash. */
export class MissingPackageError extends Error {}

const nameOf = (spec: string): string => spec.slice(0, spec.lastIndexOf('@'));

/**
 * Throws a MissingPackageError naming what `feature` needs and the command that installs it
 * when one of `specs` (`name@range`) cannot be resolved from restlint's folder (which, in a
 * project that installed restlint, looks in the project's node_modules).
 */
export function requirePackages(feature: string, specs: readonly string[]): void {
  const missing = specs.filter((spec) => {
    try {
      require.resolve(nameOf(spec));
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  const names = missing.map(nameOf);
  throw new MissingPackageError(
    `${feature} needs ${names.join(', ')}, which restlint does not install itself: npm install --save-dev ${missing.join(' ')}`,
  );
}

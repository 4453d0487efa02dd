import type { RuleModule } from '../src/engine/rule';
import invalidRef from './invalid-ref';
import noEmptySegment from './no-empty-segment';
import pathKebabCase from './path-kebab-case';
import pathNoUnderscore from './path-no-underscore';
import noTrailingSlash from './no-trailing-slash';
import pathIdAlternation from './path-id-alternation';
import parentPathsExist from './parent-paths-exist';
import maxNesting from './max-nesting';
import noAmbiguousPaths from './no-ambiguous-paths';
import noFileExtension from './no-file-extension';
import queryParamCasing from './query-param-casing';
import noVerbInPath from './no-verb-in-path';
import noHttpMethodInPath from './no-http-method-in-path';
import pluralCollections from './plural-collections';
import noCrudCustomMethod from './no-crud-custom-method';
import unresolvedRef from './unresolved-ref';

/** Every rule restlint ships, in the order `restlint rules` lists them. */
export const allRules: readonly RuleModule<any>[] = [
  // A. Resource naming and URI shape
  noEmptySegment,
  pathKebabCase,
  pathNoUnderscore,
  noTrailingSlash,
  pathIdAlternation,
  parentPathsExist,
  maxNesting,
  noAmbiguousPaths,
  noFileExtension,
  queryParamCasing,
  noVerbInPath,
  noHttpMethodInPath,
  pluralCollections,
  noCrudCustomMethod,
  // B. Methods
  // C. Status codes
  // D. Errors
  // E. Caching
  // F. Versioning
  // G. Gateway, security, tracing, collections
  // Reference resolution (reported by the engine)
  invalidRef,
  unresolvedRef,
];

import type { AnyRule } from '../src/engine/rule';
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
import registeredStatusCodes from './registered-status-codes';
import noBodyOn204304 from './no-body-on-204-304';
import statusFitsMethod from './status-fits-method';
import documentErrors from './document-errors';
import noErrorIn2xx from './no-error-in-2xx';
import async202Monitor from './async-202-monitor';
import rateLimit429 from './rate-limit-429';
import unresolvedRef from './unresolved-ref';
import unusedIgnore from './unused-ignore';
import probeSkipped from './probe-skipped';
import versionFormat from './version-format';
import apiVersioned from './api-versioned';
import oneVersionStrategy from './one-version-strategy';
import queryVersioningDiscouraged from './query-versioning-discouraged';
import deprecationSignals from './deprecation-signals';
import noStackTrace from './no-stack-trace';
import errorFormat from './error-format';
import singleErrorSchema from './single-error-schema';
import errorIsJson from './error-is-json';
import cacheabilityStated from './cacheability-stated';
import etagConditional from './etag-conditional';
import varyOnNegotiation from './vary-on-negotiation';
import noPublicCacheWithAuth from './no-public-cache-with-auth';
import getNoBody from './get-no-body';
import deleteNoBody from './delete-no-body';
import deleteSuccessCode from './delete-success-code';
import putTargetsItem from './put-targets-item';
import postCreate201Location from './post-create-201-location';
import patchPartial from './patch-partial';
import operationVerbMatchesMethod from './operation-verb-matches-method';
import httpsOnly from './https-only';
import operationsSecured from './operations-secured';
import apiKeyNotInQuery from './api-key-not-in-query';
import requestTracing from './request-tracing';
import securityHeaders from './security-headers';
import paginateCollections from './paginate-collections';
import invalidInputRejected from './invalid-input-rejected';
import methodNotAllowed from './method-not-allowed';
import headMatchesGet from './head-matches-get';
import safeMethodsSafe from './safe-methods-safe';
import documentedStatus from './documented-status';
import documentedContentType from './documented-content-type';
import responseMatchesSchema from './response-matches-schema';
import documentedHeadersPresent from './documented-headers-present';
import noServerError from './no-server-error';
import unauthorizedHasChallenge from './unauthorized-has-challenge';
import pathParamsMatch from './path-params-match';
import uniqueOperationId from './unique-operation-id';
import uniqueParameters from './unique-parameters';
import operationSuccessResponse from './operation-success-response';
import securitySchemesDefined from './security-schemes-defined';
import serverVariablesDefined from './server-variables-defined';
import swagger2BodyParams from './swagger2-body-params';
import documentStructure from './document-structure';
import noUnusedComponents from './no-unused-components';
import noRefSiblings from './no-ref-siblings';
import discriminatorPropertyDefined from './discriminator-property-defined';
import requiredPropertiesDefined from './required-properties-defined';
import exampleMatchesSchema from './example-matches-schema';
import defaultMatchesSchema from './default-matches-schema';
import exampleAndExamples from './example-and-examples';

/** Every rule restlint ships, in the order `restlint rules` lists them. */
export const allRules: readonly AnyRule[] = [
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
  getNoBody,
  deleteNoBody,
  deleteSuccessCode,
  putTargetsItem,
  postCreate201Location,
  patchPartial,
  operationVerbMatchesMethod,
  methodNotAllowed,
  headMatchesGet,
  safeMethodsSafe,
  invalidInputRejected,
  // C. Status codes
  registeredStatusCodes,
  noBodyOn204304,
  statusFitsMethod,
  documentErrors,
  noErrorIn2xx,
  async202Monitor,
  rateLimit429,
  documentedStatus,
  documentedContentType,
  responseMatchesSchema,
  documentedHeadersPresent,
  noServerError,
  // D. Errors
  noStackTrace,
  errorFormat,
  singleErrorSchema,
  errorIsJson,
  // E. Caching
  cacheabilityStated,
  etagConditional,
  varyOnNegotiation,
  noPublicCacheWithAuth,
  // F. Versioning
  versionFormat,
  apiVersioned,
  oneVersionStrategy,
  queryVersioningDiscouraged,
  deprecationSignals,
  // G. Gateway, security, tracing, collections
  httpsOnly,
  operationsSecured,
  unauthorizedHasChallenge,
  apiKeyNotInQuery,
  requestTracing,
  securityHeaders,
  paginateCollections,
  // H. Document correctness: the document does not contradict itself or the specification
  pathParamsMatch,
  uniqueOperationId,
  uniqueParameters,
  operationSuccessResponse,
  securitySchemesDefined,
  serverVariablesDefined,
  swagger2BodyParams,
  documentStructure,
  noUnusedComponents,
  noRefSiblings,
  discriminatorPropertyDefined,
  requiredPropertiesDefined,
  exampleMatchesSchema,
  defaultMatchesSchema,
  exampleAndExamples,
  // Reported by the engine
  invalidRef,
  unresolvedRef,
  unusedIgnore,
  // Reported by the prober
  probeSkipped,
];

/** The rules `lint` (and the editor, and the Spectral ruleset) run: those that check documents. */
export const lintRules: readonly AnyRule[] = allRules.filter((rule) => rule.create);

/** The rules `probe` runs: those with a live check, and the prober's own notes (probe-skipped). */
export const probeRules: readonly AnyRule[] = allRules.filter((rule) => rule.live || rule.meta.id === 'probe-skipped');

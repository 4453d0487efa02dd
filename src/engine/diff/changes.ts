/**
 * The catalogue of changes `restlint diff` reports between two versions of an API. Each id is
 * public (a config's `rules:` takes it like a rule id): never rename one. The level is the
 * default severity: `error` breaks clients that work today, `warn` breaks some of them, `info`
 * breaks none.
 */
import type { AnyRule, Severity } from '../rule';

export type ChangeLevel = Extract<Severity, 'error' | 'warn' | 'info'>;

export interface ChangeKind {
  id: string;
  level: ChangeLevel;
  description: string;
}

const kinds = [
  // Endpoints
  ['endpoint-removed', 'error', 'A path and all its operations were removed (info once deprecated and past its sunset date)'],
  ['method-removed', 'error', 'An operation was removed from a path that remains (info once deprecated and past its sunset date)'],
  ['endpoint-added', 'info', 'An operation was added'],
  ['operation-deprecated', 'info', 'An operation was marked deprecated (never breaking)'],
  // Parameters
  ['required-parameter-added', 'error', 'A required parameter was added; clients that do not send it are refused'],
  ['optional-parameter-added', 'info', 'An optional parameter was added'],
  ['parameter-became-required', 'error', 'An optional parameter became required'],
  ['parameter-removed', 'warn', 'A parameter was removed; clients that send it are ignored or refused'],
  ['parameter-location-changed', 'error', 'A parameter moved to another location (`in`), e.g. from query to header'],
  ['parameter-type-changed', 'error', 'A parameter accepts fewer types than before'],
  ['parameter-enum-value-removed', 'error', 'A parameter no longer accepts an enum value it accepted'],
  ['parameter-constraint-tightened', 'error', 'A parameter constraint (maxLength, minimum, pattern, …) was tightened'],
  // Request bodies
  ['request-body-became-required', 'error', 'The request body became required'],
  ['request-media-type-removed', 'error', 'A request media type is no longer accepted'],
  ['request-property-added-required', 'error', 'A required request property was added'],
  ['request-property-added', 'info', 'An optional request property was added'],
  ['request-property-removed', 'warn', 'A request property was removed; clients that send it have it ignored (refused where additionalProperties is false)'],
  ['request-property-became-required', 'error', 'An optional request property became required'],
  ['request-property-type-changed', 'error', 'A request property (or the body) accepts fewer types than before'],
  ['request-constraint-tightened', 'error', 'A request constraint (maxLength, minLength, minimum, maximum, pattern, maxItems, …) was tightened'],
  ['request-enum-value-removed', 'error', 'A request enum no longer accepts a value it accepted'],
  // Responses
  ['success-status-removed', 'error', 'A success (2xx) response status was removed'],
  ['response-media-type-removed', 'error', 'A response media type is no longer returned'],
  ['response-property-removed', 'error', 'A response property was removed (warn when it was optional)'],
  ['response-property-added', 'info', 'A response property was added'],
  ['response-property-became-optional', 'error', 'A required response property became optional'],
  ['response-property-type-changed', 'error', 'A response property (or the body) may now have a type it did not have'],
  ['response-property-became-nullable', 'error', 'A response property (or the body) may now be null'],
  ['response-enum-value-added', 'warn', 'A response enum gained a value; clients that handle every known value break'],
  ['response-alternative-added', 'error', 'A response oneOf/anyOf gained an alternative clients do not know'],
  ['response-required-header-removed', 'error', 'A required response header was removed'],
  // Security
  ['security-requirement-added', 'error', 'An operation requires a security scheme its clients do not send'],
  ['security-scope-added', 'error', 'An operation requires OAuth scopes its clients may not have'],
] as const satisfies readonly (readonly [string, ChangeLevel, string])[];

export type ChangeId = (typeof kinds)[number][0];

/** Every change kind, in catalogue order. */
export const CHANGE_KINDS: readonly ChangeKind[] = kinds.map(([id, level, description]) => ({ id, level, description }));

export const CHANGE_BY_ID: ReadonlyMap<string, ChangeKind> = new Map(CHANGE_KINDS.map((kind) => [kind.id, kind]));

/**
 * Each change kind as a rule the config reads (`rules: { endpoint-removed: warn }`): metadata
 * only, no checks. Lint never runs them; `restlint diff` reads the severity they are given.
 */
export const CHANGE_RULES: readonly AnyRule[] = CHANGE_KINDS.map((kind) => ({
  meta: { id: kind.id, group: 'correctness', severity: kind.level, description: kind.description, sources: [], fix: 'no', recommended: false, messages: {} },
}));

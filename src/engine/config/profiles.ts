/**
 * Profiles for the guides teams already follow: `extends: [restlint:zalando]`,
 * `[restlint:google]`, `[restlint:microsoft]`. Each is `restlint:recommended` (the course) with
 * the settings where its guide differs from the course, every one cited to the guide's rule
 * (the source keys of ../shared/guidelines.md: Z#n, AIP-n, AZ; Microsoft Graph, which has no
 * key, by its public URL). `restlint rules --profile <name>` prints these settings.
 */
import type { AnyRule, Severity } from '../rule';
import { mergeSettings, type RuleSettings } from './settings';

/** Microsoft Graph REST API guidelines (not among the source keys). */
const GRAPH = 'Microsoft Graph REST API Guidelines: https://github.com/microsoft/api-guidelines/blob/vNext/graph/GuidelinesGraph.md';

/** One setting of a profile: the rule's severity (unchanged when left out), its options, and why. */
export interface ProfileSetting {
  rule: string;
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
  /** The guide's rules the setting follows, as source keys (or a URL). */
  sources: readonly string[];
  /** What the guide asks, in a few words, for `restlint rules --profile`. */
  because: string;
}

export interface Profile {
  /** `zalando`, as `restlint rules --profile` takes it; the preset is `restlint:zalando`. */
  name: string;
  guide: string;
  settings: readonly ProfileSetting[];
}

export const PROFILES: readonly Profile[] = [
  {
    name: 'zalando',
    guide: 'Zalando RESTful API Guidelines (opensource.zalando.com/restful-api-guidelines)',
    settings: [
      { rule: 'error-format', severity: 'error', options: { format: 'problem' }, sources: ['Z#176'], because: 'MUST support problem JSON (RFC 9457 problem details) for errors' },
      { rule: 'query-param-casing', severity: 'error', options: { case: 'snake' }, sources: ['Z#130'], because: 'MUST use snake_case (never camelCase) for query parameters' },
      {
        rule: 'api-versioned',
        options: { strategies: ['media-type'], required: false },
        sources: ['Z#113', 'Z#114', 'Z#115'],
        because: 'SHOULD avoid versioning; if versioned, MUST use media type versioning and MUST NOT use URI versioning',
      },
      { rule: 'request-tracing', options: { headers: ['X-Flow-ID'] }, sources: ['Z#233'], because: 'MUST support X-Flow-ID for request tracing' },
    ],
  },
  {
    name: 'google',
    guide: 'Google API Improvement Proposals (google.aip.dev)',
    settings: [
      { rule: 'path-kebab-case', options: { case: 'camel' }, sources: ['AIP-122'], because: 'collection identifiers in resource names are camelCase' },
      { rule: 'query-param-casing', options: { case: 'camel' }, sources: ['AIP-140', 'AIP-158'], because: 'field names are lowerCamelCase in JSON and query strings (pageSize, pageToken)' },
      { rule: 'error-format', options: { format: 'google' }, sources: ['AIP-193'], because: 'errors are google.rpc.Status: { error: { code, message, status } }' },
      { rule: 'document-errors', options: { defaultCoversClientErrors: true }, sources: ['AIP-193'], because: 'one error message (google.rpc.Status) answers every failure' },
      { rule: 'api-versioned', options: { strategies: ['uri'] }, sources: ['AIP-185'], because: 'the major version is the first path segment (/v1)' },
    ],
  },
  {
    name: 'microsoft',
    guide: `Microsoft Azure REST API Guidelines (AZ) and ${GRAPH}`,
    settings: [
      { rule: 'api-versioned', options: { strategies: ['query'] }, sources: ['AZ'], because: 'MUST take the api-version query parameter on every request' },
      { rule: 'query-versioning-discouraged', options: { allowApiVersion: true }, sources: ['AZ'], because: 'api-version in the query is the required versioning scheme' },
      { rule: 'error-format', options: { format: 'azure' }, sources: ['AZ'], because: 'errors are { error: { code, message } } with an x-ms-error-code header' },
      { rule: 'document-errors', options: { defaultCoversClientErrors: true }, sources: ['AZ'], because: 'operations document errors as a "default" error response' },
      { rule: 'path-kebab-case', options: { case: 'camel' }, sources: [GRAPH], because: 'names (path segments, properties, query parameters) are lowerCamelCase' },
      { rule: 'query-param-casing', options: { case: 'camel' }, sources: ['AZ', GRAPH], because: 'query parameters are camelCase (api-version and $-prefixed OData options stay exempt)' },
    ],
  },
];

/** A profile's settings over recommended's: a setting without a severity keeps the recommended one. */
export function profileSettings(profile: Profile, recommended: RuleSettings): RuleSettings {
  const changes: RuleSettings = new Map();
  for (const setting of profile.settings) {
    const severity = setting.severity ?? recommended.get(setting.rule)?.severity ?? 'off';
    changes.set(setting.rule, { severity, options: setting.options });
  }
  return mergeSettings(recommended, changes);
}

/** `restlint:<name>` for each profile, for config.ts's PRESETS. */
export function profilePresets(recommended: (rules: readonly AnyRule[]) => RuleSettings): Record<string, (rules: readonly AnyRule[]) => RuleSettings> {
  return Object.fromEntries(PROFILES.map((profile) => [`restlint:${profile.name}`, (rules: readonly AnyRule[]) => profileSettings(profile, recommended(rules))]));
}

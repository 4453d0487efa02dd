/**
 * For a team replacing Spectral (`spectral:oas`) or Redocly (`recommended`): which restlint
 * rule covers each of their rules, or why none does. The README's migration table and
 * `restlint explain <their rule>` both read this list; test/migration.test.ts checks that it
 * names every spectral:oas rule and only restlint rules that exist.
 */
export interface PeerRule {
  tool: 'spectral' | 'redocly';
  id: string;
  /** The restlint rules that cover it; empty when none does. */
  restlint: readonly string[];
  /** What differs, or why restlint has no such rule. */
  note?: string;
}

const STYLE = 'documentation completeness, not correctness: the guidelines do not ask for it';
const LEGAL = 'allowed by the specification';
const MARKDOWN = 'restlint renders no Markdown; the tool that renders descriptions must sanitise them';

const spectral = (id: string, restlint: string[], note?: string): PeerRule => ({ tool: 'spectral', id, restlint, note });
const redocly = (id: string, restlint: string[], note?: string): PeerRule => ({ tool: 'redocly', id, restlint, note });

export const PEER_RULES: readonly PeerRule[] = [
  spectral('oas2-schema', ['document-structure'], 'one finding per wrong key or value, with what to write, instead of the JSON Schema errors of every alternative'),
  spectral('oas3-schema', ['document-structure'], 'one finding per wrong key or value, with what to write, instead of the JSON Schema errors of every alternative'),
  spectral('operation-success-response', ['operation-success-response']),
  spectral('oas2-operation-formData-consume-check', ['swagger2-body-params']),
  spectral('operation-operationId-unique', ['unique-operation-id']),
  spectral('operation-parameters', ['unique-parameters']),
  spectral('path-params', ['path-params-match']),
  spectral('path-declarations-must-exist', ['path-params-match'], 'an empty {} is a path parameter no parameter declares'),
  spectral('path-keys-no-trailing-slash', ['no-trailing-slash']),
  spectral('path-not-include-query', ['document-structure']),
  spectral('no-$ref-siblings', ['no-ref-siblings'], 'a warning, as the siblings are ignored rather than invalid; OpenAPI 3.1 allows them'),
  spectral('array-items', ['document-structure'], 'for OpenAPI 3.0 and Swagger 2.0 parameters and headers, which require items; a 3.1 schema need not have them'),
  spectral('typed-enum', ['default-matches-schema']),
  spectral('duplicated-entry-in-enum', ['document-structure']),
  spectral('openapi-tags-uniqueness', ['document-structure']),
  spectral('oas2-discriminator', ['discriminator-property-defined'], 'also for OpenAPI 3.x discriminators and their mappings'),
  spectral('oas2-operation-security-defined', ['security-schemes-defined'], 'also checks oauth2 scopes'),
  spectral('oas3-operation-security-defined', ['security-schemes-defined'], 'also checks oauth2 scopes'),
  spectral('oas2-valid-schema-example', ['example-matches-schema', 'default-matches-schema']),
  spectral('oas2-valid-media-example', ['example-matches-schema']),
  spectral('oas3-valid-schema-example', ['example-matches-schema', 'default-matches-schema']),
  spectral('oas3-valid-media-example', ['example-matches-schema']),
  spectral('oas2-anyOf', ['document-structure']),
  spectral('oas2-oneOf', ['document-structure']),
  spectral('oas2-unused-definition', ['no-unused-components']),
  spectral('oas3-unused-component', ['no-unused-components']),
  spectral('oas3-examples-value-or-externalValue', ['document-structure'], 'value and externalValue together; an example with neither (a summary only) is allowed by the specification'),
  spectral('oas3-server-variables', ['server-variables-defined']),
  spectral('oas2-host-trailing-slash', ['no-trailing-slash']),
  spectral('oas3-server-trailing-slash', ['no-trailing-slash']),
  spectral('operation-tag-defined', [], `${LEGAL}: "not all tags that are used by the Operation Object must be declared"`),
  spectral('oas2-api-host', [], `${LEGAL}: without a host, the host serving the document is used`),
  spectral('oas2-api-schemes', [], `${LEGAL}; https-only checks the schemes that are listed`),
  spectral('oas3-api-servers', [], `${LEGAL}: without servers, the server is "/"`),
  spectral('info-contact', [], STYLE),
  spectral('info-description', [], STYLE),
  spectral('info-license', [], STYLE),
  spectral('license-url', [], STYLE),
  spectral('contact-properties', [], STYLE),
  spectral('operation-description', [], STYLE),
  spectral('operation-tags', [], STYLE),
  spectral('operation-singular-tag', [], STYLE),
  spectral('openapi-tags', [], STYLE),
  spectral('openapi-tags-alphabetical', [], STYLE),
  spectral('tag-description', [], STYLE),
  spectral('oas2-parameter-description', [], STYLE),
  spectral('oas3-parameter-description', [], STYLE),
  spectral('operation-operationId', [], `${LEGAL}: operationId is optional`),
  spectral('operation-operationId-valid-in-url', [], 'a code generator\'s concern, not the API\'s'),
  spectral('oas2-host-not-example', [], 'style (off in spectral:oas too)'),
  spectral('oas3-server-not-example.com', [], 'style (off in spectral:oas too)'),
  spectral('no-eval-in-markdown', [], MARKDOWN),
  spectral('no-script-tags-in-markdown', [], MARKDOWN),
  spectral('oas3-callbacks-in-callbacks', [], LEGAL),
  spectral('oas3_1-servers-in-webhook', [], LEGAL),
  spectral('oas3_1-callbacks-in-webhook', [], LEGAL),
  spectral('oas3_2-no-deprecated-xml-attribute', [], 'a deprecation in OpenAPI 3.2, not an error'),

  redocly('struct', ['document-structure']),
  redocly('spec-components-invalid-map-name', ['document-structure']),
  redocly('no-unresolved-refs', ['invalid-ref']),
  redocly('no-example-value-and-externalValue', ['document-structure']),
  redocly('no-duplicated-enum-values', ['document-structure']),
  redocly('no-duplicated-tag-names', ['document-structure']),
  redocly('path-not-include-query', ['document-structure']),
  redocly('no-server-variables-empty-enum', ['document-structure']),
  redocly('no-undefined-server-variable', ['server-variables-defined']),
  redocly('operation-operationId-unique', ['unique-operation-id']),
  redocly('operation-parameters-unique', ['unique-parameters']),
  redocly('path-parameters-defined', ['path-params-match']),
  redocly('path-declaration-must-exist', ['path-params-match']),
  redocly('no-identical-paths', ['no-ambiguous-paths']),
  redocly('no-ambiguous-paths', ['no-ambiguous-paths']),
  redocly('no-path-trailing-slash', ['no-trailing-slash']),
  redocly('no-server-trailing-slash', ['no-trailing-slash']),
  redocly('security-defined', ['security-schemes-defined', 'operations-secured']),
  redocly('security-scopes-defined', ['security-schemes-defined']),
  redocly('spec-ref-siblings', ['no-ref-siblings']),
  redocly('no-unused-components', ['no-unused-components']),
  redocly('no-enum-type-mismatch', ['default-matches-schema']),
  redocly('no-invalid-media-type-examples', ['example-matches-schema']),
  redocly('no-invalid-parameter-examples', ['example-matches-schema']),
  redocly('no-invalid-schema-examples', ['example-matches-schema', 'default-matches-schema']),
  redocly('no-required-schema-properties-undefined', ['required-properties-defined'], 'where the schema closes its properties or the name is a typo of one: elsewhere JSON Schema lets a required property be any value'),
  redocly('operation-2xx-response', ['operation-success-response'], 'a 3xx or default response counts as success too'),
  redocly('operation-4xx-response', ['document-errors']),
  redocly('no-empty-servers', [], `${LEGAL}: an empty servers list means "/"`),
  redocly('no-schema-type-mismatch', [], 'valid JSON Schema (items beside type: object is ignored); not reported'),
  redocly('no-illogical-composition-keywords', [], 'valid JSON Schema; not reported'),
  redocly('no-mixed-number-range-constraints', [], LEGAL),
  redocly('no-server-example.com', [], 'style'),
  redocly('info-license', [], STYLE),
  redocly('info-license-strict', [], STYLE),
  redocly('tag-description', [], STYLE),
  redocly('operation-summary', [], STYLE),
  redocly('operation-operationId', [], `${LEGAL}: operationId is optional`),
  redocly('operation-operationId-url-safe', [], 'a code generator\'s concern, not the API\'s'),
  redocly('no-unsafe-markdown', [], MARKDOWN),
];

/** What `restlint explain` says for a Spectral or Redocly rule id, if it is one. */
export function peerRulesNamed(id: string): PeerRule[] {
  return PEER_RULES.filter((rule) => rule.id === id);
}

const TOOL_NAMES = { spectral: 'Spectral (spectral:oas)', redocly: 'Redocly (recommended)' };

/** One line per peer rule: `Spectral (spectral:oas) oas3-schema → document-structure: …`. */
export function describePeerRule(rule: PeerRule): string {
  const target = rule.restlint.length > 0 ? rule.restlint.join(', ') : 'not covered';
  return `${TOOL_NAMES[rule.tool]} ${rule.id} → ${target}${rule.note ? `: ${rule.note}` : ''}`;
}

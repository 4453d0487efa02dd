/**
 * The objects of Swagger 2.0, field by field, as https://spec.openapis.org/oas/v2.0 lists them.
 * Its parameters come in two shapes (a body with a schema; everything else typed like an Items
 * Object), and its schemas are a subset of JSON Schema draft 4 (no oneOf, anyOf or not).
 */
import { HTTP_METHODS } from '../../../src/engine/walk/nodes';
import { ANY, BOOLEAN, duplicateEnumValues, duplicateTagNames, listOf, mapOf, of, oneOf, PATH_KEY, STRING, STRINGS, validationKeywords, type Kind, type KeyRule, type ObjectType, type StructureTable } from './kinds';

const STATUS_KEY: KeyRule = {
  test: (key) => key === 'default' || /^[1-5]\d\d$/.test(key),
  explain: (key) =>
    /^[1-5]xx$/i.test(key)
      ? `"${key}": Swagger 2.0 has no status ranges; list each code, or use default (ranges such as 4XX are OpenAPI 3)`
      : `"${key}" is not a response key: use a status code (100-599) or default`,
};

const ANY_KEY: KeyRule = { test: () => true, explain: () => '' };
const PRIMITIVE_TYPES = ['string', 'number', 'integer', 'boolean', 'array'];
const TYPE_HINTS = { int: 'write integer', float: 'write number', double: 'write number', long: 'write integer', bool: 'write boolean', object: 'a non-body parameter is a primitive or an array: an object is sent as a body parameter with a schema' };

/** What Items, Headers and non-body Parameters share: a primitive type and its constraints. */
function typed(types: readonly string[], collectionFormats: readonly string[]): Record<string, Kind> {
  return {
    type: oneOf(types, 'a type here', TYPE_HINTS),
    format: STRING,
    items: of('Items'),
    collectionFormat: oneOf(collectionFormats, 'a collectionFormat'),
    default: ANY,
    ...validationKeywords(BOOLEAN),
  };
}

const FORMATS = ['csv', 'ssv', 'tsv', 'pipes'];
const SCHEMA_TYPE = oneOf(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string', 'file'], 'a JSON Schema type', TYPE_HINTS);
const itemsNeeded = (value: Record<string, unknown>) => {
  const repeated = duplicateEnumValues(value);
  if (!(value.type === 'array' && value.items === undefined)) return repeated;
  return [{ key: 'type', text: 'type: array needs "items" saying what the elements are' }, ...repeated];
};

export function oas2Table(): StructureTable {
  const schema = of('Schema');
  const methods = Object.fromEntries(HTTP_METHODS.filter((method) => method !== 'trace').map((method) => [method, of('Operation')]));
  const table: Record<string, ObjectType> = {
    Document: {
      name: 'Swagger Object',
      fields: {
        swagger: oneOf(['2.0'], 'the Swagger version', { '2': 'write swagger: "2.0"' }),
        info: of('Info'),
        host: STRING,
        basePath: STRING,
        schemes: listOf(oneOf(['http', 'https', 'ws', 'wss'], 'a transfer protocol')),
        consumes: STRINGS,
        produces: STRINGS,
        paths: of('Paths'),
        definitions: mapOf(schema),
        parameters: mapOf(of('Parameter')),
        responses: mapOf(of('Response')),
        securityDefinitions: mapOf(of('SecurityScheme')),
        security: listOf(of('SecurityRequirement')),
        tags: listOf(of('Tag')),
        externalDocs: of('ExternalDocs'),
      },
      required: ['swagger', 'info', 'paths'],
      extra: duplicateTagNames,
      misplaced: {
        openapi: 'a document has either "swagger" (2.0) or "openapi" (3.x), not both',
        components: 'Swagger 2.0 keeps schemas in "definitions" (components are OpenAPI 3)',
        servers: 'Swagger 2.0 writes the address as host, basePath and schemes (servers are OpenAPI 3)',
      },
    },
    Info: { name: 'Info Object', fields: { title: STRING, description: STRING, termsOfService: STRING, contact: of('Contact'), license: of('License'), version: STRING }, required: ['title', 'version'] },
    Contact: { name: 'Contact Object', fields: { name: STRING, url: STRING, email: STRING } },
    License: { name: 'License Object', fields: { name: STRING, url: STRING }, required: ['name'] },
    Paths: { name: 'Paths Object', fields: {}, patterned: { kind: of('PathItem'), keys: PATH_KEY } },
    PathItem: { name: 'Path Item Object', fields: { $ref: STRING, ...methods, parameters: listOf(of('Parameter')) }, misplaced: { trace: 'Swagger 2.0 has no trace operation (OpenAPI 3 does)', servers: 'Swagger 2.0 has no servers', summary: 'a Swagger 2.0 path item has no summary', description: 'a Swagger 2.0 path item has no description' } },
    Operation: {
      name: 'Operation Object',
      fields: {
        tags: STRINGS,
        summary: STRING,
        description: STRING,
        externalDocs: of('ExternalDocs'),
        operationId: STRING,
        consumes: STRINGS,
        produces: STRINGS,
        parameters: listOf(of('Parameter')),
        responses: of('Responses'),
        schemes: listOf(oneOf(['http', 'https', 'ws', 'wss'], 'a transfer protocol')),
        deprecated: BOOLEAN,
        security: listOf(of('SecurityRequirement')),
      },
      // `responses` is required: operation-success-response says so, naming the operation.
      ref: '*',
      misplaced: { requestBody: 'Swagger 2.0 sends a body as a parameter with in: body (requestBody is OpenAPI 3)', servers: 'Swagger 2.0 has no servers', callbacks: 'callbacks are OpenAPI 3' },
    },
    ExternalDocs: { name: 'External Documentation Object', fields: { description: STRING, url: STRING }, required: ['url'] },
    Parameter: {
      name: 'Parameter Object',
      fields: { name: STRING, in: oneOf(['query', 'header', 'path', 'formData', 'body'], 'a parameter location in Swagger 2.0', { cookie: 'Swagger 2.0 has no cookie parameters: describe a Cookie header parameter' }) },
      required: ['name', 'in'],
      ref: 'parameters',
      pick: (value) => (value.in === 'body' ? 'Parameter.body' : typeof value.in === 'string' && ['query', 'header', 'path', 'formData'].includes(value.in) ? 'Parameter.typed' : undefined),
    },
    'Parameter.body': {
      name: 'body Parameter Object',
      fields: { name: STRING, in: STRING, description: STRING, required: BOOLEAN, schema },
      required: ['name', 'in', 'schema'],
      misplaced: Object.fromEntries(Object.keys(typed([], [])).map((key) => [key, `a body parameter describes its value in "schema": "${key}" belongs there`])),
    },
    'Parameter.typed': {
      name: 'Parameter Object',
      fields: { name: STRING, in: STRING, description: STRING, required: BOOLEAN, allowEmptyValue: BOOLEAN, ...typed([...PRIMITIVE_TYPES, 'file'], [...FORMATS, 'multi']) },
      required: ['name', 'in', 'type'],
      misplaced: { schema: 'only an in: body parameter has a schema; this one takes "type" (and "items", "format") itself', content: 'content is OpenAPI 3: a Swagger 2.0 parameter takes "type"', example: 'Swagger 2.0 parameters have no "example" (x-example is a common extension)' },
      extra: itemsNeeded,
    },
    Items: { name: 'Items Object', fields: typed(PRIMITIVE_TYPES, FORMATS), required: ['type'], extra: itemsNeeded },
    Responses: { name: 'Responses Object', fields: {}, patterned: { kind: of('Response'), keys: STATUS_KEY } },
    Response: {
      name: 'Response Object',
      fields: { description: STRING, schema, headers: mapOf(of('Header')), examples: mapOf(ANY) },
      required: ['description'],
      ref: 'responses',
      misplaced: { content: 'Swagger 2.0 puts a response body in "schema" (content is OpenAPI 3)' },
    },
    Header: { name: 'Header Object', fields: { description: STRING, ...typed(PRIMITIVE_TYPES, FORMATS) }, required: ['type'], extra: itemsNeeded },
    Tag: { name: 'Tag Object', fields: { name: STRING, description: STRING, externalDocs: of('ExternalDocs') }, required: ['name'] },
    XML: { name: 'XML Object', fields: { name: STRING, namespace: STRING, prefix: STRING, attribute: BOOLEAN, wrapped: BOOLEAN } },
    SecurityRequirement: { name: 'Security Requirement Object', fields: {}, patterned: { kind: STRINGS, keys: ANY_KEY }, extensions: false },
    SecurityScheme: {
      name: 'Security Scheme Object',
      fields: { type: oneOf(['basic', 'apiKey', 'oauth2'], 'a Swagger 2.0 security scheme type', { http: 'Swagger 2.0 writes type: basic (http is OpenAPI 3)', openIdConnect: 'openIdConnect is OpenAPI 3' }), description: STRING },
      required: ['type'],
      pick: (value) => (typeof value.type === 'string' && table[`SecurityScheme.${value.type}`] ? `SecurityScheme.${value.type}` : undefined),
    },
    'SecurityScheme.basic': { name: 'basic Security Scheme Object', fields: { type: STRING, description: STRING } },
    'SecurityScheme.apiKey': { name: 'apiKey Security Scheme Object', fields: { type: STRING, description: STRING, name: STRING, in: oneOf(['query', 'header'], 'where an API key goes in Swagger 2.0') }, required: ['name', 'in'] },
    'SecurityScheme.oauth2': {
      name: 'oauth2 Security Scheme Object',
      fields: { type: STRING, description: STRING, flow: oneOf(['implicit', 'password', 'application', 'accessCode'], 'a Swagger 2.0 OAuth2 flow'), authorizationUrl: STRING, tokenUrl: STRING, scopes: mapOf(STRING) },
      required: ['flow', 'scopes'],
      misplaced: { flows: 'Swagger 2.0 writes one "flow" with its URLs beside it ("flows" is OpenAPI 3)' },
      extra: (value) => {
        const needs: string[] = [];
        if ((value.flow === 'implicit' || value.flow === 'accessCode') && value.authorizationUrl === undefined) needs.push('authorizationUrl');
        if ((value.flow === 'password' || value.flow === 'application' || value.flow === 'accessCode') && value.tokenUrl === undefined) needs.push('tokenUrl');
        return needs.map((url) => ({ key: 'flow', text: `the ${String(value.flow)} flow needs ${url === 'authorizationUrl' ? 'an' : 'a'} "${url}"` }));
      },
    },
    Schema: {
      name: 'Schema Object',
      fields: {
        $ref: STRING,
        format: STRING,
        title: STRING,
        description: STRING,
        default: ANY,
        ...validationKeywords(BOOLEAN),
        maxProperties: 'count',
        minProperties: 'count',
        required: STRINGS,
        // 2.0 takes `type` "directly from the JSON Schema definition" (draft 4), so a list of
        // types and "null" are valid, as the official 2.0 JSON schema agrees. `file` is meant
        // for a response's schema only, but a definition a response names is one too.
        type: { either: [SCHEMA_TYPE, listOf(SCHEMA_TYPE)] },
        items: { either: [schema, listOf(schema)] },
        allOf: listOf(schema),
        properties: mapOf(schema),
        additionalProperties: { either: ['boolean', schema] },
        discriminator: STRING,
        readOnly: BOOLEAN,
        xml: of('XML'),
        externalDocs: of('ExternalDocs'),
        example: ANY,
      },
      ref: 'definitions',
      extra: duplicateEnumValues,
      wrongType: { required: 'a Schema Object\'s "required" lists the names of its required properties: to require this property, list its name in "required" of the schema that holds it' },
      misplaced: {
        oneOf: 'Swagger 2.0 schemas have no "oneOf" (OpenAPI 3 does); x-oneOf is sometimes used as an extension',
        anyOf: 'Swagger 2.0 schemas have no "anyOf" (OpenAPI 3 does)',
        not: 'Swagger 2.0 schemas have no "not" (OpenAPI 3 does)',
        nullable: 'Swagger 2.0 has no "nullable" (x-nullable: true is a common extension; nullable is OpenAPI 3.0)',
        writeOnly: 'Swagger 2.0 has no "writeOnly" (OpenAPI 3 does)',
        deprecated: 'Swagger 2.0 schemas have no "deprecated" (OpenAPI 3 does; x-deprecated is a common extension)',
        const: 'Swagger 2.0 has no "const": write enum: [<value>]',
        examples: 'a Swagger 2.0 Schema Object takes one "example"',
        definitions: 'Swagger 2.0 keeps schemas in the document\'s "definitions", not in a schema',
      },
    },
  };
  return table;
}

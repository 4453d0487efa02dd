/**
 * The objects of OpenAPI 3.0, 3.1 and 3.2, field by field, as the specification's "Fixed
 * Fields" tables list them (https://spec.openapis.org/oas/v3.0.4, v3.1.1, v3.2.0). 3.1 and 3.2
 * add to 3.0; where a field changed its type (exclusiveMaximum, Schema `type`), the version says.
 */
import { isObject } from '../../../src/engine/model/json';
import { HTTP_METHODS } from '../../../src/engine/walk/nodes';
import { ANY, BOOLEAN, COMPONENT_NAME, duplicateEnumValues, duplicateTagNames, listOf, mapOf, of, oneOf, PATH_KEY, STRING, STRINGS, validationKeywords, type Kind, type KeyRule, type ObjectType, type StructureTable } from './kinds';

export type Oas3Minor = '3.0' | '3.1' | '3.2';

const STATUS_KEY: KeyRule = {
  test: (key) => key === 'default' || /^[1-5](\d\d|XX)$/.test(key),
  explain: (key) =>
    /^[1-5]xx$/.test(key)
      ? `"${key}" is not a response key: a status range is written with capital X ("${key.toUpperCase()}")`
      : `"${key}" is not a response key: use a status code (100-599), a range such as 4XX, or default`,
};

const ANY_KEY: KeyRule = { test: () => true, explain: () => '' };

const JSON_TYPES_30 = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const TYPE_HINTS: Record<string, string> = {
  int: 'integer',
  float: 'number',
  double: 'number',
  long: 'integer',
  bool: 'boolean',
  date: 'string (with format: date)',
  datetime: 'string (with format: date-time)',
  file: 'string (with format: binary)',
};

export function oas3Table(minor: Oas3Minor): StructureTable {
  const v30 = minor === '3.0';
  const v32 = minor === '3.2';
  const only32 = (fields: Record<string, Kind>): Record<string, Kind> => (v32 ? fields : {});
  const after30 = (fields: Record<string, Kind>): Record<string, Kind> => (v30 ? {} : fields);
  const typeNames = v30 ? JSON_TYPES_30 : [...JSON_TYPES_30, 'null'];
  const typeHints = Object.fromEntries(Object.entries(TYPE_HINTS).map(([wrong, right]) => [wrong, `write ${right}`]));
  if (v30) typeHints.null = 'OpenAPI 3.0 has no null type: write nullable: true beside the type';
  const schemaType = oneOf(typeNames, 'a JSON Schema type', typeHints);
  const schema = of('Schema');
  const schemas = listOf(schema);
  const schemaOrBoolean: Kind = { either: ['boolean', schema] };
  const methods = Object.fromEntries(HTTP_METHODS.map((method) => [method, of('Operation')]));
  const parameterFields: Record<string, Kind> = {
    description: STRING,
    required: BOOLEAN,
    deprecated: BOOLEAN,
    allowEmptyValue: BOOLEAN,
    style: oneOf(['matrix', 'label', 'form', 'simple', 'spaceDelimited', 'pipeDelimited', 'deepObject', ...(v32 ? ['cookie'] : [])], 'a parameter style'),
    explode: BOOLEAN,
    allowReserved: BOOLEAN,
    schema,
    example: ANY,
    examples: mapOf(of('Example')),
    content: mapOf(of('MediaType')),
  };
  const schemaOrContent = (what: (value: Record<string, unknown>) => string) => (value: Record<string, unknown>) => {
    if (value.schema !== undefined && value.content !== undefined) return [{ key: 'content', text: `${what(value)} has both "schema" and "content"; keep one` }];
    if (value.schema === undefined && value.content === undefined) return [{ text: `${what(value)} needs a "schema" (or a "content" map) saying what its value is` }];
    if (isObject(value.content) && Object.keys(value.content).length !== 1) return [{ key: 'content', text: `${what(value)} has a "content" map with ${Object.keys(value.content).length} entries; it must have exactly one` }];
    return [];
  };

  const table: Record<string, ObjectType> = {
    Document: {
      name: 'OpenAPI Object',
      fields: {
        openapi: STRING,
        info: of('Info'),
        servers: listOf(of('Server')),
        paths: of('Paths'),
        components: of('Components'),
        security: listOf(of('SecurityRequirement')),
        tags: listOf(of('Tag')),
        externalDocs: of('ExternalDocs'),
        ...after30({ webhooks: mapOf(of('PathItem')), jsonSchemaDialect: STRING }),
        ...only32({ $self: STRING }),
      },
      required: v30 ? ['openapi', 'info', 'paths'] : ['openapi', 'info'],
      misplaced: {
        swagger: 'a document has either "openapi" (3.x) or "swagger" (2.0), not both',
        definitions: 'OpenAPI 3 keeps schemas in components.schemas',
        securityDefinitions: 'OpenAPI 3 keeps security schemes in components.securitySchemes',
        host: 'OpenAPI 3 writes the address as servers: [{ url }]',
        basePath: 'OpenAPI 3 writes the address as servers: [{ url }]',
        schemes: 'OpenAPI 3 writes the address as servers: [{ url }]',
        consumes: 'OpenAPI 3 lists media types under each requestBody.content',
        produces: 'OpenAPI 3 lists media types under each response content',
        ...(v30 ? { webhooks: 'webhooks are OpenAPI 3.1' } : {}),
      },
      extra: (value) => [
        ...(!v30 && value.paths === undefined && value.components === undefined && value.webhooks === undefined ? [{ text: 'the document needs at least one of "paths", "components" or "webhooks"' }] : []),
        ...duplicateTagNames(value),
      ],
    },
    Info: {
      name: 'Info Object',
      fields: { title: STRING, description: STRING, termsOfService: STRING, contact: of('Contact'), license: of('License'), version: STRING, ...after30({ summary: STRING }) },
      required: ['title', 'version'],
    },
    Contact: { name: 'Contact Object', fields: { name: STRING, url: STRING, email: STRING } },
    License: {
      name: 'License Object',
      fields: { name: STRING, url: STRING, ...after30({ identifier: STRING }) },
      required: ['name'],
      extra: (value) => (!v30 && value.url !== undefined && value.identifier !== undefined ? [{ key: 'identifier', text: 'a License Object has "identifier" or "url", not both' }] : []),
    },
    Server: { name: 'Server Object', fields: { url: STRING, description: STRING, variables: mapOf(of('ServerVariable')), ...only32({ name: STRING }) }, required: ['url'] },
    // `default` is required: server-variables-defined says so, with the variable's name.
    ServerVariable: {
      name: 'Server Variable Object',
      fields: { enum: STRINGS, default: STRING, description: STRING },
      // 3.0 says an enum SHOULD NOT be empty; 3.1 that it MUST NOT.
      extra: (value) => (!v30 && Array.isArray(value.enum) && value.enum.length === 0 ? [{ key: 'enum', text: 'a server variable\'s "enum" must not be empty: list the values, or leave "enum" out' }] : []),
    },
    Components: {
      name: 'Components Object',
      fields: {
        schemas: mapOf(schema, COMPONENT_NAME),
        responses: mapOf(of('Response'), COMPONENT_NAME),
        parameters: mapOf(of('Parameter'), COMPONENT_NAME),
        examples: mapOf(of('Example'), COMPONENT_NAME),
        requestBodies: mapOf(of('RequestBody'), COMPONENT_NAME),
        headers: mapOf(of('Header'), COMPONENT_NAME),
        securitySchemes: mapOf(of('SecurityScheme'), COMPONENT_NAME),
        links: mapOf(of('Link'), COMPONENT_NAME),
        callbacks: mapOf(of('Callback'), COMPONENT_NAME),
        ...after30({ pathItems: mapOf(of('PathItem'), COMPONENT_NAME) }),
        ...only32({ mediaTypes: mapOf(of('MediaType'), COMPONENT_NAME) }),
      },
    },
    Paths: { name: 'Paths Object', fields: {}, patterned: { kind: of('PathItem'), keys: PATH_KEY } },
    PathItem: {
      name: 'Path Item Object',
      fields: {
        $ref: STRING,
        summary: STRING,
        description: STRING,
        ...methods,
        servers: listOf(of('Server')),
        parameters: listOf(of('Parameter')),
        ...only32({ query: of('Operation'), additionalOperations: mapOf(of('Operation')) }),
      },
      ref: v30 ? undefined : 'pathItems',
    },
    Operation: {
      name: 'Operation Object',
      fields: {
        tags: STRINGS,
        summary: STRING,
        description: STRING,
        externalDocs: of('ExternalDocs'),
        operationId: STRING,
        parameters: listOf(of('Parameter')),
        requestBody: of('RequestBody'),
        responses: of('Responses'),
        callbacks: mapOf(of('Callback')),
        deprecated: BOOLEAN,
        security: listOf(of('SecurityRequirement')),
        servers: listOf(of('Server')),
      },
      // 3.0 requires `responses`: operation-success-response says so, naming the operation.
      // A `$ref` here is not allowed by the specification, but common and accepted by other tools (the walker follows it too).
      ref: '*',
      misplaced: {
        consumes: 'OpenAPI 3 lists request media types under requestBody.content',
        produces: 'OpenAPI 3 lists response media types under each response content',
        schemes: 'OpenAPI 3 writes the address as servers: [{ url }]',
      },
    },
    ExternalDocs: { name: 'External Documentation Object', fields: { description: STRING, url: STRING }, required: ['url'] },
    Parameter: {
      name: 'Parameter Object',
      fields: {
        name: STRING,
        in: oneOf(['query', 'header', 'path', 'cookie', ...(v32 ? ['querystring'] : [])], `a parameter location in OpenAPI ${minor}`, {
          body: 'a request body is the operation\'s "requestBody" in OpenAPI 3',
          formData: 'form fields are properties of a requestBody with content application/x-www-form-urlencoded or multipart/form-data in OpenAPI 3',
        }),
        ...parameterFields,
      },
      required: ['name', 'in'],
      ref: 'parameters',
      misplaced: SWAGGER2_PARAMETER_KEYS,
      extra: schemaOrContent((value) => `parameter "${typeof value.name === 'string' ? value.name : '?'}"`),
    },
    RequestBody: { name: 'Request Body Object', fields: { description: STRING, content: mapOf(of('MediaType')), required: BOOLEAN }, required: ['content'], ref: 'requestBodies' },
    MediaType: {
      name: 'Media Type Object',
      fields: { schema, example: ANY, examples: mapOf(of('Example')), encoding: mapOf(of('Encoding')), ...only32({ itemSchema: schema, prefixEncoding: listOf(of('Encoding')), itemEncoding: of('Encoding') }) },
      ref: v32 ? 'mediaTypes' : undefined,
    },
    Encoding: {
      name: 'Encoding Object',
      fields: { contentType: STRING, headers: mapOf(of('Header')), style: STRING, explode: BOOLEAN, allowReserved: BOOLEAN, ...only32({ encoding: mapOf(of('Encoding')), prefixEncoding: listOf(of('Encoding')), itemEncoding: of('Encoding') }) },
    },
    Responses: { name: 'Responses Object', fields: {}, patterned: { kind: of('Response'), keys: STATUS_KEY } },
    Response: {
      name: 'Response Object',
      fields: { description: STRING, headers: mapOf(of('Header')), content: mapOf(of('MediaType')), links: mapOf(of('Link')), ...only32({ summary: STRING }) },
      required: v32 ? [] : ['description'],
      ref: 'responses',
      misplaced: { schema: 'OpenAPI 3 puts a response schema under content.<media type>.schema', examples: 'OpenAPI 3 puts response examples under content.<media type>.examples' },
    },
    Callback: { name: 'Callback Object', fields: {}, patterned: { kind: of('PathItem'), keys: ANY_KEY }, ref: 'callbacks' },
    Example: {
      name: 'Example Object',
      fields: { summary: STRING, description: STRING, value: ANY, externalValue: STRING, ...only32({ dataValue: ANY, serializedValue: STRING }) },
      ref: 'examples',
      extra: (value) => (value.value !== undefined && value.externalValue !== undefined ? [{ key: 'externalValue', text: 'an Example Object has "value" or "externalValue", not both' }] : []),
    },
    Link: {
      name: 'Link Object',
      fields: { operationRef: STRING, operationId: STRING, parameters: mapOf(ANY), requestBody: ANY, description: STRING, server: of('Server') },
      ref: 'links',
      extra: (value) => (value.operationRef !== undefined && value.operationId !== undefined ? [{ key: 'operationId', text: 'a Link Object has "operationRef" or "operationId", not both' }] : []),
    },
    Header: {
      name: 'Header Object',
      fields: parameterFields,
      ref: 'headers',
      misplaced: { name: 'a header\'s name is its key in the headers map', in: 'a Header Object has no "in": it is always a header', ...SWAGGER2_PARAMETER_KEYS },
      extra: schemaOrContent(() => 'the header'),
    },
    Tag: { name: 'Tag Object', fields: { name: STRING, description: STRING, externalDocs: of('ExternalDocs'), ...only32({ summary: STRING, parent: STRING, kind: STRING }) }, required: ['name'] },
    Discriminator: { name: 'Discriminator Object', fields: { propertyName: STRING, mapping: mapOf(STRING), ...only32({ defaultMapping: STRING }) }, required: ['propertyName'] },
    XML: { name: 'XML Object', fields: { name: STRING, namespace: STRING, prefix: STRING, attribute: BOOLEAN, wrapped: BOOLEAN, ...only32({ nodeType: STRING }) } },
    SecurityRequirement: { name: 'Security Requirement Object', fields: {}, patterned: { kind: STRINGS, keys: ANY_KEY }, extensions: false },
    SecurityScheme: {
      name: 'Security Scheme Object',
      fields: { type: oneOf(['apiKey', 'http', 'oauth2', 'openIdConnect', ...(v30 ? [] : ['mutualTLS'])], 'a security scheme type', { basic: 'write type: http with scheme: basic', bearer: 'write type: http with scheme: bearer' }), description: STRING },
      required: ['type'],
      ref: 'securitySchemes',
      pick: (value) => (typeof value.type === 'string' && table[`SecurityScheme.${value.type}`] ? `SecurityScheme.${value.type}` : undefined),
    },
    'SecurityScheme.apiKey': securityScheme('apiKey', { name: STRING, in: oneOf(['query', 'header', 'cookie'], 'where an API key goes') }, ['name', 'in']),
    'SecurityScheme.http': securityScheme('http', { scheme: STRING, bearerFormat: STRING }, ['scheme']),
    'SecurityScheme.oauth2': securityScheme('oauth2', { flows: of('OAuthFlows'), ...only32({ oauth2MetadataUrl: STRING }) }, ['flows']),
    'SecurityScheme.openIdConnect': securityScheme('openIdConnect', { openIdConnectUrl: STRING }, ['openIdConnectUrl']),
    'SecurityScheme.mutualTLS': securityScheme('mutualTLS', {}, []),
    OAuthFlows: {
      name: 'OAuth Flows Object',
      fields: { implicit: of('OAuthFlow.implicit'), password: of('OAuthFlow.password'), clientCredentials: of('OAuthFlow.clientCredentials'), authorizationCode: of('OAuthFlow.authorizationCode'), ...only32({ deviceAuthorization: of('OAuthFlow.deviceAuthorization') }) },
    },
    'OAuthFlow.implicit': oauthFlow('implicit', ['authorizationUrl']),
    'OAuthFlow.password': oauthFlow('password', ['tokenUrl']),
    'OAuthFlow.clientCredentials': oauthFlow('clientCredentials', ['tokenUrl']),
    'OAuthFlow.authorizationCode': oauthFlow('authorizationCode', ['authorizationUrl', 'tokenUrl']),
    'OAuthFlow.deviceAuthorization': oauthFlow('deviceAuthorization', ['deviceAuthorizationUrl', 'tokenUrl']),
    Schema: {
      name: 'Schema Object',
      fields: {
        title: STRING,
        ...validationKeywords(v30 ? BOOLEAN : 'number'),
        maxProperties: 'count',
        minProperties: 'count',
        required: STRINGS,
        type: v30 ? schemaType : { either: [schemaType, listOf(schemaType)] },
        allOf: schemas,
        oneOf: schemas,
        anyOf: schemas,
        not: schema,
        items: schema,
        properties: mapOf(schema),
        additionalProperties: schemaOrBoolean,
        description: STRING,
        format: STRING,
        default: ANY,
        discriminator: of('Discriminator'),
        readOnly: BOOLEAN,
        writeOnly: BOOLEAN,
        xml: of('XML'),
        externalDocs: of('ExternalDocs'),
        example: ANY,
        deprecated: BOOLEAN,
        ...(v30 ? { nullable: BOOLEAN } : JSON_SCHEMA_2020_12(schema, schemas)),
      },
      ref: 'schemas',
      refIsKeyword: !v30,
      // 3.0: "items MUST be present if the type is array" (3.1 schemas are JSON Schema, where it is optional).
      extra: (value) => {
        const repeated = duplicateEnumValues(value);
        if (!(v30 && value.type === 'array' && value.items === undefined)) return repeated;
        return [{ key: 'type', text: 'type: array needs "items" saying what the elements are (OpenAPI 3.0 requires it)' }, ...repeated];
      },
      unknown: v30 ? 'strict' : 'near-miss',
      wrongType: {
        required: 'a Schema Object\'s "required" lists the names of its required properties: to require this property, list its name in "required" of the schema that holds it',
        ...(v30 ? { type: 'OpenAPI 3.0 takes one type: for a value that may be null write nullable: true beside it', items: 'OpenAPI 3.0 "items" is one schema (tuples are OpenAPI 3.1 prefixItems)' } : {}),
      },
      misplaced: v30 ? SCHEMA_KEYS_NOT_IN_30 : { nullable: 'OpenAPI 3.1 schemas are JSON Schema 2020-12, which has no "nullable" (it is ignored): write type: [<type>, "null"]' },
    },
  };

  function securityScheme(type: string, fields: Record<string, Kind>, required: string[]): ObjectType {
    return {
      name: `${type} Security Scheme Object`,
      fields: { type: STRING, description: STRING, ...fields, ...only32({ deprecated: BOOLEAN }) },
      required,
      misplaced: Object.fromEntries(
        Object.entries(SCHEME_FIELDS)
          .filter(([field, owner]) => owner !== type && !(field in fields))
          .map(([field, owner]) => [field, `"${field}" belongs to type: ${owner} security schemes, and this one is type: ${type}`]),
      ),
    };
  }

  function oauthFlow(flow: string, urls: string[]): ObjectType {
    const allUrls = ['authorizationUrl', 'tokenUrl', 'refreshUrl', ...(v32 ? ['deviceAuthorizationUrl'] : [])];
    const fields: Record<string, Kind> = { scopes: mapOf(STRING), refreshUrl: STRING };
    for (const url of urls) fields[url] = STRING;
    return {
      name: `OAuth Flow Object (${flow})`,
      fields,
      required: [...urls, 'scopes'],
      misplaced: Object.fromEntries(allUrls.filter((url) => !(url in fields)).map((url) => [url, `the ${flow} flow has no ${url}`])),
    };
  }

  return table;
}

/** Which security scheme type each type-specific field belongs to, for "belongs to type: …" advice. */
const SCHEME_FIELDS: Record<string, string> = { name: 'apiKey', in: 'apiKey', scheme: 'http', bearerFormat: 'http', flows: 'oauth2', openIdConnectUrl: 'openIdConnect', flow: 'oauth2 in Swagger 2.0', authorizationUrl: 'oauth2 (inside flows)', tokenUrl: 'oauth2 (inside flows)', scopes: 'oauth2 (inside flows)' };

/** Swagger 2.0's parameter fields that OpenAPI 3 moved into `schema`. */
const SWAGGER2_PARAMETER_KEYS: Record<string, string> = Object.fromEntries(
  ['type', 'format', 'items', 'collectionFormat', 'default', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf'].map((key) => [
    key,
    key === 'collectionFormat' ? 'OpenAPI 3 writes collectionFormat as "style" and "explode"' : `in OpenAPI 3, "${key}" belongs inside the parameter's "schema"`,
  ]),
);

/** JSON Schema keywords OpenAPI 3.0 does not have, with what 3.0 writes instead. */
const SCHEMA_KEYS_NOT_IN_30: Record<string, string> = {
  const: 'OpenAPI 3.0 has no "const": write enum: [<value>]',
  examples: 'an OpenAPI 3.0 Schema Object takes one "example" ("examples" is OpenAPI 3.1)',
  $schema: 'OpenAPI 3.0 schemas take no "$schema" (OpenAPI 3.1 does)',
  $id: 'OpenAPI 3.0 schemas take no "$id" (OpenAPI 3.1 does)',
  id: 'OpenAPI 3.0 schemas take no "id"',
  definitions: 'OpenAPI 3.0 keeps schemas in components.schemas, not in a schema\'s "definitions"',
  $defs: 'OpenAPI 3.0 keeps schemas in components.schemas (a schema\'s "$defs" is OpenAPI 3.1)',
  patternProperties: 'OpenAPI 3.0 has no "patternProperties" (OpenAPI 3.1 does)',
  dependencies: 'OpenAPI 3.0 has no "dependencies" (OpenAPI 3.1 has dependentRequired and dependentSchemas)',
  contentMediaType: 'OpenAPI 3.0 has no "contentMediaType": write format: binary or format: byte',
  contentEncoding: 'OpenAPI 3.0 has no "contentEncoding": write format: byte for base64',
  if: 'OpenAPI 3.0 has no "if"/"then"/"else" (OpenAPI 3.1 does)',
  then: 'OpenAPI 3.0 has no "if"/"then"/"else" (OpenAPI 3.1 does)',
  else: 'OpenAPI 3.0 has no "if"/"then"/"else" (OpenAPI 3.1 does)',
  propertyNames: 'OpenAPI 3.0 has no "propertyNames" (OpenAPI 3.1 does)',
  prefixItems: 'OpenAPI 3.0 has no "prefixItems" (OpenAPI 3.1 does)',
  additionalItems: 'OpenAPI 3.0 has no "additionalItems"',
  contains: 'OpenAPI 3.0 has no "contains" (OpenAPI 3.1 does)',
};

/** The JSON Schema 2020-12 keywords a 3.1 Schema Object has besides those 3.0 has, and those of earlier drafts still met. */
function JSON_SCHEMA_2020_12(schema: Kind, schemas: Kind): Record<string, Kind> {
  return {
    $schema: STRING,
    $id: STRING,
    $ref: STRING,
    $anchor: STRING,
    $dynamicRef: STRING,
    $dynamicAnchor: STRING,
    $vocabulary: mapOf(BOOLEAN),
    $comment: STRING,
    $defs: mapOf(schema),
    if: schema,
    then: schema,
    else: schema,
    dependentSchemas: mapOf(schema),
    prefixItems: schemas,
    contains: schema,
    patternProperties: mapOf(schema),
    propertyNames: schema,
    unevaluatedItems: schema,
    unevaluatedProperties: schema,
    const: ANY,
    maxContains: 'count',
    minContains: 'count',
    dependentRequired: mapOf(STRINGS),
    contentEncoding: STRING,
    contentMediaType: STRING,
    contentSchema: schema,
    examples: listOf(ANY),
    // Earlier drafts' keywords, still read by validators and common in documents converted from them.
    definitions: mapOf(schema),
    dependencies: ANY,
    additionalItems: schema,
    $recursiveRef: STRING,
    $recursiveAnchor: BOOLEAN,
    id: ANY,
  };
}

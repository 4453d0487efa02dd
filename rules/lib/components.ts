/**
 * Where an OpenAPI document keeps its components, and what one of each kind is called in a
 * message: 3.x under `components`, Swagger 2.0 at the root.
 */
import type { OpenApiVersion } from '../../src/engine/walk/nodes';

export const COMPONENT_KINDS_3: Readonly<Record<string, string>> = {
  schemas: 'schema',
  responses: 'response',
  parameters: 'parameter',
  examples: 'example',
  requestBodies: 'request body',
  headers: 'header',
  securitySchemes: 'security scheme',
  links: 'link',
  callbacks: 'callback',
  pathItems: 'path item',
};

export const COMPONENT_KINDS_2: Readonly<Record<string, string>> = {
  definitions: 'schema',
  parameters: 'parameter',
  responses: 'response',
  securityDefinitions: 'security scheme',
};

/** The component kinds of a version, keyed by the name of their map. */
export function componentKinds(version: OpenApiVersion): Readonly<Record<string, string>> {
  return version === '2.0' ? COMPONENT_KINDS_2 : COMPONENT_KINDS_3;
}

/** Whether a pointer names a component of a kind other than schemas (a response, a parameter, …): what a schema reference must not point at. */
export function isNonSchemaComponent(pointer: readonly string[]): boolean {
  if (pointer.length === 3 && pointer[0] === 'components') return pointer[1] in COMPONENT_KINDS_3 && pointer[1] !== 'schemas';
  return pointer.length === 2 && pointer[0] in COMPONENT_KINDS_2 && pointer[0] !== 'definitions';
}

import { liveApi } from '../../helpers/live';

/**
 * The document the error rules' live tests (error-is-json, error-format, no-stack-trace,
 * no-error-in-2xx) probe: plain operations, a secured one, one whose security is optional,
 * an HTML login page and a resource about errors (the traps those rules exempt).
 */
export function errorRulesShop(): ReturnType<typeof liveApi> {
  return liveApi(`openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /orders:
    get:
      responses:
        '200': { description: the orders }
    post:
      security:
        - key: []
      responses:
        '201': { description: created }
  /orders/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: the order }
  /authorize:
    get:
      responses:
        '200':
          description: the login page
          content:
            text/html: {}
  /jobs/{id}/errors:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: the job's errors }
  /public:
    get:
      security:
        - key: []
        - {}
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Api-Key }
`);
}

import { childLocation } from '../src/engine/model/location';
import { isObject } from '../src/engine/model/json';
import { defineRule } from '../src/engine/rule';
import { quotedList } from './lib/phrases';

/**
 * OpenAPI 3.x server URLs are templates: each `{name}` is substituted from the Server Object's
 * `variables`, and each Server Variable Object REQUIRES a `default` ("the default value to use
 * for substitution"), which must be one of its `enum` values when there is an enum. Every
 * server the walker meets is checked: the document's, and those of path items and operations.
 * Swagger 2.0 has no server variables.
 */
export default defineRule({
  meta: {
    id: 'server-variables-defined',
    group: 'correctness',
    severity: 'error',
    description: 'Every {name} in a server URL is a defined server variable, with a default that is one of its enum values.',
    sources: ['OpenAPI 3.1 §4.8.5', 'OpenAPI 3.1 §4.8.6'],
    fix: 'no',
    messages: {
      undefined: 'server URL "{{url}}" has variable {{variable}}, which {{defined}}',
      noDefault: 'server variable "{{name}}" has no default; OpenAPI requires one (the value a client uses when it picks none)',
      defaultNotInEnum: 'the default "{{value}}" of server variable "{{name}}" is not one of its enum values ({{values}})',
    },
  },
  create(context) {
    return {
      Server(server) {
        if (!server.value) return;
        // `loc` is the `url`; the Server Object is its parent.
        const serverLoc = { file: server.loc.file, pointer: server.loc.pointer.slice(0, -1) };
        const variables = isObject(server.value.variables) ? server.value.variables : {};
        const names = Object.keys(variables);
        const defined = names.length === 0 ? 'is not defined: the server has no variables' : `its variables do not define (they are ${quotedList(names)})`;
        const seen = new Set<string>();
        for (const match of server.url.matchAll(/\{([^{}]*)\}/g)) {
          const name = match[1];
          if (name in variables || seen.has(name)) continue;
          seen.add(name);
          context.report({
            messageId: 'undefined',
            data: { url: server.url, variable: match[0], defined },
            at: server.loc,
            within: { text: server.url, start: match.index, end: match.index + match[0].length },
          });
        }
        for (const name of names) {
          const variable = variables[name];
          if (!isObject(variable)) continue;
          const at = childLocation(serverLoc, 'variables', name);
          if (variable.default === undefined) {
            context.report({ messageId: 'noDefault', data: { name }, at, part: 'key' });
            continue;
          }
          const values = variable.enum;
          // Values are strings by the specification; a number written unquoted in YAML is the same value.
          if (Array.isArray(values) && values.length > 0 && !values.some((value) => String(value) === String(variable.default))) {
            context.report({
              messageId: 'defaultNotInEnum',
              data: { name, value: String(variable.default), values: quotedList(values.map(String)) },
              at: childLocation(at, 'default'),
            });
          }
        }
      },
    };
  },
});

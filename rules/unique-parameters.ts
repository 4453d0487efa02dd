import { defineRule } from '../src/engine/rule';
import { operationName, type OperationNode, type ParameterNode, type PathItemNode } from '../src/engine/walk/nodes';
import { parameterKey, useLocation } from './lib/parameters';

/**
 * OpenAPI: a path item's or an operation's parameter list "MUST NOT include duplicated
 * parameters. A unique parameter is defined by a combination of a name and location."
 * Compared after `$ref`s are followed (two references to one component are a duplicate too),
 * header names case-insensitively. An operation overriding its path item's parameter is
 * not a duplicate: that is what overriding is.
 */
export default defineRule({
  meta: {
    id: 'unique-parameters',
    group: 'correctness',
    severity: 'error',
    description: 'No parameter list (of a path item or an operation) has the same name and `in` twice.',
    sources: ['OpenAPI 3.1 §4.8.9', 'OpenAPI 3.1 §4.8.10'],
    fix: 'no',
    messages: {
      duplicate: '{{owner}} lists parameter "{{name}}" in: {{in}} twice (also parameters[{{index}}]); name and in identify a parameter and must be unique in one list',
      duplicateHeader:
        '{{owner}} lists header parameter "{{name}}" twice (also "{{other}}", parameters[{{index}}]; header names are case-insensitive); name and in identify a parameter and must be unique in one list',
    },
  },
  create(context) {
    const seen = new Map<PathItemNode | OperationNode, Map<string, ParameterNode>>();
    return {
      Parameter(parameter) {
        if (parameter.name === '' || parameter.in === '') return;
        const list = seen.get(parameter.owner) ?? new Map<string, ParameterNode>();
        seen.set(parameter.owner, list);
        const key = parameterKey(parameter);
        const first = list.get(key);
        if (first === undefined) {
          list.set(key, parameter);
          return;
        }
        const owner = parameter.owner.kind === 'Operation' ? operationName(parameter.owner) : `path "${parameter.owner.path}"`;
        const index = first.entryLoc.pointer[first.entryLoc.pointer.length - 1];
        const caseOnly = first.name !== parameter.name;
        context.report({
          messageId: caseOnly ? 'duplicateHeader' : 'duplicate',
          data: { owner, name: parameter.name, in: parameter.in, index, other: first.name },
          at: useLocation(parameter),
        });
      },
    };
  },
});

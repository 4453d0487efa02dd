import { childLocation } from '../src/engine/model/location';
import { defineRule } from '../src/engine/rule';
import type { OperationNode, ParameterNode, PathItemNode } from '../src/engine/walk/nodes';
import { ParameterLists, templateParameters, useLocation } from './lib/parameters';
import { listInWords, quotedList } from './lib/phrases';

/**
 * A path template and its `in: path` parameters describe the same inputs: each `{name}` is
 * declared (at the path item or by every operation), each declared path parameter is in the
 * template, and a path parameter is required. Checked at `PathItem:exit`, when the path item's
 * and its operations' parameters (followed through `$ref`s by the walker) are all known.
 */
export default defineRule({
  meta: {
    id: 'path-params-match',
    group: 'correctness',
    severity: 'error',
    description: 'Every {name} in a path is declared as an `in: path` parameter by each operation, every path parameter is in the path and required.',
    sources: ['OpenAPI 3.1 §3.2', 'OpenAPI 3.1 §4.8.12'],
    fix: 'no',
    messages: {
      undeclared: 'path "{{path}}" has parameter {{param}}, which no parameter of {{methods}} declares{{hint}}',
      notInPath: 'parameter "{{name}}" is declared in: path, but path "{{path}}" has no {{param}}',
      notRequired: 'path parameter "{{name}}" must have required: true (a path parameter is always part of the URL)',
    },
  },
  create(context) {
    const lists = new ParameterLists();

    const declaredPathParameters = (owner: PathItemNode | OperationNode) => lists.of(owner).filter((parameter) => parameter.in === 'path');

    const checkDeclared = (item: PathItemNode, parameter: ParameterNode, templateNames: Set<string>, usedBy?: string) => {
      if (!templateNames.has(parameter.name)) {
        context.report({ messageId: 'notInPath', data: { name: parameter.name, path: item.path, param: `{${parameter.name}}` }, at: useLocation(parameter) });
      }
      if (parameter.value.required !== true) {
        const written = parameter.value.required !== undefined;
        context.report({
          messageId: 'notRequired',
          data: { name: parameter.name },
          at: written ? childLocation(parameter.loc, 'required') : parameter.loc,
          usedBy,
        });
      }
    };

    return {
      Parameter(node) {
        lists.add(node);
      },
      'PathItem:exit'(item) {
        const template = templateParameters(item.path);
        const templateNames = new Set(template.map((parameter) => parameter.name));
        for (const parameter of declaredPathParameters(item)) checkDeclared(item, parameter, templateNames);
        for (const operation of item.operations) {
          const name = `${operation.method.toUpperCase()} ${item.path}`;
          for (const parameter of declaredPathParameters(operation)) checkDeclared(item, parameter, templateNames, name);
        }

        // A path item without operations needs no parameters (OpenAPI: "if the path item is
        // empty, for example due to ACL constraints, matching path parameters are not required").
        const checked = lists.complete(item) ? item.operations.filter((operation) => lists.complete(operation)) : [];
        for (const { name, start, end } of template) {
          const lacking = checked.filter((operation) => !lists.effective(operation).some((parameter) => parameter.in === 'path' && parameter.name === name));
          if (lacking.length === 0) continue;
          context.report({
            messageId: 'undeclared',
            data: { path: item.path, param: `{${name}}`, methods: listInWords(lacking.map((operation) => operation.method.toUpperCase())), hint: strayHint(lacking, templateNames) },
            at: item.loc,
            part: 'key',
            within: { text: item.path, start, end },
          });
        }
      },
    };

    /** What the lacking operations declare instead, the likely misspelling: ` (the operation declares "id" in: path, which is not in the path)`. */
    function strayHint(lacking: OperationNode[], templateNames: Set<string>): string {
      const strays = lacking
        .map((operation) => ({
          method: operation.method.toUpperCase(),
          names: lists.effective(operation).filter((parameter) => parameter.in === 'path' && !templateNames.has(parameter.name)).map((parameter) => parameter.name),
        }))
        .filter((stray) => stray.names.length > 0);
      if (strays.length === 0) return '';
      const tail = (count: number) => (count === 1 ? 'which is not in the path' : 'which are not in the path');
      if (lacking.length === 1) return ` (the operation declares ${quotedList(strays[0].names)} in: path, ${tail(strays[0].names.length)})`;
      // Operations that declare the same strays are named together: `GET and DELETE declare "id"`.
      const byNames = new Map<string, { methods: string[]; names: string[] }>();
      for (const stray of strays) {
        const key = stray.names.join('\0');
        const group = byNames.get(key) ?? { methods: [], names: stray.names };
        group.methods.push(stray.method);
        byNames.set(key, group);
      }
      const clauses = [...byNames.values()].map(({ methods, names }) => `${listInWords(methods)} ${methods.length === 1 ? 'declares' : 'declare'} ${quotedList(names)} in: path`);
      return ` (${clauses.join(', ')}, ${tail(new Set(strays.flatMap((stray) => stray.names)).size)})`;
    }
  },
});

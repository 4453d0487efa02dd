import { childLocation, type NodeLocation } from '../src/engine/model/location';
import { defineRule } from '../src/engine/rule';
import { operationName, type OperationNode } from '../src/engine/walk/nodes';
import { ParameterLists, useLocation } from './lib/parameters';
import { quotedList } from './lib/phrases';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Swagger 2.0 writes the request body as parameters: "There can be one 'body' parameter at
 * most", body and form parameters "cannot exist together for the same operation", and form
 * parameters are sent only when the operation consumes `application/x-www-form-urlencoded` or
 * `multipart/form-data`. Checked per operation on its effective parameters (its own and its path
 * item's it does not override), at `PathItem:exit`.
 */
export default defineRule({
  meta: {
    id: 'swagger2-body-params',
    group: 'correctness',
    severity: 'error',
    description: 'Swagger 2.0: at most one in: body parameter, not together with in: formData, and form parameters only with a form media type in consumes.',
    sources: ['OpenAPI 2.0 §Parameter Object'],
    fix: 'no',
    messages: {
      secondBody: '{{operation}} has a second in: body parameter "{{name}}" (also "{{first}}"); an operation takes at most one body',
      bodyAndForm: '{{operation}} has an in: body parameter "{{name}}" and in: formData parameters ({{form}}); a request body is either the body parameter or the form, not both',
      formNotConsumed: 'in: formData parameters need a form media type in consumes (application/x-www-form-urlencoded or multipart/form-data), but {{whose}} consumes lists {{consumes}}',
      formNoConsumes: '{{operation}} has in: formData parameter "{{name}}", but neither the operation nor the document says what it consumes; add consumes: [application/x-www-form-urlencoded] or [multipart/form-data]',
    },
  },
  create(context) {
    if (context.version !== '2.0') return {};
    const lists = new ParameterLists();
    let globalConsumes: { value: unknown; loc: NodeLocation } | undefined;

    const check = (operation: OperationNode) => {
      const parameters = lists.effective(operation);
      const name = operationName(operation);
      const bodies = parameters.filter((parameter) => parameter.in === 'body');
      const form = parameters.filter((parameter) => parameter.in === 'formData');
      for (const body of bodies.slice(1)) {
        context.report({ messageId: 'secondBody', data: { operation: name, name: body.name, first: bodies[0].name }, at: useLocation(body) });
      }
      if (bodies.length > 0 && form.length > 0) {
        context.report({ messageId: 'bodyAndForm', data: { operation: name, name: bodies[0].name, form: quotedList(form.map((parameter) => parameter.name)) }, at: useLocation(bodies[0]) });
      }
      if (form.length === 0) return;
      // The operation's consumes replaces the document's (an empty list too).
      const own = operation.value.consumes;
      const consumes = own !== undefined ? { value: own, loc: childLocation(operation.loc, 'consumes'), whose: "the operation's" } : globalConsumes && { ...globalConsumes, whose: "the document's" };
      if (!consumes || !Array.isArray(consumes.value)) {
        if (!consumes) context.report({ messageId: 'formNoConsumes', data: { operation: name, name: form[0].name }, at: useLocation(form[0]) });
        return;
      }
      const types = consumes.value.filter((type): type is string => typeof type === 'string');
      if (types.some((type) => FORM_TYPES.includes(type.split(';')[0].trim().toLowerCase()))) return;
      context.report({
        messageId: 'formNotConsumed',
        data: { whose: consumes.whose, consumes: types.length === 0 ? 'nothing' : quotedList(types) },
        at: consumes.loc,
        usedBy: name,
      });
    };

    return {
      Document(document) {
        if (document.value.consumes !== undefined) globalConsumes = { value: document.value.consumes, loc: childLocation(document.loc, 'consumes') };
      },
      Parameter(node) {
        lists.add(node);
      },
      'PathItem:exit'(item) {
        for (const operation of item.operations) check(operation);
      },
    };
  },
});

import { ERROR_PROBES } from '../src/engine/live/types';
import { defineRule } from '../src/engine/rule';
import { operationName } from '../src/engine/walk/nodes';
import { isErrorResponse, propertiesOf, responseBodies, responseName, type Property } from './lib/errors';
import { schemaTypes } from './lib/schema';
import { isWithin } from '../src/engine/model/location';
import { describeLeak, findLeakInBody } from './lib/stack-traces';
import { STACK_TRACE_MEMBERS } from './lib/words';


/**
 * Error responses never carry stack traces: a schema property `stack`, `stackTrace`,
 * `stack_trace`, `callstack`, `backtrace`, `exception` or `trace` (a string or an array: a `trace` object is
 * something else) in a 4xx, 5xx or error `default` response. Read through `$ref`s, `allOf`
 * (and `oneOf`/`anyOf`) members, and one level of nesting (`error.stack`, `errors[].stack`).
 * `traceId`, `trace_id` and `traceparent` are correlation ids, the safe replacement, and pass.
 *
 * Live: any response (any status) whose body holds a stack trace, an internal source path or a
 * database error, per runtime (lib/stack-traces.ts), in the raw text or any JSON string; or a
 * non-empty stack member (`stack`, `stackTrace`, `backtrace`, `exception`, `trace` as text or
 * frames) anywhere in a JSON body, whatever its text.
 */
export default defineRule({
  meta: {
    id: 'no-stack-trace',
    group: 'errors',
    severity: 'error',
    description: 'Error responses never carry stack traces or exception details.',
    sources: ['course', 'Z#177', 'RFC 9457 §5', 'OWASP'],
    fix: 'no',
    messages: {
      inline:
        '{{response}}: property "{{path}}" exposes a stack trace, which reveals the technology and file layout to an attacker; remove it, log the trace server-side and return a correlation id (e.g. traceId) instead',
      shared:
        'error schema property "{{path}}" exposes a stack trace, which reveals the technology and file layout to an attacker; remove it, log the trace server-side and return a correlation id (e.g. traceId) instead',
      liveTrace:
        '{{operation}} answered {{status}} with {{leak}} in its body, which reveals the technology and file layout to an attacker; log it server-side and return a correlation id (e.g. traceId) instead',
      liveMember:
        '{{operation}} answered {{status}} with a "{{member}}" member that exposes {{leak}}; remove it, log the trace server-side and return a correlation id (e.g. traceId) instead',
    },
  },
  create(context) {
    return {
      Response(response) {
        if (!isErrorResponse(response)) return;
        const seen = new Set<string>();
        for (const body of responseBodies(response, context.version)) {
          const key = body.at.pointer.join('/');
          if (seen.has(key)) continue;
          seen.add(key);
          for (const property of leaks(body.schema, body.at, context.resolve)) {
            const inline = isWithin(property.at, response.operation.loc);
            context.report({
              messageId: inline ? 'inline' : 'shared',
              data: { response: responseName(response), path: property.path },
              at: property.at,
              part: 'key',
              usedBy: operationName(response.operation),
            });
          }
        }
      },
    };
  },
  probe: { needs: [], uses: ERROR_PROBES },
  live(context) {
    return {
      exchange(exchange) {
        const { response } = exchange;
        if (!response || response.body.trim() === '') return;
        const found = findLeakInBody(response.body, response.json);
        if (found?.member) {
          const { member, value, runtime } = found.member;
          const leak = runtime ? describeLeak(runtime) : 'exception details';
          context.report({ messageId: 'liveMember', data: { member, leak }, exchange, detail: `"${member}": ${value}`.slice(0, 200) });
        } else if (found?.trace) {
          context.report({ messageId: 'liveTrace', data: { leak: describeLeak(found.trace.runtime) }, exchange, detail: found.trace.line });
        }
      },
    };
  },
});

function leaks(schema: unknown, at: Parameters<typeof propertiesOf>[1], resolve: Parameters<typeof propertiesOf>[2]): Property[] {
  const found: Property[] = [];
  for (const property of propertiesOf(schema, at, resolve)) {
    if (isLeak(property)) {
      found.push(property);
      continue;
    }
    // One level of nesting: `error: { stack }`, `errors: [{ stack }]`.
    const { value, valueLoc } = property;
    if (!value || !valueLoc) continue;
    const nested = propertiesOf(value, valueLoc, resolve, `${property.name}.`);
    if (value.items !== undefined) {
      nested.push(...propertiesOf(value.items, { file: valueLoc.file, pointer: [...valueLoc.pointer, 'items'] }, resolve, `${property.name}[].`));
    }
    found.push(...nested.filter(isLeak));
  }
  return found;
}

function isLeak(property: Property): boolean {
  const name = property.name.toLowerCase().replace(/[-_]/g, '');
  if (!STACK_TRACE_MEMBERS.has(name)) return false;
  if (name !== 'trace') return true;
  // `trace` is a leak as text or a list of frames; an object (a tracing context) is not.
  const types = schemaTypes(property.value);
  return types.includes('string') || types.includes('array') || (types.length === 0 && property.value?.items !== undefined);
}

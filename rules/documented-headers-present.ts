import { defineRule } from '../src/engine/rule';
import type { SchemaFailure } from '../src/engine/live/types';
import { conformanceAnswer, CONFORMANCE_PROBES } from './lib/live';

/**
 * Live only. The headers a documented response marks `required: true` are sent, and every
 * documented header that is sent matches its schema. A header value is a string: it is also
 * tried as a number, a boolean and a comma-separated list (OpenAPI's `simple` style), so
 * `X-Rate-Limit: 100` matches `type: integer`. Swagger 2.0 headers are their own schema and
 * have no `required`. A documented `Content-Type` header is ignored, as OpenAPI says.
 * Judged for the same requests as documented-status, against the documented response the
 * status falls under (exact code, else range, else `default`).
 */
export default defineRule({
  meta: {
    id: 'documented-headers-present',
    group: 'status-codes',
    severity: 'warn',
    description: 'Response headers the document marks required are sent, and sent headers match their schema.',
    sources: ['Schemathesis-style conformance'],
    fix: 'no',
    messages: {
      missing: '{{operation}} answered {{status}} without the {{header}} header, which its {{response}} response requires; send it (or document it as optional)',
      mismatch: '{{operation}} answered {{status}} with the {{header}} header not matching its schema: {{message}} ({{keyword}})',
    },
  },
  probe: { needs: [], uses: CONFORMANCE_PROBES },
  live(context) {
    return {
      exchange(ex) {
        const answer = conformanceAnswer(ex);
        if (!answer?.documented) return;
        const { response, documented } = answer;
        for (const [name, header] of documented.headers) {
          if (name === 'content-type') continue;
          const value = response.headers[name];
          if (value === undefined) {
            if (header.required) context.report({ messageId: 'missing', data: { header: name, response: documented.status }, exchange: ex, detail: `(no ${name} header)` });
            continue;
          }
          if (!header.schema) continue;
          const schema = header.schema;
          const failure = firstFailure(readings(value).map((reading) => context.validate(schema, reading)));
          if (failure) context.report({ messageId: 'mismatch', data: { header: name, message: failure.message, keyword: failure.keyword }, exchange: ex, detail: `${name}: ${value}` });
        }
      },
    };
  },
});

/** The ways a header value may be read: as sent, as a number, a boolean, a list. */
function readings(value: string): unknown[] {
  const text = value.trim();
  const out: unknown[] = [text];
  const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
  if (number !== undefined) out.push(number);
  if (text === 'true' || text === 'false') out.push(text === 'true');
  const items = text.split(',').map((item) => item.trim());
  out.push(items);
  if (items.every((item) => /^-?\d+(\.\d+)?$/.test(item))) out.push(items.map(Number));
  return out;
}

/**
 * Undefined when some reading is valid; else the most telling failure: one past the type
 * (the value was read as the right type but breaks a constraint, `minimum` say), else the
 * first (the value as sent).
 */
function firstFailure(failures: (SchemaFailure | undefined)[]): SchemaFailure | undefined {
  if (failures.some((failure) => failure === undefined)) return undefined;
  const all = failures as SchemaFailure[];
  return all.find((failure) => failure.keyword !== 'type') ?? all[0];
}

import { defineRule } from '../src/engine/rule';
import { childLocation, type NodeLocation } from '../src/engine/model/location';
import { operationName } from '../src/engine/walk/nodes';
import { isObject } from '../src/engine/model/json';
import { is2xxStatus, is2xxStatusKey } from '../src/engine/status-ranges';

interface FoundHeader {
  value: Record<string, unknown>;
  loc: NodeLocation;
}

/**
 * A deprecated operation (`deprecated: true`) tells clients so at run time: a `Deprecation`
 * response header (RFC 9745, when it was deprecated) and a `Sunset` header (RFC 8594, when it
 * stops working), documented on a success response (any 2xx is enough; `default` when the
 * operation documents no 2xx). When both headers have example dates, Sunset is not earlier
 * than Deprecation.
 */
export default defineRule({
  meta: {
    id: 'deprecation-signals',
    group: 'versioning',
    severity: 'info',
    description: 'Deprecated operations document Deprecation and Sunset response headers.',
    sources: ['RFC 9745', 'RFC 8594', 'Z#189'],
    fix: 'no',
    messages: {
      liveMissing: '{{operation}} is deprecated, but its success responses carry no Deprecation header; send Deprecation (RFC 9745), and Sunset (RFC 8594) with the date it stops working, so clients learn it at run time',
      liveSunsetEarly: '{{operation}} answered with a Sunset date ({{sunset}}) earlier than its Deprecation date ({{deprecation}}); an operation cannot stop working before it is deprecated',
      missing: '{{operation}} is deprecated, but no success response documents {{missing}}; add {{them}} so clients learn at run time that it is deprecated (Deprecation, RFC 9745) and when it stops working (Sunset, RFC 8594)',
      sunsetEarly: 'the "Sunset" example ({{sunset}}) is earlier than the "Deprecation" example ({{deprecation}}); an operation cannot stop working before it is deprecated',
    },
  },
  create(context) {
    return {
      Operation(operation) {
        if (operation.value.deprecated !== true) return;
        const responses = operation.value.responses;
        if (!isObject(responses)) return;
        const responsesLoc = childLocation(operation.loc, 'responses');
        const statuses = Object.keys(responses);
        const success = statuses.filter(is2xxStatusKey);
        const checked = success.length > 0 ? success : statuses.filter((status) => status === 'default');
        let deprecation: FoundHeader | undefined;
        let sunset: FoundHeader | undefined;
        for (const status of checked) {
          const response = context.resolve(responses[status], childLocation(responsesLoc, status));
          if (!response || !isObject(response.value) || !isObject(response.value.headers)) continue;
          const headers = response.value.headers;
          for (const name of Object.keys(headers)) {
            const lower = name.toLowerCase();
            if (lower !== 'deprecation' && lower !== 'sunset') continue;
            const header = context.resolve(headers[name], childLocation(response.loc, 'headers', name));
            if (!header || !isObject(header.value)) continue;
            const found = { value: header.value, loc: header.loc };
            if (lower === 'deprecation') deprecation ??= found;
            else sunset ??= found;
          }
        }
        const name = operationName(operation);
        if (!deprecation || !sunset) {
          const missing = !deprecation && !sunset ? 'the "Deprecation" and "Sunset" headers' : `the "${deprecation ? 'Sunset' : 'Deprecation'}" header`;
          const them = !deprecation && !sunset ? 'them' : 'it';
          context.report({ messageId: 'missing', data: { operation: name, missing, them }, at: childLocation(operation.loc, 'deprecated') });
          return;
        }
        const deprecationExample = exampleOf(deprecation.value);
        const sunsetExample = exampleOf(sunset.value);
        const deprecationTime = deprecationExample === undefined ? undefined : parseDate(deprecationExample);
        const sunsetTime = sunsetExample === undefined ? undefined : parseDate(sunsetExample);
        if (deprecationTime !== undefined && sunsetTime !== undefined && sunsetTime < deprecationTime) {
          context.report({
            messageId: 'sunsetEarly',
            data: { sunset: String(sunsetExample), deprecation: String(deprecationExample) },
            at: sunset.loc,
            usedBy: name,
          });
        }
      },
    };
  },
  live(context) {
    return {
      exchange(ex) {
        const { request, response } = ex;
        if (!response || !request.operation) return;
        const { deprecation, sunset } = response.headers;
        if (request.operation.deprecated && is2xxStatus(response.status) && deprecation === undefined) {
          context.report({ messageId: 'liveMissing', exchange: ex, detail: '(no Deprecation header)' });
        }
        if (deprecation === undefined || sunset === undefined) return;
        const deprecationTime = parseDate(deprecation);
        const sunsetTime = parseDate(sunset);
        if (deprecationTime !== undefined && sunsetTime !== undefined && sunsetTime < deprecationTime) {
          context.report({ messageId: 'liveSunsetEarly', data: { sunset, deprecation }, exchange: ex, detail: `deprecation: ${deprecation}\nsunset: ${sunset}` });
        }
      },
    };
  },
});

/** A header's example: `example`, the schema's `example` or `default`, the first of `examples`, Swagger 2.0 `x-example`. */
function exampleOf(header: Record<string, unknown>): string | number | undefined {
  const schema = isObject(header.schema) ? header.schema : header;
  const examples = isObject(header.examples) ? Object.values(header.examples) : [];
  const first = examples.find((entry) => isObject(entry) && entry.value !== undefined);
  const candidates = [header.example, header['x-example'], isObject(first) ? first.value : undefined, schema.example, schema.default];
  return candidates.find((value): value is string | number => typeof value === 'string' || typeof value === 'number');
}

/** RFC 9745 structured dates (`@1688169599`), HTTP-dates and ISO dates, in milliseconds. */
function parseDate(value: string | number): number | undefined {
  if (typeof value === 'number') return value * 1000;
  const structured = /^@(-?\d+)$/.exec(value.trim());
  if (structured) return Number(structured[1]) * 1000;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

import { defineRule } from '../src/engine/rule';
import type { NodeLocation } from '../src/engine/model/location';
import { operationName, type OperationNode } from '../src/engine/walk/nodes';
import { locationName, statusKeys } from './lib/status';
import { isObject } from '../src/engine/model/json';
import { isWithin } from '../src/engine/model/location';

type Json = Record<string, unknown>;

/** Rate-limit response fields: IETF draft `RateLimit`/`RateLimit-Policy`, the older `RateLimit-*`, and `X-RateLimit-*`/`X-Rate-Limit-*`. */
const RATE_LIMIT_HEADER = /(^|-)rate-?limit(-|$)/i;
/** The API's own description speaking of rate limits (a "Rate limits" section, say). */
const RATE_LIMIT_TEXT = /\brate[- ]?limit(s|ed|ing)?\b|\bthrottl(e|ed|es|ing)\b|\btoo many requests\b/i;
/**
 * An operation's description saying that the operation itself is limited ("subject to rate
 * limits", "is throttled", "rate limits apply"), not merely naming the topic (GitHub's
 * endpoint that counts "rate-limited requests").
 */
/** An operation that says it is exempt ("does not count against your rate limit", GitHub's GET /rate_limit). */
const EXEMPT_TEXT = /\b(does not|doesn't|do not|don't|not) count (against|towards?)\b|\bnot (subject to|rate[- ]?limited)\b|\bexempt from\b/i;
const LIMITED_TEXT = /\b(subject to|is|are|be|being|will be)\s+(\[|\*|_)?(rate[- ]?limit|throttl)|\brate[- ]?limits? (apply|applies)\b|\brate[- ]?limited (to|at)\b/i;

interface Evidence {
  at: NodeLocation;
  what: string;
}

/**
 * Where rate limits apply, clients learn of them from a 429 Too Many Requests that says when
 * to retry (RFC 6585 §4, Zalando #153): `Retry-After`, or rate-limit fields (`RateLimit`,
 * `RateLimit-Policy`, `RateLimit-*`, `X-RateLimit-*`).
 *
 * Trigger, for precision: every documented 429 is checked for those headers; beyond that, an
 * operation is rate-limited only on evidence: rate-limit headers on its own responses, or its
 * description saying that it is limited ("subject to rate limits", "is throttled"; merely
 * naming the topic, as an endpoint counting "rate-limited requests" does, is not enough), and
 * not saying it is exempt ("does not count against your rate limit"). Such an operation must document 429 (or `4XX`). A document whose
 * description (or any response header) speaks of rate limits but that documents no 429 at
 * all gets one finding, at that evidence, rather than one per operation.
 */
export default defineRule({
  meta: {
    id: 'rate-limit-429',
    group: 'status-codes',
    severity: 'warn',
    description: 'Where rate limits apply, a 429 response is documented and carries Retry-After or RateLimit headers.',
    sources: ['RFC 6585 §4', 'Z#153'],
    fix: 'no',
    habits: {
      noRetryHeader:
        'the document says nowhere when to retry: {{share}} operations that document a 429 give it no Retry-After or RateLimit headers; add Retry-After (or RateLimit/RateLimit-Policy), in a shared 429 response',
    },
    messages: {
      live429: '{{operation}} answered 429 without Retry-After or RateLimit headers; add Retry-After (or RateLimit/RateLimit-Policy) so clients know when to try again',
      noRetryHeader: '{{subject}} has no Retry-After or RateLimit headers; add Retry-After (or RateLimit/RateLimit-Policy) so clients know when to try again',
      no429: '{{operation}} is rate-limited ({{evidence}}) but documents no 429 response; add a 429 with Retry-After',
      no429Anywhere: 'the API describes rate limits ({{evidence}}) but no operation documents a 429 response; add a 429 with Retry-After to the rate-limited operations',
    },
  },
  create(context) {
    let any429 = false;
    let documentEvidence: Evidence | undefined;
    const limited: { operation: OperationNode; at: NodeLocation; evidence: string }[] = [];
    return {
      Document(document) {
        const info = document.value.info;
        if (isObject(info) && typeof info.description === 'string' && RATE_LIMIT_TEXT.test(info.description)) {
          documentEvidence = { at: { file: document.loc.file, pointer: [...document.loc.pointer, 'info', 'description'] }, what: 'info.description' };
        }
      },
      Operation(operation) {
        const own = operation;
        const responses = own.value.responses;
        if (!isObject(responses)) return;
        let evidence: string | undefined;
        const texts = [own.value.description, own.value.summary].filter((text): text is string => typeof text === 'string');
        if (texts.some((text) => LIMITED_TEXT.test(text))) evidence = 'its description says so';
        const exempt = texts.some((text) => EXEMPT_TEXT.test(text));
        for (const status of statusKeys(own.value)) {
          const at = { file: own.loc.file, pointer: [...own.loc.pointer, 'responses', status] };
          const resolved = context.resolve(responses[status], at);
          if (!resolved || !isObject(resolved.value)) continue;
          const names = headerNames(resolved.value);
          const rateHeader = names.find((name) => RATE_LIMIT_HEADER.test(name));
          if (rateHeader) {
            evidence ??= `its ${status} response has the ${rateHeader} header`;
            documentEvidence ??= { at: { file: resolved.loc.file, pointer: [...resolved.loc.pointer, 'headers', rateHeader] }, what: `${rateHeader} header` };
          }
          if (status.trim() !== '429') continue;
          any429 = true;
          context.checked('noRetryHeader', operationName(operation));
          if (names.some((name) => name.toLowerCase() === 'retry-after' || RATE_LIMIT_HEADER.test(name))) continue;
          const shared = !isWithin(resolved.loc, own.loc);
          const subject = shared ? `shared response "${locationName(resolved.loc)}" (used as 429)` : `${operationName(operation)}: 429 response`;
          context.report({ messageId: 'noRetryHeader', data: { subject }, at: resolved.loc, part: 'key', usedBy: operationName(operation), habit: 'noRetryHeader' });
        }
        const statuses = statusKeys(own.value);
        if (evidence && !exempt && !statuses.some((status) => status.trim() === '429' || status.toUpperCase() === '4XX')) {
          limited.push({ operation, at: { file: own.loc.file, pointer: [...own.loc.pointer, 'responses'] }, evidence });
        }
      },
      'Document:exit'() {
        if (!any429) {
          if (documentEvidence) context.report({ messageId: 'no429Anywhere', data: { evidence: documentEvidence.what }, at: documentEvidence.at, part: 'key' });
          return;
        }
        for (const { operation, at, evidence } of limited) {
          context.report({ messageId: 'no429', data: { operation: operationName(operation), evidence }, at, part: 'key' });
        }
      },
    };
  },
  live(context) {
    return {
      exchange(ex) {
        const { response } = ex;
        if (!response || response.status !== 429) return;
        if (Object.keys(response.headers).some((name) => name === 'retry-after' || RATE_LIMIT_HEADER.test(name))) return;
        context.report({ messageId: 'live429', exchange: ex, detail: '(no Retry-After or RateLimit header)' });
      },
    };
  },
});

function headerNames(response: Json): string[] {
  return isObject(response.headers) ? Object.keys(response.headers) : [];
}


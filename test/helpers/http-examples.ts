import { parsePath, requestPath } from '../../src/engine/model/path';
import type { Exchange, LiveApi, LiveOperation, ProbePurpose } from '../../src/engine/live/types';
import { exchange } from './live';

/**
 * A rule doc's ```http example, replayed as the prober would have made it. The block holds one
 * or more exchanges, each a request (`GET /v1/users/42 HTTP/1.1`, headers, blank line, optional
 * body) followed by its response (`HTTP/1.1 200 OK`, headers, blank line, optional body). The
 * fence line says the context: `purpose=<ProbePurpose>` is the purpose of the last exchange
 * (default `valid`; the ones before it are documented calls), and a follow-up purpose
 * (`head`, `conditional`, …) takes the exchange before it as its basis; `credentials` says
 * every request carried the credentials given with --header. A request line with an absolute
 * URL (`GET http://api.example.com/v1/users`) names the probe's target.
 */
export interface HttpExample {
  exchanges: Exchange[];
  /** The origin of an absolute request URL, else undefined (the default target). */
  target?: string;
}

/**
 * Every purpose, and whether it follows up a documented GET (Planner.followUps), so that it needs
 * the exchange before it as its basis. A Record, so that a new ProbePurpose must be placed here.
 */
const FOLLOWS_UP: Record<ProbePurpose, boolean> = {
  valid: false,
  'unknown-id': false,
  'unknown-path': false,
  'wrong-method': false,
  'malformed-json': false,
  'invalid-body': false,
  'no-auth': false,
  conditional: true,
  head: true,
  'traceparent-valid': true,
  'traceparent-malformed': true,
  'trailing-slash': true,
  'accept-variant': true,
  'unknown-version': true,
  unversioned: true,
  repeat: true,
  parent: true,
  duplicate: true,
  cleanup: false,
};

interface RawMessage {
  start: string;
  headers: Record<string, string>;
  body: string;
}

const REQUEST_LINE = /^([A-Z]+) (\S+)(?: HTTP\/\d(?:\.\d)?)?$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? (\d{3})\b/;

export function parseHttpExample(api: LiveApi, code: string, context: readonly string[]): HttpExample {
  let purpose: ProbePurpose = 'valid';
  let credentials = false;
  for (const word of context) {
    const [key, value] = word.split('=');
    if (key === 'purpose' && value !== undefined && Object.hasOwn(FOLLOWS_UP, value)) purpose = value as ProbePurpose;
    else if (word === 'credentials') credentials = true;
    else throw new Error(`unknown context "${word}" on the fence line (give purpose=<ProbePurpose> or credentials)`);
  }
  const messages = splitMessages(code);
  if (messages.length === 0 || messages.length % 2 !== 0) throw new Error('an http example is a request and its response, one or more times');
  const exchanges: Exchange[] = [];
  let target: string | undefined;
  for (let at = 0; at < messages.length; at += 2) {
    const [request, answer] = [messages[at], messages[at + 1]];
    const line = REQUEST_LINE.exec(request.start);
    const status = STATUS_LINE.exec(answer.start);
    if (!line) throw new Error(`"${request.start}" is not a request line`);
    if (!status) throw new Error(`"${answer.start}" is not a status line`);
    let path = line[2];
    if (/^https?:\/\//.test(path)) {
      const url = new URL(path);
      target = url.origin;
      path = `${url.pathname}${url.search}`;
    }
    const last = at === messages.length - 2;
    const own: ProbePurpose = last ? purpose : 'valid';
    const basis = FOLLOWS_UP[own] ? exchanges.at(-1) : undefined;
    if (FOLLOWS_UP[own] && !basis) throw new Error(`purpose=${own} follows up a documented GET: show that exchange first`);
    const operation = basis ? basis.request.operation : operationFor(api, line[1], path, own);
    exchanges.push(
      exchange(api, {
        operation: operation?.name,
        purpose: own,
        method: line[1],
        path,
        requestHeaders: request.headers,
        requestBody: request.body === '' ? undefined : request.body,
        credentials,
        basis,
        status: Number(status[1]),
        headers: answer.headers,
        body: answer.body,
      }),
    );
  }
  return { exchanges, target };
}

/** The request and response messages of a block, in order. */
function splitMessages(code: string): RawMessage[] {
  const lines = code.replace(/\n$/, '').split('\n');
  const messages: RawMessage[] = [];
  let at = 0;
  while (at < lines.length) {
    if (lines[at].trim() === '') {
      at++;
      continue;
    }
    const start = lines[at++];
    const headers: Record<string, string> = {};
    for (; at < lines.length && lines[at] !== ''; at++) {
      const colon = lines[at].indexOf(':');
      if (colon <= 0) throw new Error(`"${lines[at]}" is not a header`);
      headers[lines[at].slice(0, colon).trim().toLowerCase()] = lines[at].slice(colon + 1).trim();
    }
    at++;
    // The body runs to the next request or status line after a blank line.
    const body: string[] = [];
    for (; at < lines.length; at++) {
      const next = lines[at];
      if (lines[at - 1] === '' && (REQUEST_LINE.test(next) || STATUS_LINE.test(next))) break;
      body.push(next);
    }
    while (body.length > 0 && body.at(-1) === '') body.pop();
    messages.push({ start, headers, body: body.join('\n') });
  }
  return messages;
}

/**
 * The documented operation a request probes: the one whose method and path template match the
 * request's path (after any base path the template does not hold). A wrong-method probe
 * matches an operation of the path by any method; an unknown path probes none.
 */
export function operationFor(api: LiveApi, method: string, path: string, purpose: ProbePurpose): LiveOperation | undefined {
  if (purpose === 'unknown-path') return undefined;
  const segments = requestPath(path).split('/').slice(1).map(decodeURIComponent);
  let best: { operation: LiveOperation; base: number; literals: number } | undefined;
  for (const operation of api.operations) {
    if (purpose !== 'wrong-method' && operation.method.toUpperCase() !== method) continue;
    const template = parsePath(operation.path);
    const base = segments.length - template.length;
    if (base < 0) continue;
    const matches = template.every((part, index) => {
      const segment = segments[base + index];
      if (part.kind === 'literal') return segment === part.text;
      const pattern = part.text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^{}/]*\}/g, '[^/]+');
      return segment !== '' && new RegExp(`^${pattern}$`).test(segment);
    });
    if (!matches) continue;
    const literals = template.filter((part) => part.kind === 'literal').length;
    if (!best || base < best.base || (base === best.base && literals > best.literals)) best = { operation, base, literals };
  }
  if (!best) throw new Error(`${method} ${path} matches no documented operation (for purpose=${purpose})`);
  return best.operation;
}

import type { Evidence } from '../engine/finding';
import { excerpt } from '../engine/live/text';
import type { Exchange, ProbeRequest } from '../engine/live/types';

const BODY_EXCERPT = 240;

/**
 * Hides the values of headers given with --header wherever the prober prints: in the request
 * it shows (`authorization: Bearer ***`) and anywhere a response echoed them back.
 */
export class Redactor {
  private readonly secrets: string[];

  constructor(
    /** Lower-case names of headers given with --header. */
    readonly names: ReadonlySet<string>,
    values: readonly string[],
  ) {
    // A credential's scheme word (`Bearer`) is not secret; what follows it is, and so is the whole value.
    const parts = values.flatMap((value) => [value, ...value.split(/\s+/).slice(1)]);
    this.secrets = [...new Set(parts.filter((part) => part.length >= 3))].sort((a, b) => b.length - a.length);
  }

  /** `Bearer abc.def` → `Bearer ***`; a value without a scheme word → `***`. */
  header(value: string): string {
    const scheme = /^([A-Za-z][\w-]*)\s+\S/.exec(value);
    return scheme ? `${scheme[1]} ***` : '***';
  }

  text(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join('***');
    return out;
  }
}

/** The request line and the headers worth showing: those the user gave (redacted) and those the probe set. */
export function describeRequest(request: ProbeRequest, redactor: Redactor): string {
  const lines = [`${request.method} ${request.path}`];
  for (const [name, value] of Object.entries(request.headers)) {
    if (redactor.names.has(name)) lines.push(`${name}: ${redactor.header(value)}`);
    else if (PROBE_HEADERS.has(name) || (name === 'accept' && request.purpose === 'accept-variant')) lines.push(`${name}: ${value}`);
  }
  if (request.body !== undefined) lines.push(`body: ${excerpt(request.body, 120)}`);
  return redactor.text(lines.join('\n'));
}

/** Headers the prober sets on purpose, shown because they explain the request (Accept only where it is the point). */
const PROBE_HEADERS = new Set(['content-type', 'if-none-match', 'if-modified-since', 'traceparent']);

export function evidenceOf(exchange: Exchange, detail: string | undefined, redactor: Redactor): Evidence {
  const request = describeRequest(exchange.request, redactor);
  const { response, failure } = exchange;
  if (!response) return { request, response: redactor.text(failure ? failure.message : 'no response') };
  const head = `${response.status}${response.headers['content-type'] ? ` ${response.headers['content-type']}` : ''}`;
  const shown = detail ?? (response.body ? excerpt(response.body, BODY_EXCERPT) : '(empty body)');
  return { request, response: redactor.text(`${head}\n${shown}`) };
}

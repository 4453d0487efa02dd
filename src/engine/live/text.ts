/** How messages and evidence name an exchange of the prober: shared by live checks and the prober's report. */
import type { Exchange, ProbeRequest } from './types';

/** The start of a text on one line: whitespace runs collapsed, cut with an ellipsis. */
export function excerpt(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** `GET /v1/users/42`, the request as messages name it. */
export function requestLine(request: ProbeRequest): string {
  return `${request.method} ${request.path}`;
}

/** `404`, or what happened instead of a response. */
export function statusText(exchange: Exchange): string {
  if (exchange.response) return String(exchange.response.status);
  return exchange.failure?.message ?? 'no response';
}

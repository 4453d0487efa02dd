import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { requirePackages, SUPERTEST_PACKAGE } from '../engine/optional-packages';
import { makeResponse } from '../engine/live/response';
import type { ProbeFailure, ProbeRequest, ProbeResponse } from '../engine/live/types';

/** Bodies beyond this are cut: a probe reads error pages and JSON, not downloads. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type SendResult = { response: ProbeResponse } | { failure: ProbeFailure };

/** Sends one request and resolves with its response or why there is none; never rejects. */
export interface Transport {
  send(request: ProbeRequest, timeoutMs: number): Promise<SendResult>;
  close(): Promise<void>;
}

/**
 * Real HTTP to the --base-url origin, over keep-alive connections (one per concurrent request).
 * Redirects are never followed: a 3xx is the answer the checks see, so nothing is ever sent to
 * another origin.
 */
export class HttpTransport implements Transport {
  private readonly agent: http.Agent;

  constructor(
    private readonly origin: URL,
    concurrency: number,
  ) {
    const Agent = origin.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  }

  send(request: ProbeRequest, timeoutMs: number): Promise<SendResult> {
    const started = performance.now();
    const client = this.origin.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: SendResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const headers: Record<string, string> = { ...request.headers };
      if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
      const outgoing = client.request(
        { protocol: this.origin.protocol, hostname: this.origin.hostname, port: this.origin.port, method: request.method, path: request.path, headers, agent: this.agent },
        (incoming) => {
          const chunks: Buffer[] = [];
          let size = 0;
          incoming.on('data', (chunk: Buffer) => {
            if (size >= MAX_BODY_BYTES) return;
            chunks.push(chunk);
            size += chunk.length;
            // Enough read: stop the transfer instead of downloading the rest.
            if (size >= MAX_BODY_BYTES) incoming.destroy();
          });
          const done = () => {
            const body = Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
            finish({ response: makeResponse(incoming.statusCode ?? 0, flatHeaders(incoming.headers), body, performance.now() - started) });
          };
          incoming.on('end', done);
          incoming.on('close', done);
          incoming.on('error', () => done());
        },
      );
      const timer = setTimeout(() => {
        finish({ failure: { kind: 'timeout', message: `no complete answer within ${timeoutMs} ms` } });
        outgoing.destroy();
      }, timeoutMs);
      outgoing.on('error', (error: NodeJS.ErrnoException) => finish({ failure: failureOf(error) }));
      outgoing.end(request.body);
    });
  }

  async close(): Promise<void> {
    this.agent.destroy();
  }
}

/**
 * An app loaded in-process (`--app`): an http request handler (Express, a plain
 * `(req, res)` function), a Koa app (`.callback()`), a Fastify instance (`.ready()`,
 * `.server`), a hapi server (`.initialize()`, `.listener`), a NestJS application (`.init()`,
 * `.getHttpServer()`) or an `http.Server` (`http.createServer(…)`), each also as a promise or
 * from a function of no parameters,
 * driven through supertest on a server bound to 127.0.0.1 (unless it already listens).
 */
export class AppTransport implements Transport {
  private constructor(
    private readonly server: http.Server,
    private readonly agent: ReturnType<typeof import('supertest')>,
  ) {}

  static async create(app: unknown): Promise<AppTransport> {
    // supertest is an optional peer dependency: only --app needs it.
    requirePackages('probe --app', [SUPERTEST_PACKAGE]);
    const server = await serverFor(app);
    if (!server.listening) await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
    // Loaded here, not at the top: only --app needs supertest.
    const supertest = require('supertest') as typeof import('supertest');
    return new AppTransport(server, supertest(server));
  }

  get origin(): URL {
    return new URL(`http://127.0.0.1:${(this.server.address() as AddressInfo).port}`);
  }

  send(request: ProbeRequest, timeoutMs: number): Promise<SendResult> {
    const started = performance.now();
    const method = request.method.toLowerCase() as 'get';
    const test = (this.agent as unknown as Record<string, (path: string) => import('supertest').Test>)[method]?.(request.path);
    if (test === undefined) return Promise.resolve({ failure: { kind: 'error', message: `supertest cannot send ${request.method}` } });
    test.set(request.headers).redirects(0).timeout(timeoutMs).buffer(true).parse(readText as never);
    if (request.body !== undefined) test.send(request.body);
    return new Promise((resolve) => {
      test.end((error, res) => {
        // supertest reports 4xx/5xx as errors too; those carry a response and are answers.
        if (res && typeof res.status === 'number') {
          const body = typeof res.body === 'string' ? res.body : '';
          resolve({ response: makeResponse(res.status, flatHeaders(res.headers), body, performance.now() - started) });
          return;
        }
        const failure = error as NodeJS.ErrnoException & { timeout?: number };
        resolve({ failure: failure?.timeout ? { kind: 'timeout', message: `no complete answer within ${timeoutMs} ms` } : failureOf(failure ?? new Error('no response')) });
      });
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function serverFor(app: unknown, depth = 0): Promise<http.Server> {
  const candidate = app as Record<string, unknown> | ((...args: unknown[]) => unknown);
  if (candidate instanceof http.Server) return candidate;
  // A promise of the app (an app that connects to its database first), or an ES module's default.
  if (depth < 4 && candidate && typeof (candidate as { then?: unknown }).then === 'function') return serverFor(await (candidate as unknown as PromiseLike<unknown>), depth + 1);
  if (typeof candidate === 'function') {
    // A function of no parameters is a factory (`() => server`, `async () => app`); a request
    // handler takes (req, res) and Express's (req, res, next).
    if (candidate.length === 0 && depth < 4 && typeof (candidate as unknown as Record<string, unknown>).handle !== 'function') return serverFor(await candidate(), depth + 1);
    return http.createServer(candidate as http.RequestListener);
  }
  if (candidate && typeof candidate === 'object') {
    if (typeof candidate.callback === 'function') return http.createServer((candidate.callback as () => http.RequestListener)());
    // A hapi server (Hapi.server(), not started): its routes answer once it is initialized.
    if (candidate.listener instanceof http.Server && typeof candidate.initialize === 'function') {
      await (candidate.initialize as () => Promise<unknown>).call(candidate);
      return candidate.listener;
    }
    // A NestJS application (NestFactory.create(…), not listening): init() sets up its routes.
    if (typeof candidate.getHttpServer === 'function' && typeof candidate.init === 'function') {
      await (candidate.init as () => Promise<unknown>).call(candidate);
      const server = (candidate.getHttpServer as () => unknown).call(candidate);
      if (server instanceof http.Server) return server;
    }
    if (typeof candidate.ready === 'function' && candidate.server !== undefined) {
      await (candidate.ready as () => Promise<unknown>)();
      return candidate.server as http.Server;
    }
    if (candidate.default !== undefined && depth < 4) return serverFor(candidate.default, depth + 1);
  }
  throw new Error(
    'the module does not export an app: export an http request handler (Express, `(req, res) => …`), a Koa app, a Fastify instance, a hapi server, a NestJS application, or an http.Server, a function of no parameters returning one, or a promise of one',
  );
}

/** superagent's parser hook: the body as text, whatever its type, cut at the body limit. */
function readText(res: NodeJS.ReadableStream & { setEncoding(encoding: string): void }, callback: (error: Error | null, body: string) => void): void {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    if (text.length < MAX_BODY_BYTES) text += chunk;
  });
  res.on('end', () => callback(null, text.slice(0, MAX_BODY_BYTES)));
  res.on('error', (error: Error) => callback(error, text));
}

function flatHeaders(headers: http.IncomingHttpHeaders | Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(name.toLowerCase() === 'set-cookie' ? '\n' : ', ') : String(value);
  }
  return flat;
}

function failureOf(error: NodeJS.ErrnoException): ProbeFailure {
  switch (error.code) {
    case 'ECONNREFUSED':
      return { kind: 'refused', message: `connection refused (${error.message})` };
    case 'ECONNRESET':
    case 'EPIPE':
      return { kind: 'reset', message: 'the server closed the connection without an answer' };
    default:
      // Node's HTTP parser (llhttp) names what it could not read: HPE_INVALID_CONSTANT, …
      if (error.code?.startsWith('HPE_')) return { kind: 'malformed', message: `the answer is not valid HTTP (${error.message})` };
      return { kind: 'error', message: error.message || String(error) };
  }
}

import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FIXTURES } from './cli';

export const SERVERS = join(FIXTURES, 'servers');
export const SHOP_SPEC = join(SERVERS, 'shop', 'openapi.yaml');

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface RunningServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts a real HTTP server on 127.0.0.1 with an ephemeral port. */
export function listen(handler: RequestListener, requests: RecordedRequest[] = []): Promise<RunningServer> {
  const server: Server = createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * A fresh shop app (fixtures/servers/shop/app.js) with the given breaks, served on
 * 127.0.0.1; every request it receives is recorded.
 */
export function startShop(breaks: Record<string, boolean> = {}): Promise<RunningServer> {
  const createShop = require(join(SERVERS, 'shop', 'app.js')) as (breaks: Record<string, boolean>, hooks: { onRequest(request: RecordedRequest): void }) => RequestListener;
  const requests: RecordedRequest[] = [];
  return listen(createShop(breaks, { onRequest: (request) => requests.push(request) }), requests);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type Diagnostic,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver-protocol';
import { CLI, HANG_GUARD_MS, REPO_ROOT } from './cli';

export interface ClientOptions {
  /** The workspace folder (default: the repository). */
  root?: string;
  /** What `workspace/configuration` answers for the `restlint` section; absent: the client cannot be asked. */
  settings?: Record<string, unknown>;
  /** Client capabilities to add (window.showDocument, say). */
  capabilities?: Record<string, unknown>;
}

/**
 * A real language-server client over stdio (vscode-jsonrpc), driving `node dist/cli.js lsp
 * --stdio` as an editor would: initialize, open/change/close documents, wait for diagnostics
 * of a given document version or for the server to be idle, send requests, shut down.
 */
export class LspClient {
  readonly connection: MessageConnection;
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  private readonly waiters: { test: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  private readonly notificationWaiters: { method: string; test: (params: unknown) => boolean; resolve: (params: unknown) => void }[] = [];
  private readonly versions = new Map<string, number>();
  settings: Record<string, unknown> | undefined;
  /** The server's dynamic registrations in force (client/registerCapability less client/unregisterCapability). */
  registrations: Registration[] = [];
  /** URIs the server asked to show (window/showDocument). */
  readonly shownDocuments: string[] = [];
  stderr = '';

  private constructor(
    readonly process: ChildProcess,
    options: ClientOptions,
  ) {
    this.settings = options.settings;
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
      for (const waiter of [...this.notificationWaiters]) {
        if (waiter.method === method && waiter.test(params)) {
          this.notificationWaiters.splice(this.notificationWaiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.settings ?? null));
    this.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', (params: { unregisterations: { id: string }[] }) => {
      const gone = new Set(params.unregisterations.map((item) => item.id));
      this.registrations = this.registrations.filter((item) => !gone.has(item.id));
      return null;
    });
    this.connection.onRequest('window/showDocument', (params: { uri: string }) => {
      this.shownDocuments.push(params.uri);
      return { success: true };
    });
    this.connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: options.root ?? REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child, options);
    const root = options.root ?? REPO_ROOT;
    const result: InitializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'workspace' }],
      capabilities: { workspace: { configuration: options.settings !== undefined, didChangeConfiguration: { dynamicRegistration: true } }, ...options.capabilities },
    });
    client.capabilities = result.capabilities;
    client.serverInfo = result.serverInfo;
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  capabilities: InitializeResult['capabilities'] = {};
  serverInfo: InitializeResult['serverInfo'];

  uri(path: string): string {
    return pathToFileURL(path).href;
  }

  open(path: string, text: string, languageId = path.endsWith('.json') ? 'json' : 'yaml'): number {
    this.versions.set(path, 1);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: this.uri(path), languageId, version: 1, text } });
    return 1;
  }

  /** Replaces the whole text; returns the new version. */
  change(path: string, text: string): number {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: this.uri(path), version }, contentChanges: [{ text }] });
    return version;
  }

  close(path: string): void {
    this.versions.delete(path);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri(path) } });
  }

  /** The next diagnostics of a file that satisfy `test` (default: any), from now on; rejects after `timeoutMs` (a hang: the server's speed is measured by `npm run bench:lsp`). */
  diagnostics(path: string, test: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = HANG_GUARD_MS): Promise<Diagnostic[]> {
    const uri = this.uri(path);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${path} within ${timeoutMs} ms\n${this.stderr}`)), timeoutMs);
      timer.unref();
      this.waiters.push({
        test: (params) => params.uri === uri && test(params),
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params.diagnostics);
        },
      });
    });
  }

  /**
   * Resolves once the server has nothing left to do for what was sent to it so far (the
   * `restlint/idle` request, see src/lsp/server.ts): every publish of that work has then
   * arrived, so `published`, `lastDiagnostics` and `lastNotification` are final for it.
   */
  async idle(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to restlint/idle within ${HANG_GUARD_MS} ms\n${this.stderr}`)), HANG_GUARD_MS);
      timer.unref();
    });
    try {
      await Promise.race([this.connection.sendRequest('restlint/idle'), hang]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The next notification `method` (other than publishDiagnostics) whose params satisfy `test`, from now on; rejects after HANG_GUARD_MS. */
  notification<T = unknown>(method: string, test: (params: T) => boolean = () => true): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${HANG_GUARD_MS} ms\n${this.stderr}`)), HANG_GUARD_MS);
      timer.unref();
      this.notificationWaiters.push({
        method,
        test: (params) => test(params as T),
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params as T);
        },
      });
    });
  }

  /** The params of the last notification `method` (other than publishDiagnostics) received so far. */
  lastNotification<T = unknown>(method: string): T | undefined {
    return this.notifications.filter((item) => item.method === method).at(-1)?.params as T | undefined;
  }

  /** The diagnostics last published for a file, as received so far (undefined: none yet). */
  lastDiagnostics(path: string): Diagnostic[] | undefined {
    const uri = this.uri(path);
    return this.published.filter((params) => params.uri === uri).at(-1)?.diagnostics;
  }

  /** The diagnostics computed from a given version of an open document. */
  diagnosticsOfVersion(path: string, version: number, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.diagnostics(path, (params) => params.version === version, timeoutMs);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 2000);
      timer.unref();
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { AbstractMessageReader, Emitter, type DataCallback, type Disposable, type Message, type MessageReader, type MessageStrategy } from 'vscode-languageserver/node';
import type { ShouldStop } from '../engine/stop';

/**
 * The methods that change what a lint reads: a lint of a file they name is stale once one of
 * them has arrived. Both threads classify messages with this list (the reader thread counts
 * them as they arrive, the server as it handles them), so the two counts meet exactly.
 */
const CHANGE_METHODS = ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration'];

/** Per-file change counters: a hash of the URI picks one; two files sharing one only cost a needless relint. */
const SLOTS = 4096;
/** counters[ARRIVED]: change messages the reader thread has passed on; counters[FIRST_SLOT + i]: changes that named a file of slot i. */
const ARRIVED = 0;
const FIRST_SLOT = 1;

/**
 * The reader thread, as source (an eval'd worker needs no file beside the bundles): it reads
 * LSP messages from stdin (Content-Length framing), counts the changes, and posts each message
 * to the server's thread. It keeps reading while the server's thread is busy in a lint, which
 * is what lets the lint see, at its next checkpoint, that its text is already stale.
 */
const READER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, counters, methods, slots, arrived, firstSlot } = workerData;
const changeMethods = new Set(methods);
const slotOf = (uri) => {
  let hash = 0;
  for (let i = 0; i < uri.length; i++) hash = (Math.imul(hash, 31) + uri.charCodeAt(i)) | 0;
  return firstSlot + ((hash >>> 0) % slots);
};
const changedUris = (message) => {
  const params = message.params || {};
  if (message.method === 'workspace/didChangeWatchedFiles') return (params.changes || []).map((change) => String(change.uri));
  if (message.method === 'workspace/didChangeConfiguration') return [''];
  return [String((params.textDocument || {}).uri)];
};
let input;
try {
  input = new (require('node:net').Socket)({ fd: 0, readable: true, writable: false });
} catch {
  input = require('node:fs').createReadStream(null, { fd: 0 });
}
let chunks = [];
let size = 0;
let bodyLength;
const take = (length) => {
  const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
  const rest = all.subarray(length);
  chunks = rest.length > 0 ? [rest] : [];
  size = rest.length;
  return all.subarray(0, length);
};
input.on('data', (chunk) => {
  chunks.push(chunk);
  size += chunk.length;
  for (;;) {
    if (bodyLength === undefined) {
      if (chunks.length > 1) chunks = [Buffer.concat(chunks, size)];
      const end = chunks.length === 0 ? -1 : chunks[0].indexOf('\\r\\n\\r\\n');
      if (end < 0) return;
      const header = take(end + 4).toString('ascii');
      const match = /content-length:\\s*(\\d+)/i.exec(header);
      if (!match) continue;
      bodyLength = Number(match[1]);
    }
    if (size < bodyLength) return;
    const body = take(bodyLength).toString('utf8');
    bodyLength = undefined;
    const change = changeIn(body);
    if (change) {
      for (const uri of change) Atomics.add(counters, slotOf(uri), 1);
      Atomics.add(counters, arrived, 1);
    }
    // The text as it came: the server's thread parses it (a 13 MB didOpen is parsed once, there).
    port.postMessage(body);
  }
});
/** The URIs a change message names, or undefined when it is not one. A big message (a whole document's text) is only looked at in its head. */
const HEAD = 4096;
function changeIn(body) {
  if (body.length > 65536) {
    const head = body.slice(0, HEAD);
    const method = /"method"\\s*:\\s*"([^"]*)"/.exec(head);
    const uri = /"uri"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"/.exec(head);
    if (method && !changeMethods.has(method[1])) return undefined;
    if (method && uri && method[1].startsWith('textDocument/')) return [JSON.parse('"' + uri[1] + '"')];
  }
  let message;
  try {
    message = JSON.parse(body);
  } catch {
    return undefined;
  }
  return message && changeMethods.has(message.method) ? changedUris(message) : undefined;
}
const end = () => port.close();
input.on('end', end);
input.on('close', end);
input.on('error', end);
`;

/** The same hash as the reader thread's. */
function slotOf(uri: string): number {
  let hash = 0;
  for (let i = 0; i < uri.length; i++) hash = (Math.imul(hash, 31) + uri.charCodeAt(i)) | 0;
  return FIRST_SLOT + ((hash >>> 0) % SLOTS);
}

/** Reads the messages the reader thread posts, as JSON texts. */
class TextPortReader extends AbstractMessageReader implements MessageReader {
  private readonly messages = new Emitter<Message>();

  constructor(port: MessagePort) {
    super();
    port.on('close', () => this.fireClose());
    port.on('message', (text: string) => {
      try {
        this.messages.fire(JSON.parse(text) as Message);
      } catch (error) {
        this.fireError(error);
      }
    });
  }

  listen(callback: DataCallback): Disposable {
    return this.messages.event(callback);
  }
}

/** What the server learns from the reader thread about changes it has not handled yet. */
export interface PendingChanges {
  /** How many change messages have arrived on stdin that the server has not handled yet. */
  unhandled(): number;
  /**
   * A checkpoint for a lint of these files (URIs) starting now: true once a change naming one of
   * them (or the settings) has arrived since, even while the server's thread is busy linting.
   */
  staleCheck(uris: readonly string[]): ShouldStop;
}

export interface InputThread {
  reader: MessageReader;
  /** Counts the change messages the server handles: give it as the connection's messageStrategy. */
  messageStrategy: MessageStrategy;
  changes: PendingChanges;
}

/**
 * Reads stdin on a thread of its own: the connection gets its messages from it (as
 * JSON texts, parsed here), and lints get a checkpoint that notices a newer edit while they run.
 * `onClose` runs when stdin ends (the client is gone).
 */
export function startInputThread(onClose: () => void): InputThread {
  const counters = new Int32Array(new SharedArrayBuffer((FIRST_SLOT + SLOTS) * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  new Worker(READER_SOURCE, {
    eval: true,
    workerData: { port: port2, counters, methods: CHANGE_METHODS, slots: SLOTS, arrived: ARRIVED, firstSlot: FIRST_SLOT },
    transferList: [port2],
    stdin: false,
  });
  port1.on('close', onClose);
  let handled = 0;
  const changeMethods = new Set(CHANGE_METHODS);
  return {
    reader: new TextPortReader(port1),
    messageStrategy: {
      handleMessage(message, next) {
        if (changeMethods.has((message as { method?: string }).method ?? '')) handled++;
        return next(message);
      },
    },
    changes: {
      unhandled: () => Atomics.load(counters, ARRIVED) - handled,
      staleCheck(uris) {
        const arrivedAtStart = Atomics.load(counters, ARRIVED);
        const slots = [...new Set([slotOf(''), ...uris.map(slotOf)])];
        const atStart = slots.map((slot) => Atomics.load(counters, slot));
        let seen = arrivedAtStart;
        let stale = false;
        return () => {
          // One load while nothing new arrived (almost every call): the walker asks at every node.
          const arrived = Atomics.load(counters, ARRIVED);
          if (stale || arrived === seen) return stale;
          seen = arrived;
          stale = slots.some((slot, index) => Atomics.load(counters, slot) !== atStart[index]);
          return stale;
        };
      },
    },
  };
}

import { readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LogMessageNotification,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type Disposable,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../engine/config/config';
import type { Finding } from '../engine/finding';
import { SEVERITY_NUMBER, type Severity } from '../engine/rule';
import { parseSourceText } from '../engine/source/source-file';
import { SPECTRAL_FILE_NAMES } from '../engine/spectral/definition';
import { allRules, lintRules, probeRules } from '../../rules';
import { rulesDir } from '../engine/rule-docs';
import { toDiagnostic, type FindingOrigin } from './diagnostics';
import { ignoreEdit } from './ignore-edit';
import { DiffBase } from './diff-base';
import { Linter } from './linter';
import { ruleHover } from './rule-help';
import { findOpenApiFiles, looksLikeOpenApi } from './workspace-files';
import { startInputThread } from './input-thread';
import { LintStopped } from '../engine/stop';
import { DEFAULT_PROBE_LIMITS } from '../probe/limits';

export interface Settings {
  enable: boolean;
  configPath: string;
  minimumSeverity: Severity;
  /** `restlint.diff.base`: a git ref; each open document's breaking changes against it are shown too. */
  diff?: { base?: string };
  /** `restlint.trace.lints`: a window/logMessage line per lint run (published, not shown, abandoned), with its times. */
  trace?: { lints?: boolean };
}

const DEFAULT_SETTINGS: Settings = { enable: true, configPath: '', minimumSeverity: 'hint' };
const CONFIG_NAMES = new Set([...CONFIG_FILE_NAMES, ...SPECTRAL_FILE_NAMES]);
const COMMANDS = ['restlint.lintWorkspace', 'restlint.probe', 'restlint.showRuleDoc'];
/** settle() gives up after this many event-loop turns in which no arrived change was handled (a message the connection dropped). */
const MAX_IDLE_TURNS = 1000;

interface Shown {
  finding: Finding;
  diagnostic: Diagnostic;
}

/**
 * `restlint lsp --stdio`: diagnostics, fixes, ignores, hovers and commands for OpenAPI
 * documents, from the same engine and config as `restlint lint`.
 */
export function startServer(given?: Connection): void {
  let shutDown = false;
  // `--stdio` (how editors start it): stdin is read on a thread of its own, so a lint can tell mid-way that its text is stale.
  const input = given || !process.argv.includes('--stdio') ? undefined : startInputThread(() => process.exit(shutDown ? 0 : 1));
  const connection = given ?? (input ? createConnection(ProposedFeatures.all, input.reader, new StreamMessageWriter(process.stdout), { messageStrategy: input.messageStrategy }) : createConnection(ProposedFeatures.all));
  // stdout carries the protocol: console output of any library goes to stderr (the connection patches console only for streams it opens itself).
  if (input) console.log = console.info = console.debug = console.error;
  const documents = new TextDocuments(TextDocument);
  const pathOf = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);
  const uriOf = (path: string) => pathToFileURL(path).href;
  const openText = (path: string) => documents.get(uriOf(path))?.getText();
  const linter = new Linter({ rules: lintRules, knownRules: allRules, openText });
  // window/showMessage, a notification: nothing to answer (showWarningMessage would be a request).
  const diffBase = new DiffBase({ warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => {}) });
  process.once('exit', () => diffBase.dispose());
  connection.onShutdown(() => {
    shutDown = true;
    diffBase.dispose();
  });

  let settings = DEFAULT_SETTINGS;
  let folders: string[] = [];
  let canPullSettings = false;
  /** Resolves once the client's settings are known: nothing is linted before (no flash of unfiltered diagnostics). */
  let settingsReady: Promise<void> = Promise.resolve();
  let settingsLoaded = () => {};
  let canShowDocument = false;
  /** Entries linted because "Lint workspace" found them: they stay when their editor closes. */
  const workspaceEntries = new Set<string>();
  /** What each file shows now, by path. */
  const shown = new Map<string, Shown[]>();
  /** The document version each file's shown diagnostics were sent for (undefined: not open). */
  const sentVersions = new Map<string, number | undefined>();
  /** Findings of the last probe, by file. */
  let probeFindings = new Map<string, Finding[]>();

  // --- the lint queue: entries to lint, one at a time, always on their newest texts ---
  const dirty = new Set<string>();
  let running: Promise<void> | undefined;
  /** A checkpoint for a lint of `entry`: true once a change to a file it reads has arrived, even mid-lint (the reader thread counts them). */
  const staleCheck = (entry: string) => input?.changes.staleCheck(linter.filesOf(entry).map(uriOf));
  /**
   * Lets every change that has arrived be handled before the next lint: the connection handles
   * one message per event-loop turn, so without this a lint would be followed by the next stale
   * change rather than the newest. Without the reader thread (a connection given by the caller),
   * one turn.
   */
  const settle = async () => {
    await nextTurn();
    for (let idleTurns = 0, left = input?.changes.unhandled() ?? 0; left > 0 && idleTurns < MAX_IDLE_TURNS; ) {
      await nextTurn();
      const now = input?.changes.unhandled() ?? 0;
      idleTurns = now < left ? 0 : idleTurns + 1;
      left = now;
    }
  };

  const schedule = (paths: Iterable<string>) => {
    for (const path of paths) dirty.add(path);
    if (!running) running = drain().finally(() => (running = undefined));
  };
  const idle = async () => {
    while (running) await running;
  };
  /** Handlers under way that pull the settings from the client and then relint: `restlint/idle` waits for them too. */
  const settling = new Set<Promise<void>>();
  const untilSettled =
    <A>(handler: (arg: A) => Promise<void>) =>
    (arg: A) => {
      const work = handler(arg);
      const done = () => settling.delete(work);
      settling.add(work);
      work.then(done, done);
      return work;
    };
  const nextTurn = () => new Promise<void>((done) => setImmediate(done));

  async function drain(): Promise<void> {
    await settingsReady;
    await settle();
    while (dirty.size > 0) {
      const entry = dirty.values().next().value as string;
      dirty.delete(entry);
      if (!settings.enable) continue;
      const version = documents.get(uriOf(entry))?.version;
      if (trace(entry, version, 'started')) await nextTurn(); // the line leaves before the lint holds the thread
      const t0 = performance.now();
      try {
        const isEntry = await linter.lint(entry, staleCheck(entry));
        if (!isEntry) workspaceEntries.delete(entry);
      } catch (error) {
        if (error instanceof LintStopped) {
          // A newer text of a file it reads has arrived: lint that one instead, from the start.
          trace(entry, version, `abandoned after ${ms(t0)} (a newer change arrived)`);
          dirty.add(entry);
          await settle();
          continue;
        }
        connection.console.error(`restlint: linting ${entry} failed: ${(error as Error).stack ?? error}`);
        continue;
      }
      // Let edits that arrived meanwhile land: when one makes this entry stale, its results are
      // not shown; the newest text is linted next instead.
      const t1 = performance.now();
      await settle();
      if (dirty.has(entry)) {
        trace(entry, version, `not shown, linted in ${ms(t0, t1)} (a newer change arrived)`);
        continue;
      }
      // `restlint.diff.base`: the same text's changes against the ref, shown with its lint results.
      if (diffEntry(entry)) {
        await settle();
        if (dirty.has(entry)) continue;
      }
      const t2 = performance.now();
      publish();
      watchFilesOf(entry);
      trace(entry, version, `published, linted in ${ms(t0, t1)}${linter.lastLintKind === 'incremental' ? ' (incremental)' : ''}, published in ${ms(t2)}`);
    }
    publish();
  }

  /**
   * One line per lint run (restlint.trace.lints: window/logMessage; RESTLINT_LSP_TIMING: stderr):
   * `lint <file> v<version>: started`, then `…: published, linted in 12 ms, …`, `…: abandoned after 3 ms …`
   * or `…: not shown …`. True when the line was sent.
   */
  function trace(entry: string, version: number | undefined, what: string): boolean {
    if (!settings.trace?.lints && !process.env.RESTLINT_LSP_TIMING) return false;
    const line = `lint ${entry} ${version === undefined ? 'on disk' : `v${version}`}: ${what}`;
    if (settings.trace?.lints) void connection.sendNotification(LogMessageNotification.type, { type: MessageType.Log, message: line }).catch(() => {});
    if (process.env.RESTLINT_LSP_TIMING) process.stderr.write(`${line}\n`);
    return true;
  }

  // --- file watchers: the files the lints read, so edits made outside the editor re-lint ---
  let canWatchFiles = false;
  const watched = new Set<string>();
  let watchers: Promise<Disposable> | undefined;
  /** Registers workspace/didChangeWatchedFiles for the files an entry's lint read that are not watched yet (one registration for all, renewed when it grows). */
  function watchFilesOf(entry: string): void {
    if (!canWatchFiles) return;
    const added = linter.filesOf(entry).filter((file) => !watched.has(file));
    if (added.length === 0) return;
    for (const file of added) watched.add(file);
    const previous = watchers;
    watchers = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [...watched].map((file) => ({ globPattern: globOf(file) })) });
    void watchers.catch(() => {});
    void previous?.then((registration) => registration.dispose()).catch(() => {});
  }

  /** Diffs an open entry against `restlint.diff.base` (when set); true when it ran. Never throws. */
  function diffEntry(entry: string): boolean {
    diffBase.setBase(diffBaseOf(settings)); // a no-op unless the settings changed (initializationOptions set them first)
    if (!diffBase.enabled) return false;
    if (!documents.get(uriOf(entry))) {
      diffBase.forget(entry); // only open documents are diffed
      return false;
    }
    try {
      diffBase.diff(entry, linter.lastLinted(entry));
    } catch (error) {
      diffBase.forget(entry);
      connection.console.error(`restlint: diffing ${entry} against ${settings.diff?.base} failed: ${(error as Error).stack ?? error}`);
    }
    return true;
  }

  /** Sends each file's diagnostics when they changed, and clears files that no longer have any. */
  function publish(): void {
    const next = new Map<string, Shown[]>();
    const threshold = SEVERITY_NUMBER[settings.minimumSeverity];
    const add = (file: string, findings: Finding[], origin: FindingOrigin) => {
      const list = next.get(file) ?? [];
      for (const finding of findings) if (settings.enable && finding.severity <= threshold) list.push({ finding, diagnostic: toDiagnostic(finding, origin) });
      next.set(file, list);
    };
    for (const [file, findings] of linter.findingsByFile()) add(file, findings, 'restlint');
    for (const [file, findings] of probeFindings) add(file, findings, 'restlint probe');
    for (const [file, findings] of diffBase.findingsByFile()) add(file, findings, 'restlint diff');
    let total = 0;
    let files = 0;
    for (const file of new Set([...shown.keys(), ...next.keys()])) {
      const list = next.get(file) ?? [];
      total += list.length;
      if (list.length > 0) files++;
      const before = shown.get(file);
      const uri = uriOf(file);
      const version = documents.get(uri)?.version;
      // Unchanged diagnostics are sent again for a new version of the document (clients match publishes to versions).
      const same =
        (before !== undefined && sentVersions.get(file) === version && JSON.stringify(before.map((item) => item.diagnostic)) === JSON.stringify(list.map((item) => item.diagnostic))) ||
        // A file that is not open and never showed anything: nothing to clear (a split document's
        // thousands of clean files are not sent an empty list each).
        (before === undefined && version === undefined && list.length === 0);
      // A file still linted keeps its (possibly empty) entry, so an empty result is not sent again every round.
      if (list.length === 0 && !next.has(file)) {
        shown.delete(file);
        sentVersions.delete(file);
      } else shown.set(file, list);
      if (same) continue;
      if (shown.has(file)) sentVersions.set(file, version);
      void connection.sendDiagnostics({ uri, version, diagnostics: list.map((item) => item.diagnostic) });
    }
    const status = `${total}/${files}`;
    if (status !== lastStatus) void connection.sendNotification('restlint/status', { findings: total, files });
    lastStatus = status;
  }
  let lastStatus = '';

  const relintAll = () => {
    diffBase.setBase(diffBaseOf(settings));
    linter.reloadConfig(settings.configPath ? resolve(folders[0] ?? process.cwd(), settings.configPath) : undefined);
    schedule(new Set([...linter.entries, ...workspaceEntries, ...documents.all().map((document) => pathOf(document.uri)).filter(isSpecName)]));
  };

  async function pullSettings(): Promise<void> {
    if (!canPullSettings) return;
    const value = (await connection.workspace.getConfiguration('restlint')) as Partial<Settings> | null;
    settings = { ...DEFAULT_SETTINGS, ...(value ?? {}) };
    if (!(settings.minimumSeverity in SEVERITY_NUMBER)) settings.minimumSeverity = 'hint';
  }

  // --- lifecycle ---
  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canPullSettings = capabilities.workspace?.configuration === true;
    if (canPullSettings) settingsReady = new Promise<void>((done) => (settingsLoaded = done));
    canShowDocument = capabilities.window?.showDocument?.support === true;
    canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folders = (params.workspaceFolders ?? []).map((folder) => pathOf(folder.uri));
    if (folders.length === 0 && params.rootUri) folders = [pathOf(params.rootUri)];
    const options = params.initializationOptions as Partial<Settings> | undefined;
    if (options) settings = { ...DEFAULT_SETTINGS, ...options };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        executeCommandProvider: { commands: COMMANDS },
      },
      serverInfo: { name: 'restlint' },
    };
  });

  connection.onInitialized(untilSettled(async () => {
    if (canPullSettings) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'restlint' }).catch(() => {});
      await pullSettings().catch((error: Error) => connection.console.error(`restlint: cannot read the settings: ${error.message}`));
      relintAll();
      settingsLoaded();
    }
  }));

  connection.onDidChangeConfiguration(untilSettled(async (change) => {
    if (canPullSettings) await pullSettings();
    else settings = { ...DEFAULT_SETTINGS, ...((change.settings as { restlint?: Partial<Settings> } | undefined)?.restlint ?? {}) };
    relintAll();
  }));

  // `restlint/idle` (no params, answers null): answered once the settings changes received so
  // far are applied, the lint queue is empty and every publish (diagnostics, restlint/status)
  // for the work queued before it has been sent. The server writes its messages in order on
  // one stream, so a client that has the answer has every such publish already: tests ask for
  // it to assert that nothing more is published, instead of waiting a fixed time.
  connection.onRequest('restlint/idle', async () => {
    while (settling.size > 0 || running) {
      await Promise.allSettled([...settling]);
      await idle();
    }
    return null;
  });

  // --- documents ---
  // onDidChangeContent fires on open too (no separate onDidOpen: that would lint twice).
  documents.onDidChangeContent(({ document }) => {
    const path = pathOf(document.uri);
    if (CONFIG_NAMES.has(basename(path))) return relintAll();
    if (!isSpecName(path)) return;
    const entries = linter.dependents(path);
    if (!linter.isEntry(path) && looksLikeOpenApi(document.getText())) entries.unshift(path);
    schedule(entries);
  });
  documents.onDidSave(({ document }) => {
    const path = pathOf(document.uri);
    if (CONFIG_NAMES.has(basename(path))) return relintAll();
    // The base ref may have moved (a commit, a fetch): resolved again on save, never per keystroke.
    if (safely(() => diffBase.refresh())) schedule(documents.all().map((open) => pathOf(open.uri)).filter((open) => linter.isEntry(open)));
    // Spectral rulesets read from disk: saved texts may now be checked by them.
    schedule(linter.dependents(path));
  });
  documents.onDidClose(({ document }) => {
    const path = pathOf(document.uri);
    // A config closed with unsaved edits: the file on disk applies again.
    if (CONFIG_NAMES.has(basename(path))) return relintAll();
    // Its findings go with it unless "Lint workspace" asked for the file; documents that
    // reference it are linted again against the file on disk.
    const dependents = linter.dependents(path).filter((entry) => entry !== path);
    if (!workspaceEntries.has(path)) linter.forget(path);
    const hadChanges = diffBase.forget(path);
    if (probeFindings.delete(path) || hadChanges) publish();
    schedule(dependents);
    if (dependents.length === 0) publish();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const paths = changes.map((change) => pathOf(change.uri));
    linter.changedOnDisk(paths);
    if (paths.some((path) => CONFIG_NAMES.has(basename(path)))) return relintAll();
    schedule(paths.filter((path) => !documents.get(uriOf(path))).flatMap((path) => linter.dependents(path)));
  });

  // --- code actions, hover ---
  const findingsAt = (uri: string, diagnostics: readonly Diagnostic[]) =>
    (shown.get(pathOf(uri)) ?? []).filter((item) =>
      diagnostics.some((diagnostic) => diagnostic.code === item.diagnostic.code && diagnostic.message === item.diagnostic.message && sameRange(diagnostic.range, item.diagnostic.range)),
    );

  connection.onCodeAction(({ textDocument, context }) => {
    const actions: CodeAction[] = [];
    // Diagnostics of an older text than the buffer's (a newer edit is being linted): their edits
    // would land on the wrong text, so nothing is offered until the new diagnostics are out.
    const open = documents.get(textDocument.uri);
    if (open && sentVersions.get(pathOf(textDocument.uri)) !== open.version) return actions;
    for (const { finding, diagnostic } of findingsAt(textDocument.uri, context.diagnostics)) {
      const rule = allRules.find((candidate) => candidate.meta.id === finding.code);
      if (!rule) continue;
      const uri = uriOf(finding.source);
      if (finding.fix && finding.fix.length > 0 && rule.meta.fix !== 'no') {
        const published = rule.meta.fix === 'doc' ? ' (changes the API contract: for unpublished documents)' : '';
        actions.push({ title: `Fix: ${rule.meta.id}${published}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: rule.meta.fix === 'yes', edit: { changes: { [uri]: finding.fix } } });
      }
      const text = openText(finding.source) ?? readText(finding.source);
      const edit = text === undefined ? undefined : safely(() => ignoreEdit(parseSourceText(finding.source, text), finding.path, rule.meta.id));
      if (edit) actions.push({ title: `Ignore ${rule.meta.id} here (x-restlint-ignore)`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [edit] } } });
      actions.push({ title: `Show documentation for ${rule.meta.id}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: `Show documentation for ${rule.meta.id}`, command: 'restlint.showRuleDoc', arguments: [rule.meta.id] } });
    }
    return actions;
  });

  connection.onHover(({ textDocument, position }) => {
    const here = (shown.get(pathOf(textDocument.uri)) ?? []).filter(({ finding }) => contains(finding.range, position));
    const rules = [...new Set(here.map(({ finding }) => finding.code))].flatMap((code) => allRules.filter((rule) => rule.meta.id === code));
    if (rules.length === 0) return null;
    return { contents: { kind: 'markdown', value: rules.map((rule) => ruleHover(rule, rulesDir())).join('\n\n---\n\n') }, range: here[0].finding.range };
  });

  // --- commands ---
  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    switch (command) {
      case 'restlint.lintWorkspace': {
        const files = (await Promise.all(folders.map((folder) => findOpenApiFiles(folder, openText)))).flat();
        for (const file of files) workspaceEntries.add(file);
        schedule(files);
        await idle();
        const findings = [...shown.values()].reduce((sum, list) => sum + list.length, 0);
        return { files: files.length, findings };
      }
      case 'restlint.probe':
        return runProbe(args[0] as { uri?: string; baseUrl?: string; allowMutations?: boolean } | undefined);
      case 'restlint.showRuleDoc': {
        const id = String(args[0] ?? '');
        if (!allRules.some((rule) => rule.meta.id === id)) throw new ResponseError(1, `unknown rule "${id}"`);
        const uri = uriOf(join(rulesDir(), `${id}.md`));
        if (canShowDocument) await connection.window.showDocument({ uri, takeFocus: true });
        return uri;
      }
      default:
        throw new ResponseError(1, `unknown command ${command}`);
    }
  });

  async function runProbe(args: { uri?: string; baseUrl?: string; allowMutations?: boolean } | undefined) {
    if (!args?.uri || !args.baseUrl) throw new ResponseError(1, 'restlint.probe needs { uri, baseUrl }: the spec to plan from and where the API runs');
    let baseUrl: URL;
    try {
      baseUrl = new URL(args.baseUrl);
    } catch {
      throw new ResponseError(1, `${args.baseUrl} is not a URL; give the API's address, e.g. http://127.0.0.1:3000`);
    }
    const spec = pathOf(args.uri);
    const opened = linter.open(spec);
    if (opened.failure?.kind === 'config') throw new ResponseError(1, 'the restlint config is invalid: fix it first (see its diagnostics)');
    if (opened.failure) throw new ResponseError(1, `probe failed: ${opened.failure.message}`);
    const { config, document } = opened;
    // Loaded on first use: most editor sessions never probe.
    const { probe } = require('../probe/probe') as typeof import('../probe/probe');
    const { HttpTransport } = require('../probe/transport') as typeof import('../probe/transport');
    const transport = new HttpTransport(baseUrl, DEFAULT_PROBE_LIMITS.concurrency);
    try {
      const outcome = await probe({
        document,
        baseUrl,
        transport,
        rules: probeRules,
        config,
        headers: {},
        params: new Map(),
        allowMutations: args.allowMutations === true,
        limits: DEFAULT_PROBE_LIMITS,
      });
      if (outcome.summary.sent > 0 && outcome.summary.refused === outcome.summary.sent) {
        throw new ResponseError(1, `every request was refused: nothing listens at ${baseUrl.origin}`);
      }
      probeFindings = new Map();
      for (const finding of outcome.findings) probeFindings.set(finding.source, [...(probeFindings.get(finding.source) ?? []), finding]);
      publish();
      return { findings: outcome.findings.length, sent: outcome.summary.sent };
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      throw new ResponseError(1, `probe failed: ${(error as Error).message}`);
    } finally {
      await transport.close();
    }
  }

  documents.listen(connection);
  connection.listen();
}

/** `restlint.diff.base`, trimmed; empty when unset. */
function diffBaseOf(settings: Settings): string {
  const base = settings.diff?.base;
  return typeof base === 'string' ? base.trim() : '';
}

/** A glob that matches exactly this path (glob characters in it are bracketed). */
function globOf(path: string): string {
  return path.split('\\').join('/').replace(/[*?[\]{}]/g, (char) => `[${char}]`);
}

/** Milliseconds from `from` to `to` (default: now), as `12 ms`. */
function ms(from: number, to = performance.now()): string {
  return `${(to - from).toFixed(0)} ms`;
}

function isSpecName(path: string): boolean {
  return ['.yaml', '.yml', '.json'].includes(extname(path).toLowerCase());
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function contains(range: Diagnostic['range'], position: { line: number; character: number }): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

// The restlint VS Code extension: a thin client of the restlint language server (bundled beside
// this file as dist/server.js). The server does the linting, the quick fixes, the hover and the
// commands; this file starts it, adds the UI around its commands and shows a status-bar item.
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type ExecuteCommandSignature,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** Diagnostic sources the server publishes under (lint findings and probe findings). */
const SOURCES = new Set(['restlint', 'restlint probe']);
const SERVER_COMMANDS = { lintWorkspace: 'restlint.lintWorkspace', probe: 'restlint.probe', showRuleDoc: 'restlint.showRuleDoc' } as const;

let client: LanguageClient | undefined;

interface LintWorkspaceResult { files: number; findings: number }
interface ProbeResult { findings: number; sent: number }
interface ProbeArgs { uri: string; baseUrl: string; allowMutations?: boolean }

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('restlint', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, args: ['--stdio'] },
    debug: { module: serverModule, transport: TransportKind.stdio, args: ['--stdio'], options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The server itself ignores YAML/JSON that is not OpenAPI (it publishes nothing for them).
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: {
      configurationSection: 'restlint',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.restlint.{yaml,yml,json}'),
        vscode.workspace.createFileSystemWatcher('**/.spectral.{yaml,yml,json}'),
      ],
    },
    outputChannel: output,
    middleware: {
      // The server's commands are registered as VS Code commands by the client; the two that the
      // manifest also contributes (Command Palette) get their UI here, around the server call.
      executeCommand: (command, args, next) => {
        if (command === SERVER_COMMANDS.lintWorkspace) return lintWorkspace(args, next);
        if (command === SERVER_COMMANDS.probe) return probe(args, next);
        return next(command, args);
      },
      window: {
        // Rule docs (restlint.showRuleDoc → window/showDocument) read best as a rendered preview.
        showDocument: async (params, token, next) => {
          if (params.uri.endsWith('.md') && params.external !== true) {
            try {
              await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.parse(params.uri));
              return { success: true };
            } catch {
              // no Markdown preview (a stripped-down editor): open it as text
            }
          }
          return next(params, token);
        },
      },
    },
  };

  client = new LanguageClient('restlint', 'restlint', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.name = 'restlint';
  context.subscriptions.push(status);
  const updateStatus = (): void => updateStatusItem(status);
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    client.onDidChangeState(updateStatus),
    vscode.commands.registerCommand('restlint.showRuleDocumentation', showRuleDocumentation),
  );
  updateStatus();
  status.show();

  try {
    // Awaited: the server's commands (restlint.lintWorkspace, restlint.probe) exist as VS Code
    // commands only once the client has started, and VS Code runs a command that activated the
    // extension only after activate() returns.
    await client.start();
  } catch (error) {
    output.appendLine(`restlint: the language server did not start: ${errorText(error)}`);
    void vscode.window.showErrorMessage(`restlint: the language server did not start: ${errorText(error)}`);
  }
  updateStatus();
}

export async function deactivate(): Promise<void> {
  if (client && client.state !== State.Stopped) await client.stop();
  client = undefined;
}

function updateStatusItem(status: vscode.StatusBarItem): void {
  if (!client || client.state !== State.Running) {
    const starting = client?.state === State.Starting;
    status.text = starting ? '$(sync~spin) restlint' : '$(error) restlint stopped';
    status.tooltip = starting ? 'restlint: starting the language server' : 'restlint: the language server is not running (see Output → restlint)';
    status.command = starting ? undefined : 'workbench.action.output.toggleOutput';
    status.backgroundColor = starting ? undefined : new vscode.ThemeColor('statusBarItem.errorBackground');
    return;
  }
  const count = restlintDiagnostics().length;
  status.text = count === 0 ? '$(check) restlint' : `$(warning) restlint: ${count}`;
  status.tooltip = count === 0 ? 'restlint: no findings' : `restlint: ${count} finding${count === 1 ? '' : 's'} (click for the Problems panel)`;
  status.command = 'workbench.actions.view.problems';
  status.backgroundColor = undefined;
}

function restlintDiagnostics(): Array<{ uri: vscode.Uri; diagnostic: vscode.Diagnostic }> {
  const found: Array<{ uri: vscode.Uri; diagnostic: vscode.Diagnostic }> = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) if (diagnostic.source && SOURCES.has(diagnostic.source)) found.push({ uri, diagnostic });
  }
  return found;
}

function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  if (typeof code === 'object') return String(code.value);
  return String(code);
}

async function lintWorkspace(args: unknown[], next: ExecuteCommandSignature): Promise<unknown> {
  const result = (await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'restlint: linting the workspace' },
    () => Promise.resolve(next(SERVER_COMMANDS.lintWorkspace, args)),
  )) as LintWorkspaceResult | undefined;
  if (result && typeof result.files === 'number') {
    const message = result.files === 0
      ? 'restlint: no OpenAPI documents found in the workspace.'
      : `restlint: ${plural(result.findings, 'finding')} in ${plural(result.files, 'OpenAPI document')}.`;
    if (result.findings > 0) {
      void vscode.window.showInformationMessage(message, 'Show Problems').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    } else {
      void vscode.window.showInformationMessage(message);
    }
  }
  return result;
}

async function probe(args: unknown[], next: ExecuteCommandSignature): Promise<unknown> {
  // Called with arguments (by another extension or a code action): straight to the server.
  if (args.length > 0 && isProbeArgs(args[0])) return next(SERVER_COMMANDS.probe, args);

  const spec = await pickSpec();
  if (!spec) return undefined;
  const configured = vscode.workspace.getConfiguration('restlint', spec).get<string>('probe.baseUrl', '');
  const baseUrl = await vscode.window.showInputBox({
    title: 'restlint: Probe running API',
    prompt: `The base URL of the running API to probe with ${vscode.workspace.asRelativePath(spec)}`,
    placeHolder: 'http://127.0.0.1:3000',
    value: configured,
    ignoreFocusOut: true,
    validateInput: (value) => {
      try {
        const url = new URL(value.trim());
        return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : 'An http:// or https:// URL';
      } catch {
        return 'An http:// or https:// URL, e.g. http://127.0.0.1:3000';
      }
    },
  });
  if (!baseUrl) return undefined;
  const safe = { label: 'GET/HEAD/OPTIONS only', description: 'default', detail: 'Sends only requests that change nothing on the server.', allowMutations: false };
  const mutating = {
    label: 'Also POST/PUT/PATCH/DELETE',
    description: 'changes data',
    detail: 'Sends requests that create, change and delete resources: only for a disposable test instance.',
    allowMutations: true,
  };
  const choice = await vscode.window.showQuickPick([safe, mutating], {
    title: `restlint: Probe ${baseUrl.trim()}`,
    placeHolder: 'Which requests may the probe send?',
    ignoreFocusOut: true,
  });
  if (!choice) return undefined;
  if (choice.allowMutations) {
    const sure = await vscode.window.showWarningMessage(
      `restlint will send POST, PUT, PATCH and DELETE requests to ${baseUrl.trim()}. Go on only with an instance whose data may be changed.`,
      { modal: true },
      'Send them',
    );
    if (sure !== 'Send them') return undefined;
  }
  const probeArgs: ProbeArgs = { uri: spec.toString(), baseUrl: baseUrl.trim(), allowMutations: choice.allowMutations };
  try {
    const result = (await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `restlint: probing ${probeArgs.baseUrl}`, cancellable: false },
      () => Promise.resolve(next(SERVER_COMMANDS.probe, [probeArgs])),
    )) as ProbeResult | undefined;
    if (result && typeof result.findings === 'number') {
      const message = `restlint probe: ${plural(result.findings, 'finding')} from ${plural(result.sent, 'request')} to ${probeArgs.baseUrl}.`;
      if (result.findings > 0) {
        void vscode.window.showWarningMessage(message, 'Show Problems').then((picked) => {
          if (picked) void vscode.commands.executeCommand('workbench.actions.view.problems');
        });
      } else {
        void vscode.window.showInformationMessage(message);
      }
    }
    return result;
  } catch (error) {
    void vscode.window.showErrorMessage(`restlint probe: ${errorText(error)}`);
    return undefined;
  }
}

function isProbeArgs(value: unknown): value is ProbeArgs {
  return typeof value === 'object' && value !== null && typeof (value as ProbeArgs).uri === 'string' && typeof (value as ProbeArgs).baseUrl === 'string';
}

/** The spec to probe with: the active editor's YAML/JSON document, else one picked from the workspace. */
async function pickSpec(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && ['yaml', 'json'].includes(active.languageId)) return active.uri;
  const found = await vscode.workspace.findFiles('**/{openapi,swagger}.{yaml,yml,json}', '**/node_modules/**', 50);
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    void vscode.window.showWarningMessage('restlint probe: open the OpenAPI document to probe with, then run the command again.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title: 'restlint: Probe running API', placeHolder: 'The OpenAPI document that describes the API' },
  );
  return picked?.uri;
}

async function showRuleDocumentation(initial?: unknown): Promise<void> {
  if (!client || client.state !== State.Running) {
    void vscode.window.showErrorMessage('restlint: the language server is not running.');
    return;
  }
  let id = typeof initial === 'string' ? initial : undefined;
  if (!id) {
    const counts = new Map<string, { count: number; message: string }>();
    for (const { diagnostic } of restlintDiagnostics()) {
      const rule = ruleId(diagnostic);
      if (!rule || rule === 'parse-error') continue;
      const entry = counts.get(rule);
      if (entry) entry.count++;
      else counts.set(rule, { count: 1, message: diagnostic.message });
    }
    if (counts.size > 0) {
      const other = { label: '$(edit) Another rule…', rule: '' };
      const items = [...counts.entries()]
        .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
        .map(([rule, { count, message }]) => ({ label: rule, description: plural(count, 'finding'), detail: message, rule }));
      const picked = await vscode.window.showQuickPick([...items, other], {
        title: 'restlint: Show rule documentation',
        placeHolder: 'A rule with findings in the workspace',
        matchOnDescription: true,
      });
      if (!picked) return;
      id = picked.rule || undefined;
    }
    if (!id) {
      id = (await vscode.window.showInputBox({
        title: 'restlint: Show rule documentation',
        prompt: 'A rule id (`restlint rules` lists them)',
        placeHolder: 'no-trailing-slash',
        validateInput: (value) => (/^[a-z0-9-]+$/.test(value.trim()) ? undefined : 'A rule id: lowercase letters, digits and hyphens'),
      }))?.trim();
      if (!id) return;
    }
  }
  try {
    await client.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.showRuleDoc, arguments: [id] });
  } catch (error) {
    void vscode.window.showErrorMessage(`restlint: ${errorText(error)}`);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

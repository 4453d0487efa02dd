import { startServer } from '../lsp/server';

/** `restlint lsp --stdio`: the language server on stdin/stdout, until the client says exit. */
export function lspCommand(): void {
  startServer();
}

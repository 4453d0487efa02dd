/**
 * How a caller abandons a lint that is no longer wanted (the language server: the document
 * changed again while it was linted). The engine calls `shouldStop` at checkpoints (after the
 * parse, between the walker's nodes, at each referenced file it loads) and throws LintStopped
 * when it answers true; nothing is reported, the caller lints again later.
 */
export type ShouldStop = () => boolean;

export class LintStopped extends Error {
  constructor() {
    super('the lint was stopped: its text is stale');
    this.name = 'LintStopped';
  }
}

/** Throws LintStopped when `shouldStop` (if any) says so. */
export function checkpoint(shouldStop: ShouldStop | undefined): void {
  if (shouldStop?.()) throw new LintStopped();
}

/**
 * A command that loaded code which may keep the event loop alive after the command is done
 * (`probe --app`: the app's database pool, its timers) asks for an exit: main() then exits the
 * process once stdout and stderr are flushed, instead of waiting for the loop to empty. The
 * flag lives on globalThis: the probe command is a bundle of its own (scripts/build.mjs), with
 * its own copy of this module.
 */
const KEY = Symbol.for('restlint.exitWhenDone');

export function requestExitWhenDone(): void {
  (globalThis as Record<symbol, unknown>)[KEY] = true;
}

export function exitRequested(): boolean {
  return (globalThis as Record<symbol, unknown>)[KEY] === true;
}

/** Resolves once everything written to the stream so far has been handed to the system. */
export function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write('', () => resolve());
  });
}

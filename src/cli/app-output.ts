import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Lines of the app's output shown on stderr; the rest goes to a file the summary names. */
const SHOWN_LINES = 40;

type Write = typeof process.stdout.write;

/**
 * What an app loaded with --app writes to stdout and stderr (its console.log, its request
 * logger), captured while it runs in restlint's process, so that it never mixes with
 * restlint's report (JSON on stdout stays JSON) and is shown apart, under its own heading.
 * restlint's own writes meanwhile go through `stderr` here.
 */
export class AppOutput {
  private text = '';
  private readonly originals: { stdout: Write; stderr: Write };

  private constructor() {
    this.originals = { stdout: process.stdout.write, stderr: process.stderr.write };
    const capture = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    }) as Write;
    process.stdout.write = capture;
    process.stderr.write = capture;
  }

  static capture(): AppOutput {
    return new AppOutput();
  }

  /** restlint's own progress line while the app's output is captured. */
  stderr(text: string): void {
    this.originals.stderr.call(process.stderr, text);
  }

  /** Stops capturing (again: nothing). */
  stop(): void {
    process.stdout.write = this.originals.stdout;
    process.stderr.write = this.originals.stderr;
  }

  /**
   * The captured output under its heading, for stderr (secrets hidden by `redact`), or '' when
   * the app wrote nothing: its first lines, and the whole of it in a file when it is longer.
   */
  report(app: string, redact: (text: string) => string): string {
    const text = redact(this.text).replace(/\s+$/, '');
    if (text === '') return '';
    const lines = text.split('\n');
    const shown = lines.slice(0, SHOWN_LINES).map((line) => `  ${line}`);
    let tail = '';
    if (lines.length > SHOWN_LINES) {
      const file = join(tmpdir(), `restlint-app-output-${process.pid}.log`);
      writeFileSync(file, `${text}\n`);
      tail = `\n  … ${lines.length - SHOWN_LINES} more lines; all ${lines.length} in ${file}`;
    }
    return `Output of the app (--app ${app}), kept apart from the report:\n${shown.join('\n')}${tail}\n\n`;
  }
}

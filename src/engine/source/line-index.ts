/** Zero-based position, as in LSP and Spectral: `character` counts UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * Maps string offsets to line/character positions. The line-start table is built on
 * first use, so a file with no finding never pays for it.
 *
 * Every range any rule, parser or shell reports is made here, so this is where positions are
 * kept true: an offset outside the text (a parser's end-of-input past the last character, a
 * span that counts the newline a parser added) is clamped to the text, and a character never
 * lies past the end of its line's text (the `\r` of a `\r\n` included). Lines end at `\n`,
 * `\r\n` and a lone `\r`, as in LSP and YAML.
 */
export class LineIndex {
  private starts: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  position(offset: number): Position {
    const text = this.text;
    const starts = (this.starts ??= buildLineStarts(text));
    const at = Number.isFinite(offset) ? Math.min(Math.max(Math.trunc(offset), 0), text.length) : 0;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.min(at, this.lineEnd(low)) - starts[low] };
  }

  /** The range of `[start, end)`; an end before the start is read as the start (an empty range). */
  range(start: number, end: number): Range {
    const from = this.position(start);
    const to = this.position(end);
    return to.line < from.line || (to.line === from.line && to.character < from.character) ? { start: from, end: { ...from } } : { start: from, end: to };
  }

  /** The offset of a position, or undefined when it lies outside the text or past the end of its line. */
  offsetAt(position: Position): number | undefined {
    const starts = (this.starts ??= buildLineStarts(this.text));
    if (!Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.line >= starts.length || position.character < 0) return undefined;
    const offset = starts[position.line] + position.character;
    return offset <= this.lineEnd(position.line) ? offset : undefined;
  }

  /** How many lines the text has (a final newline starts an empty last line). */
  get lineCount(): number {
    return (this.starts ??= buildLineStarts(this.text)).length;
  }

  /** The offset where a line's text ends, before its line break. */
  lineEnd(line: number): number {
    const starts = (this.starts ??= buildLineStarts(this.text));
    if (line + 1 >= starts.length) return this.text.length;
    const next = starts[line + 1];
    // The break is `\n`, `\r` or `\r\n`: back over it.
    return this.text.charCodeAt(next - 1) === 0x0a && this.text.charCodeAt(next - 2) === 0x0d ? next - 2 : next - 1;
  }
}

function buildLineStarts(text: string): Uint32Array {
  const starts: number[] = [0];
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return Uint32Array.from(starts);
  }
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x0d && text.charCodeAt(at + 1) === 0x0a) at++;
    if (code === 0x0a || code === 0x0d) starts.push(at + 1);
  }
  return Uint32Array.from(starts);
}

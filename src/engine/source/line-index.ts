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
 */
export class LineIndex {
  private starts: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  position(offset: number): Position {
    const starts = (this.starts ??= buildLineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

function buildLineStarts(text: string): Uint32Array {
  const starts: number[] = [0];
  let at = text.indexOf('\n');
  while (at !== -1) {
    starts.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  return Uint32Array.from(starts);
}

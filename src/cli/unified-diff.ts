/**
 * A unified diff of two texts, as `diff -u` and `git diff` print it, for `--fix-dry-run`.
 * Lines keep their own ending (a CRLF file shows its `\r`), and a last line without one is
 * marked `\ No newline at end of file`, so the output applies with `git apply` or `patch`.
 */

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Empty when the texts are equal. */
export function unifiedDiff(before: string, after: string, oldName: string, newName: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  for (const hunk of hunks(ops, context)) out += hunk;
  return out;
}

/** Lines with their endings; the last may have none. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The common head and tail are equal lines; only the middle goes through Myers. */
function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const equal = (line: string): Op => ({ kind: ' ', line });
  return [
    ...a.slice(0, head).map(equal),
    ...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map(equal),
  ];
}

/**
 * Myers' O((N+M)·D) shortest edit script. Each step keeps only the diagonals it can reach
 * (-d-1…d+1), so memory is O(D²), not O((N+M)·D): a fix changes few lines of a big file.
 */
function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return [];
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  search: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  // Walk back from the end through the snapshots, collecting ops in reverse.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const snapshot = trace[d];
    const at = (k: number) => snapshot[k + d + 1];
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x] });
    }
    if (d > 0) {
      if (x === previousX) ops.push({ kind: '+', line: b[previousY] });
      else ops.push({ kind: '-', line: a[previousX] });
    }
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}

/** Groups changes closer than 2·context lines into one hunk, each with its header. */
function hunks(ops: Op[], context: number): string[] {
  const changed = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
  const groups: [number, number][] = [];
  for (const index of changed) {
    const last = groups[groups.length - 1];
    if (last && index - last[1] <= 2 * context) last[1] = index;
    else groups.push([index, index]);
  }
  // Line numbers before each op, in the old and the new text.
  const oldBefore: number[] = [];
  const newBefore: number[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const op of ops) {
    oldBefore.push(oldLine);
    newBefore.push(newLine);
    if (op.kind !== '+') oldLine++;
    if (op.kind !== '-') newLine++;
  }
  return groups.map(([first, last]) => {
    const start = Math.max(0, first - context);
    const end = Math.min(ops.length - 1, last + context);
    const slice = ops.slice(start, end + 1);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    const header = `@@ -${span(oldBefore[start], oldCount)} +${span(newBefore[start], newCount)} @@\n`;
    return header + slice.map((op) => op.kind + (op.line.endsWith('\n') ? op.line : `${op.line}\n\\ No newline at end of file\n`)).join('');
  });
}

/** `start,count` with a one-based start; an empty side names the line before it, and `,1` is left out (as git does). */
function span(linesBefore: number, count: number): string {
  if (count === 0) return `${linesBefore},0`;
  return count === 1 ? `${linesBefore + 1}` : `${linesBefore + 1},${count}`;
}

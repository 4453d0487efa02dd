import type { Finding } from '../engine/finding';
import type { Position } from '../engine/source/line-index';

/**
 * A file's last good findings, moved onto its current text while it does not parse: the two
 * texts differ in one region (their common start and end are kept), findings before it stay,
 * findings after it move with it (lines, and columns on its last line), and findings it touches
 * are hidden. None keeps its fix: its edits were computed on the old text.
 */
export function moveFindings(findings: readonly Finding[], before: string, after: string): Finding[] {
  if (before === after) return findings.map(withoutFix);
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  const changedFrom = positionAt(before, start);
  const oldEnd = positionAt(before, before.length - end);
  const newEnd = positionAt(after, after.length - end);
  const move = (position: Position): Position =>
    position.line === oldEnd.line
      ? { line: newEnd.line, character: newEnd.character + position.character - oldEnd.character }
      : { line: position.line + newEnd.line - oldEnd.line, character: position.character };
  const moved: Finding[] = [];
  for (const finding of findings) {
    const { start: from, end: to } = finding.range;
    if (compare(from, changedFrom) < 0 && compare(to, changedFrom) <= 0) moved.push(withoutFix(finding));
    else if (compare(from, oldEnd) >= 0) moved.push({ ...withoutFix(finding), range: { start: move(from), end: move(to) } });
    // Otherwise the edit touched it: hidden until the document parses again.
  }
  return moved;
}

function withoutFix(finding: Finding): Finding {
  const { fix: _fix, ...rest } = finding;
  return rest;
}

function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, character: offset - lineStart };
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

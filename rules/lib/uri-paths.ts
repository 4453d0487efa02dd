/**
 * The URIs a user sees are path keys and the path part of server URLs (Swagger 2.0
 * `basePath`): rules that check segments check both, reporting inside the key or the URL.
 */
import type { NodeLocation } from '../../src/engine/model/location';
import type { PathSegment } from '../../src/engine/model/path';
import type { FixEdit } from '../../src/engine/rule';
import type { Visitors } from '../../src/engine/walk/nodes';
import { withoutCustomMethod, type Piece } from './path-shape';

export interface UriPath {
  /** The path as a user reads it (`/users/{id}`, or a server's `/v1`). */
  path: string;
  /** Segments, with offsets inside `text`. */
  segments: PathSegment[];
  at: NodeLocation;
  /** Path keys are reported on the key; server URLs on the `url` value. */
  part: 'key' | 'value';
  /** The text the offsets point into: the path key, or the whole server URL. */
  text: string;
}

/** Visitors that call `check` for every path key and every server base path. */
export function eachUriPath(check: (uri: UriPath) => void): Visitors {
  return {
    PathItem(item) {
      check({ path: item.path, segments: item.segments, at: item.loc, part: 'key', text: item.path });
    },
    Server(server) {
      check({ path: server.basePath, segments: server.segments, at: server.loc, part: 'value', text: server.url });
    },
  };
}

/**
 * A segment's name with its faulty pieces rewritten (the suggestion a message shows), the
 * span from the first faulty piece to the last (the range to underline), and the edit that
 * renames the segment (a `doc` fix: offered in an editor, never applied to a live API's paths).
 */
export function rewritePieces(
  uri: UriPath,
  segment: PathSegment,
  pieces: readonly Piece[],
  rewrite: (piece: string) => string,
): { name: string; suggestion: string; within: { text: string; start: number; end: number }; fix: FixEdit } {
  const name = withoutCustomMethod(segment);
  let suggestion = '';
  let cursor = segment.start;
  for (const piece of pieces) {
    suggestion += uri.text.slice(cursor, piece.start) + rewrite(piece.text);
    cursor = piece.end;
  }
  suggestion += uri.text.slice(cursor, segment.start + name.length);
  return {
    name,
    suggestion,
    within: { text: uri.text, start: pieces[0].start, end: pieces[pieces.length - 1].end },
    fix: { at: uri.at, part: uri.part, within: { text: uri.text, start: segment.start, end: segment.start + name.length }, newText: suggestion },
  };
}

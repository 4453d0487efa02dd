/**
 * Naming advice that agrees: when several naming rules fire on one segment (no-verb-in-path,
 * plural-collections, path-kebab-case, path-no-underscore), each suggests the same name, written
 * in path-kebab-case's convention, and a segment whose fix is a rename gets one suggested name.
 */
import type { PathSegment } from '../../src/engine/model/path';
import type { AnyRuleContext } from '../../src/engine/rule';
import type { Visitors } from '../../src/engine/walk/nodes';
import { isCase, joinUnderscored, toCase } from './casing';
import { singularCollections } from './plural-segments';
import { eachUriPath, type UriPath } from './uri-paths';
import { verbSegments, type NoVerbInPathOptions } from './verb-segments';

export interface NamingAdvice {
  /** The convention path-kebab-case is configured with (kebab-case by default). */
  convention: 'kebab' | 'camel' | 'snake';
  /** A name as the naming rules that are on would write it: `Order_Items` → `order-items` (or `orderItems` under camelCase). */
  written(name: string): string;
  /** plural-collections' plural names for a path's singular collections, when that rule is on. */
  plurals(segments: readonly PathSegment[]): Map<PathSegment, { name: string }>;
}

export function namingAdvice(context: AnyRuleContext): NamingAdvice {
  const configured = context.optionsOf('path-kebab-case');
  const convention = configured?.case === 'camel' || configured?.case === 'snake' ? configured.case : 'kebab';
  const underscores = context.optionsOf('path-no-underscore') !== undefined;
  const plural = context.optionsOf('plural-collections') as { allow: string[] } | undefined;
  return {
    convention,
    written(name) {
      let out = name;
      if (underscores && convention !== 'snake') out = joinUnderscored(out, convention);
      if (configured && !isCase(out, convention)) out = toCase(out, convention);
      return out;
    },
    plurals: (segments) => (plural ? singularCollections(segments, plural.allow) : new Map()),
  };
}

/**
 * Visitors for a naming rule that checks every URI path (path keys and server base paths, as
 * eachUriPath) but leaves the segments no-verb-in-path reports to it: their fix is the one
 * rename that rule suggests, so a second finding with another name would argue with it.
 */
export function eachUriPathBesideVerbs(context: AnyRuleContext, check: (uri: UriPath, leave: ReadonlySet<PathSegment>) => void): Visitors {
  const uris: UriPath[] = [];
  const collect = eachUriPath((uri) => uris.push(uri));
  return {
    ...collect,
    'Document:exit'(document) {
      const verbOptions = context.optionsOf('no-verb-in-path') as NoVerbInPathOptions | undefined;
      const leave = verbOptions ? verbSegments(document, verbOptions) : new Set<PathSegment>();
      for (const uri of uris) check(uri, leave);
    },
  };
}

/**
 * The rewrite of a segment's faulty piece a case rule suggests: the name as the naming rules
 * would write it, made plural too where plural-collections reports the segment.
 */
export function caseRewrite(advice: NamingAdvice, segment: PathSegment, plurals: Map<PathSegment, { name: string }>): (piece: string) => string {
  const plural = plurals.get(segment);
  return (piece) => advice.written(plural && segment.kind === 'literal' && piece === segment.name ? plural.name : piece);
}

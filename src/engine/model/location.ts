import type { SourceFile } from '../source/source-file';

/** Where a node lives: the file it was read from and its JSON pointer (unescaped segments) there. */
export interface NodeLocation {
  file: SourceFile;
  pointer: readonly string[];
}

export function childLocation(parent: NodeLocation, ...segments: string[]): NodeLocation {
  return { file: parent.file, pointer: [...parent.pointer, ...segments] };
}

export function encodePointer(pointer: readonly string[]): string {
  return pointer.map((segment) => '/' + segment.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function decodePointer(fragment: string): string[] | undefined {
  if (fragment === '' || fragment === '/') return fragment === '' ? [] : [''];
  if (!fragment.startsWith('/')) return undefined;
  return fragment
    .slice(1)
    .split('/')
    .map((segment) => safeDecodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function safeDecodeURIComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether `loc` is `parent` or lies inside it (same file, pointer prefix). */
export function isWithin(loc: NodeLocation, parent: NodeLocation): boolean {
  return loc.file === parent.file && parent.pointer.length <= loc.pointer.length && parent.pointer.every((segment, index) => loc.pointer[index] === segment);
}

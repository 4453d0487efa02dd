/** Shared helpers for the correctness rules that read parameter lists. */
import { childLocation, type NodeLocation } from '../../src/engine/model/location';
import { requestPath } from '../../src/engine/model/path';
import type { OperationNode, ParameterNode, PathItemNode } from '../../src/engine/walk/nodes';

/**
 * What makes two parameters the same one (OpenAPI: "a unique parameter is defined by a
 * combination of a name and location"). Header names are case-insensitive (RFC 9110 §5.1),
 * so `X-Trace` and `x-trace` in a header are one parameter.
 */
export function parameterKey(parameter: { name: string; in: string }): string {
  return parameter.in === 'header' ? `header\0${parameter.name.toLowerCase()}` : `${parameter.in}\0${parameter.name}`;
}

/**
 * The Parameter nodes of the walk, by the path item or operation that lists them: a rule
 * subscribes `Parameter` to `add` and checks a path item's parameters at `PathItem:exit`,
 * when its own and its operations' lists are complete, without walking them again.
 */
export class ParameterLists {
  private readonly lists = new Map<PathItemNode | OperationNode, ParameterNode[]>();

  add(node: ParameterNode): void {
    const list = this.lists.get(node.owner) ?? [];
    list.push(node);
    this.lists.set(node.owner, list);
  }

  of(owner: PathItemNode | OperationNode): readonly ParameterNode[] {
    return this.lists.get(owner) ?? [];
  }

  /**
   * Whether every entry of the owner's `parameters` became a node. A `$ref` that does not
   * resolve leaves a gap (invalid-ref or unresolved-ref reports it), and a check that needs
   * the whole list ("nothing declares {id}") must not guess what the gap held.
   */
  complete(owner: PathItemNode | OperationNode): boolean {
    const raw = owner.value.parameters;
    return !Array.isArray(raw) || raw.length === this.of(owner).length;
  }

  /** The parameters an operation takes: its own, and those of its path item it does not override (same name and in). */
  effective(operation: OperationNode): ParameterNode[] {
    const own = this.of(operation);
    const overridden = new Set(own.map(parameterKey));
    return [...own, ...this.of(operation.pathItem).filter((parameter) => !overridden.has(parameterKey(parameter)))];
  }
}

/** Whether the parameter is written in the list itself, not `$ref`'d from elsewhere. */
export function writtenInline(parameter: ParameterNode): boolean {
  const { loc, entryLoc } = parameter;
  return loc.file === entryLoc.file && loc.pointer.length === entryLoc.pointer.length && loc.pointer.every((segment, index) => segment === entryLoc.pointer[index]);
}

/**
 * Where a finding about one use of a parameter goes: its `name` when it is written in the list,
 * the `$ref` entry when it is shared (the component is right where it is used elsewhere).
 */
export function useLocation(parameter: ParameterNode): NodeLocation {
  return writtenInline(parameter) ? childLocation(parameter.loc, 'name') : parameter.entryLoc;
}

/** A `{name}` in a path template, with its offsets (braces included) in the path key. */
export interface TemplateParameter {
  name: string;
  start: number;
  end: number;
}

/**
 * The `{name}` expressions of a path template, first occurrence of each name. A `#fragment` or
 * `?query` written into the key is not part of the request path and holds no template.
 */
export function templateParameters(path: string): TemplateParameter[] {
  const found: TemplateParameter[] = [];
  const seen = new Set<string>();
  for (const match of requestPath(path).matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1];
    if (seen.has(name)) continue;
    seen.add(name);
    found.push({ name, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

import { dirname, relative } from 'node:path';
import { decodePointer } from '../src/engine/model/location';
import { isObject } from '../src/engine/model/json';
import { walkPointer } from '../src/engine/resolve/refs';
import { defineRule } from '../src/engine/rule';
import type { OpenApiVersion } from '../src/engine/walk/nodes';
import { componentKinds } from './lib/components';
import { documentRefs, refTarget, type FileScan } from './lib/document-refs';
import { listInWords } from './lib/phrases';

type Json = Record<string, unknown>;

/** The node of the graph everything outside the components is: paths, webhooks, the root `security`. */
const ROOT = '';

/**
 * A component is used when something reachable from the API itself (its paths, webhooks and
 * root security) references it, directly or through other used components: a chain of
 * components that only reference each other is reported whole. The graph is built from one
 * scan of every file (./lib/document-refs.ts): each `$ref`, discriminator `mapping` value and
 * security requirement is an edge from the component (or file) it is written in to what it
 * names. Another file of a split document is one node: reaching any part of it counts all of
 * its references (a shared file cannot tell which of its parts an entry uses).
 */
export default defineRule({
  meta: {
    id: 'no-unused-components',
    group: 'correctness',
    severity: 'warn',
    description: 'Every component is referenced by the API: from its paths, webhooks or security, directly or through components that are.',
    sources: ['OpenAPI 3.1 §4.8.7', 'OpenAPI 3.1 §4.8.23', 'OpenAPI 2.0 Definitions Object'],
    fix: 'no',
    messages: {
      unused: '{{what}} "{{name}}" is unused: nothing references it{{how}}',
      unreachable: '{{what}} "{{name}}" is unused: only {{referrers}} {{verb}} it, and nothing the API uses references {{them}}',
    },
  },
  create(context) {
    return {
      // At the end of the walk: the scan does not depend on it, and findings come after those of the paths.
      'Document:exit'(document) {
        const root = document.value;
        if (isLibrary(root)) return;
        const kinds = componentKinds(context.version);
        const base = context.version === '2.0' ? [] : ['components'];
        const container = context.version === '2.0' ? root : root.components;
        if (!isObject(container)) return;
        const components: { type: string; name: string; id: string }[] = [];
        for (const type of Object.keys(kinds)) {
          const map = container[type];
          if (isObject(map)) for (const name of Object.keys(map)) components.push({ type, name, id: [...base, type, name].join('\0') });
        }
        if (components.length === 0) return;

        const entry = document.loc.file;
        const refs = documentRefs(entry, context);
        const graph = new Graph(context.version, entry.path);
        for (const scan of refs.files) graph.addFile(scan, scan === refs.entry, root);
        graph.addInheritance(root);
        const reached = graph.reachable();

        for (const component of components) {
          if (reached.has(component.id)) continue;
          const what = kinds[component.type];
          const referrers = [...(graph.referrers.get(component.id) ?? [])].filter((from) => from !== component.id);
          const at = { file: entry, pointer: [...base, component.type, component.name] };
          if (referrers.length === 0) {
            const how = component.type === 'securitySchemes' || component.type === 'securityDefinitions' ? ' and no security requirement names it' : '';
            context.report({ messageId: 'unused', data: { what, name: component.name, how }, at, part: 'key' });
          } else {
            const names = referrers.map((from) => graph.describe(from, kinds));
            const shown = names.length <= 3 ? listInWords(names) : `${names.slice(0, 2).join(', ')} and ${names.length - 2} others`;
            const several = names.length > 1;
            context.report({
              messageId: 'unreachable',
              data: { what, name: component.name, referrers: shown, verb: several ? 'reference' : 'references', them: several ? 'them' : 'it' },
              at,
              part: 'key',
            });
          }
        }
      },
    };
  },
});

/** A document with neither paths nor webhooks is a library of components for others to reference: nothing in it is unused. */
function isLibrary(root: Json): boolean {
  const hasEntries = (value: unknown) => isObject(value) && Object.keys(value).some((key) => !key.startsWith('x-'));
  return !hasEntries(root.paths) && !hasEntries(root.webhooks);
}

class Graph {
  private readonly edges = new Map<string, Set<string>>();
  /** Who references each node: for the message about a component only unused ones reference. */
  readonly referrers = new Map<string, Set<string>>();
  private readonly kinds: Record<string, string>;

  constructor(
    private readonly version: OpenApiVersion,
    private readonly entryPath: string,
  ) {
    this.kinds = componentKinds(version);
  }

  /** The node a place in the entry belongs to: a component's id, or the root. */
  private entryNode(pointer: readonly string[]): string {
    if (this.version === '2.0') return pointer.length >= 2 && pointer[0] in this.kinds ? `${pointer[0]}\0${pointer[1]}` : ROOT;
    return pointer.length >= 3 && pointer[0] === 'components' && pointer[1] in this.kinds ? `components\0${pointer[1]}\0${pointer[2]}` : ROOT;
  }

  private fileNode(path: string, pointer: readonly string[]): string {
    return path === this.entryPath ? this.entryNode(pointer) : `file\0${path}`;
  }

  private edge(from: string, to: string): void {
    if (from === to && from === ROOT) return;
    let out = this.edges.get(from);
    if (!out) this.edges.set(from, (out = new Set()));
    out.add(to);
    let back = this.referrers.get(to);
    if (!back) this.referrers.set(to, (back = new Set()));
    back.add(from);
  }

  addFile(scan: FileScan, isEntry: boolean, root: Json): void {
    const from = (pointer: readonly string[]) => (isEntry ? this.entryNode(pointer) : `file\0${scan.file.path}`);
    const schemas = this.version === '2.0' ? ['definitions'] : ['components', 'schemas'];
    const schemaNames = walkPointer(root, schemas);
    for (const site of scan.refs) {
      const to = refTarget(scan, site.ref);
      if (to) this.edge(from(site.pointer), this.fileNode(to.path, to.pointer));
    }
    for (const site of scan.mappings) {
      // A mapping value is a schema name (of the components) or a reference.
      const named = 'value' in schemaNames && isObject(schemaNames.value) && Object.prototype.hasOwnProperty.call(schemaNames.value, site.value);
      const target = named && !site.value.includes('/') ? undefined : refTarget(scan, site.value);
      if (named && !site.value.includes('/')) this.edge(from(site.pointer), [...schemas, site.value].join('\0'));
      else if (target) this.edge(from(site.pointer), this.fileNode(target.path, target.pointer));
    }
    const schemes = this.version === '2.0' ? ['securityDefinitions'] : ['components', 'securitySchemes'];
    for (const site of scan.security) this.edge(from(site.pointer), [...schemes, site.name].join('\0'));
  }

  /**
   * A schema that extends a discriminated schema through allOf is one of its kinds: a payload
   * names it in the discriminator property, so whatever uses the parent uses it.
   */
  addInheritance(root: Json): void {
    const path = this.version === '2.0' ? ['definitions'] : ['components', 'schemas'];
    const found = walkPointer(root, path);
    if (!('value' in found) || !isObject(found.value)) return;
    const schemas = found.value;
    for (const [name, schema] of Object.entries(schemas)) {
      if (!isObject(schema) || !Array.isArray(schema.allOf)) continue;
      for (const member of schema.allOf) {
        if (!isObject(member) || typeof member.$ref !== 'string' || !member.$ref.startsWith('#')) continue;
        const pointer = decodePointer(member.$ref.slice(1));
        if (!pointer || pointer.length !== path.length + 1 || !path.every((segment, index) => pointer[index] === segment)) continue;
        const parent = schemas[pointer[path.length]];
        if (isObject(parent) && parent.discriminator !== undefined) this.edge([...pointer].join('\0'), [...path, name].join('\0'));
      }
    }
  }

  reachable(): Set<string> {
    const reached = new Set<string>([ROOT]);
    const queue = [ROOT];
    while (queue.length > 0) {
      const node = queue.pop()!;
      for (const next of this.edges.get(node) ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    return reached;
  }

  /** `schema "Old"`, `file common.yaml`: a referrer, for a message. */
  describe(node: string, kinds: Record<string, string>): string {
    const parts = node.split('\0');
    if (parts[0] === 'file') return `file ${relative(dirname(this.entryPath), parts[1])}`;
    const [type, name] = this.version === '2.0' ? parts : parts.slice(1);
    return `${kinds[type]} "${name}"`;
  }
}
